import { afterEach, describe, expect, inject, it } from 'vitest';
import { tallyRankedChoice } from '../../bot/domain/voting';
import { startTestApp, type TestApp } from '../support/app-harness';
import {
  lastAcknowledged,
  press,
  readVote,
  runStorm,
  seededRandom,
  stormTeam,
  toldVoter,
} from './support/storm';

describe('a close racing the ballots', () => {
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('counts every ballot its voter was told is recorded, and only those', async () => {
    const connectionString = inject('azuriteConnectionString');
    app = await startTestApp();
    const running = app;
    const { members, team, vote } = await stormTeam(app, connectionString, {
      slug: 'close-race',
      name: 'Racing member',
      count: 120,
    });
    const facilitator = members[0];
    if (!facilitator) throw new Error('no facilitator');

    // The facilitator presses Close while the members are still changing their ballots.
    const closing: { press?: Promise<{ result: string; messages: string }> } = {};
    const submissions = await runStorm({
      app,
      team,
      vote,
      members,
      rounds: 4,
      duplicateRate: 0.1,
      random: seededRandom(11),
      beforeSubmit: (round, memberIndex) => {
        if (round === 2 && memberIndex === 0)
          closing.press = running.connector.messagesDuring(() =>
            press(running, team, facilitator, 'vote.close', { voteId: vote.voteId }),
          );
      },
    });
    const closed = await closing.press;
    expect(closed?.result).toContain('Closed');
    expect(closed?.messages).toContain('Vote closed');

    const stored = await readVote(connectionString, app.tablePrefix, team, vote.voteId);
    if (stored.vote.status !== 'closed') throw new Error('the vote did not close');
    // Some ballots landed after the close and were refused: the race really happened.
    const refused = submissions.filter((submission) => !submission.acknowledged);
    expect(refused.length).toBeGreaterThan(0);
    expect(
      refused.every((submission) => submission.failed),
      refused.map(toldVoter).join('\n'),
    ).toBe(true);

    const last = lastAcknowledged(submissions);
    expect(stored.vote.turnout.voted).toBe(last.size);
    expect(stored.vote.tally).toEqual(
      tallyRankedChoice(
        [...last.values()].map((submission) => ({ ranking: submission.ranking })),
        vote.candidates,
      ),
    );
  });
});
