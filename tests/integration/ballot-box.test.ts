import { TableClient } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { BallotBox } from '../../bot/app/priority-stores';
import type { Ballot } from '../../bot/domain/voting';
import { createTableBallotBox } from '../../bot/storage/table-priority-stores';

const team = { tenantId: 'tenant-burst', teamId: '19:burst@thread.tacv2' };
const voteId = 'vote-burst';

const ballotOf = (memberId: string, first: string, second: number): Ballot => ({
  method: 'ranked-choice',
  ranking: [first, 'other'],
  voteId,
  memberId,
  castAt: `2026-12-07T09:00:${String(second).padStart(2, '0')}.000Z`,
  concern: null,
});

const firstChoice = (ballot: Ballot | undefined) =>
  ballot?.method === 'ranked-choice' ? ballot.ranking[0] : undefined;

/** The ballot box on a fresh table in the shared Azurite, with the storage requests it makes counted. */
async function freshBallotBox(): Promise<{ box: BallotBox; batches: () => number }> {
  let batches = 0;
  const table = TableClient.fromConnectionString(
    inject('azuriteConnectionString'),
    `ballots${randomUUID().replace(/-/g, '').slice(0, 12)}`,
    {
      allowInsecureConnection: true,
      additionalPolicies: [
        {
          position: 'perCall',
          policy: {
            name: 'countBatches',
            sendRequest: (request, next) => {
              if (request.url.endsWith('$batch')) batches += 1;
              return next(request);
            },
          },
        },
      ],
    },
  );
  await table.createTable();
  return { box: createTableBallotBox(table), batches: () => batches };
}

describe('ballots cast at the same moment', () => {
  let box: BallotBox;
  let batches: () => number;
  beforeEach(async () => {
    ({ box, batches } = await freshBallotBox());
  });

  it('records every ballot of a burst, in a few shared transactions', async () => {
    const members = Array.from({ length: 120 }, (_, index) => `member-${index}`);
    const outcomes = await Promise.all(
      members.map((memberId) => box.cast(team, ballotOf(memberId, 'a', 1), `delivery-${memberId}`)),
    );
    expect(outcomes.every((outcome) => !outcome.redelivered)).toBe(true);
    const current = await box.current(team, voteId);
    expect([...current.keys()].sort()).toEqual([...members].sort());
    expect(await box.history(team, voteId)).toHaveLength(120);
    // The first goes alone at once; the others wait for it and go 50 to a transaction.
    expect(batches()).toBeLessThanOrEqual(4);
  });

  it('keeps a member’s ballots in the order they came, even in the same burst', async () => {
    const casts = [
      box.cast(team, ballotOf('amy', 'first', 1), 'amy-1'),
      box.cast(team, ballotOf('ben', 'first', 1), 'ben-1'),
      box.cast(team, ballotOf('amy', 'second', 2), 'amy-2'),
      box.cast(team, ballotOf('amy', 'third', 3), 'amy-3'),
    ];
    await Promise.all(casts);
    const current = await box.current(team, voteId);
    expect(firstChoice(current.get('amy'))).toBe('third');
    expect(firstChoice(current.get('ben'))).toBe('first');
    const history = await box.history(team, voteId);
    expect(history.filter((ballot) => ballot.memberId === 'amy').map(firstChoice)).toEqual([
      'first',
      'second',
      'third',
    ]);
  });

  it('answers a redelivery inside a burst with the ballot its delivery recorded, and records the others', async () => {
    await box.cast(team, ballotOf('amy', 'original', 1), 'amy-delivery');
    const burst = await Promise.all([
      box.cast(team, ballotOf('ben', 'a', 2), 'ben-delivery'),
      box.cast(team, ballotOf('amy', 'redelivered', 3), 'amy-delivery'),
      box.cast(team, ballotOf('cat', 'a', 2), 'cat-delivery'),
    ]);
    expect(burst.map((outcome) => outcome.redelivered)).toEqual([false, true, false]);
    expect(firstChoice(burst[1]?.recorded)).toBe('original');
    const current = await box.current(team, voteId);
    expect([...current.keys()].sort()).toEqual(['amy', 'ben', 'cat']);
    expect(firstChoice(current.get('amy'))).toBe('original');
    expect(await box.history(team, voteId)).toHaveLength(3);
  });
});
