import { afterEach, describe, expect, inject, it } from 'vitest';
import { tallyRankedChoice } from '../../bot/domain/voting';
import { createTableDecisionLog } from '../../bot/storage/table-priority-stores';
import { startTestApp, type TestApp } from '../support/app-harness';
import type { TestUser } from '../support/activities';
import { createStorageFaults } from './support/storage-faults';
import {
  chooseWinnerIfTied,
  press,
  readBallotRows,
  readVote,
  runStorm,
  seededRandom,
  stormTeam,
  tableClient,
  toldVoter,
  type Submission,
} from './support/storm';

describe('Table Storage in trouble: 503s, timeouts and 412s', () => {
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('retries where safe, reports conflicts, loses nothing acknowledged and writes nothing twice', async () => {
    const connectionString = inject('azuriteConnectionString');
    const faults = createStorageFaults(seededRandom(412));
    app = await startTestApp({
      storageClientOptions: { additionalPolicies: [{ policy: faults.policy, position: 'perRetry' }] },
    });
    const { members, team, vote } = await stormTeam(app, connectionString, {
      slug: 'troubled',
      name: 'Troubled member',
      count: 60,
    });

    const rates = { busy: 0.04, lostRequest: 0.03, lostResponse: 0.04, staleEtag: 0.1 };
    faults.enable(rates);
    const submissions = await runStorm({
      app,
      team,
      vote,
      members,
      rounds: 3,
      duplicateRate: 0.1,
      random: seededRandom(7),
    });
    // Every voter is told clearly: recorded (showing this very ballot) or not; never a silent or wrong answer.
    const unclear = submissions.filter((s) => !s.acknowledged && !s.failed);
    expect(unclear.map(toldVoter)).toEqual([]);

    const facilitator = members[0] as TestUser;
    const { result: closedCard, messages } = await app.connector.messagesDuring(() =>
      untilDone(() =>
        press(
          app as TestApp,
          team,
          facilitator,
          'vote.close',
          { voteId: vote.voteId },
          { replyToId: vote.cardId },
        ),
      ),
    );
    // The next step is posted in the thread, or, when a retried press finds the vote closed, is its answer.
    const closed = `${closedCard}${messages}`;
    expect(closed).toContain('Vote closed');
    await chooseWinnerIfTied(app, team, facilitator, vote, closed);
    const announced = await untilDone(() =>
      press(
        app as TestApp,
        team,
        facilitator,
        'decision.announce',
        { voteId: vote.voteId, rationale: 'Decided through the storm.' },
        { replyToId: vote.cardId },
      ),
    );
    expect(announced).toContain('Announced');
    faults.disable();
    await app.settle();
    expect(faults.injected.busy).toBeGreaterThan(0);
    expect(faults.injected.lostRequest).toBeGreaterThan(0);
    expect(faults.injected.lostResponse).toBeGreaterThan(0);
    expect(faults.injected.staleEtag).toBeGreaterThan(0);

    const rows = await readBallotRows(connectionString, app.tablePrefix, team, vote.voteId);
    const byMember = new Map<string, Submission[]>();
    for (const s of submissions) byMember.set(s.member.id, [...(byMember.get(s.member.id) ?? []), s]);
    for (const [memberId, own] of byMember) {
      own.sort((a, b) => a.round - b.round);
      const current = rows.current.filter((row) => row.memberId === memberId);
      const history = rows.history.filter((row) => row.memberId === memberId);
      const lastAcked = own.filter((s) => s.acknowledged).at(-1);
      if (!lastAcked) {
        expect(current.length).toBeLessThanOrEqual(1);
        continue;
      }
      // The current ballot is the last acknowledged one, or a later one the voter was told had failed.
      expect(current).toHaveLength(1);
      const allowed = own.filter((s) => s.round >= lastAcked.round).map((s) => s.ranking);
      expect(allowed).toContainEqual(current[0]?.ranking);
      // Nothing written twice: at most one history row per submission, at least one per acknowledged one.
      expect(history.length).toBeLessThanOrEqual(own.length);
      expect(history.length).toBeGreaterThanOrEqual(own.filter((s) => s.acknowledged).length);
    }

    const stored = await readVote(connectionString, app.tablePrefix, team, vote.voteId);
    if (stored.vote.status !== 'closed') throw new Error('the vote did not close');
    expect(stored.closing).toBe(false);
    expect(stored.vote.tally).toEqual(
      tallyRankedChoice(
        rows.current.map((row) => ({ ranking: row.ranking })),
        vote.candidates,
      ),
    );
    const log = createTableDecisionLog(tableClient(connectionString, `${app.tablePrefix}decisions`));
    expect(await log.entries({ tenantId: team.tenantId, teamId: team.teamId })).toHaveLength(1);
    const announcements = app.connector.calls.filter(
      (call) => call.kind !== 'update' && JSON.stringify(call.body).includes('Decision: '),
    );
    expect(announcements).toHaveLength(1);
  });
});

/** The facilitator presses again while the answer says something went wrong (at most five times). */
async function untilDone(pressOnce: () => Promise<string>): Promise<string> {
  let answer = '';
  for (let attempt = 0; attempt < 5; attempt += 1) {
    answer = await pressOnce();
    if (!/try again/i.test(answer)) return answer;
  }
  return answer;
}
