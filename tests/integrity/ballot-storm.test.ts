import { afterEach, describe, expect, inject, it } from 'vitest';
import { tallyRankedChoice } from '../../bot/domain/voting';
import { startTestApp, type TestApp } from '../support/app-harness';
import {
  chooseWinnerIfTied,
  lastAcknowledged,
  press,
  readBallotRows,
  readVote,
  runStorm,
  seededRandom,
  stormTeam,
} from './support/storm';

describe('a storm of ballots', () => {
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('keeps one current ballot per member and closes on exactly the acknowledged ballots, announced once', async () => {
    const connectionString = inject('azuriteConnectionString');
    app = await startTestApp();
    const running = app;
    const { members, team, vote } = await stormTeam(app, connectionString, {
      slug: 'storm',
      name: 'Storm member',
      count: 200,
    });

    const submissions = await runStorm({
      app,
      team,
      vote,
      members,
      rounds: 5,
      duplicateRate: 0.1,
      random: seededRandom(6),
    });

    expect(submissions).toHaveLength(1_000);
    expect(submissions.filter((s) => s.deliveries === 2).length).toBeGreaterThan(50);
    // Without faults every ballot is acknowledged, redelivered or not.
    expect(submissions.filter((s) => !s.acknowledged).map((s) => s.answers)).toEqual([]);

    const rows = await readBallotRows(connectionString, app.tablePrefix, team, vote.voteId);
    const currentPerMember = new Map<string, number>();
    for (const row of rows.current)
      currentPerMember.set(row.memberId, (currentPerMember.get(row.memberId) ?? 0) + 1);
    expect(currentPerMember.size).toBe(200);
    expect([...currentPerMember.values()].every((count) => count === 1)).toBe(true);
    // A redelivered ballot is not cast again: one history row per submission.
    expect(rows.history).toHaveLength(1_000);

    const last = lastAcknowledged(submissions);
    for (const row of rows.current) expect(row.ranking).toEqual(last.get(row.memberId)?.ranking);

    // The facilitator closes, and Teams redelivers the close and the announcement.
    const facilitator = members[0];
    if (!facilitator) throw new Error('no facilitator');
    const close = { replyToId: vote.cardId, id: 'storm-close' };
    const { result: closeAnswers, messages: closed } = await app.connector.messagesDuring(() =>
      Promise.all([
        press(running, team, facilitator, 'vote.close', { voteId: vote.voteId }, close),
        press(running, team, facilitator, 'vote.close', { voteId: vote.voteId }, close),
      ]),
    );
    // The press that closed answers with the closed ballot card and posts the next step in the thread.
    expect(closed).toContain('Vote closed');
    expect(closeAnswers.join('\n')).toContain('Closed');

    const stored = await readVote(connectionString, app.tablePrefix, team, vote.voteId);
    if (stored.vote.status !== 'closed') throw new Error('the vote did not close');
    const expected = tallyRankedChoice(
      [...last.values()].map((submission) => ({ ranking: submission.ranking })),
      vote.candidates,
    );
    expect(stored.vote.turnout.voted).toBe(200);
    expect(stored.vote.tally).toEqual(expected);
    await chooseWinnerIfTied(app, team, facilitator, vote, closed);

    const announce = { voteId: vote.voteId, rationale: 'The storm has spoken.' };
    const answers = await Promise.all([
      press(app, team, facilitator, 'decision.announce', announce, { replyToId: vote.cardId, id: 'a-1' }),
      press(app, team, facilitator, 'decision.announce', announce, { replyToId: vote.cardId, id: 'a-1' }),
      // A second press of the button is a new invoke with its own id.
      press(app, team, facilitator, 'decision.announce', announce, { replyToId: vote.cardId, id: 'a-2' }),
    ]);
    expect(answers.join('\n')).toContain('Announced');
    // Pressed again later: the decision stays announced once.
    await press(app, team, facilitator, 'decision.announce', announce, { replyToId: vote.cardId });
    await app.settle();
    const announcements = app.connector.calls.filter(
      (call) => call.kind !== 'update' && JSON.stringify(call.body).includes('Decision: '),
    );
    expect(announcements).toHaveLength(1);
    const closeCards = app.connector.calls.filter(
      (call) => call.kind !== 'update' && JSON.stringify(call.body).includes('Vote closed'),
    );
    expect(closeCards.length).toBeLessThanOrEqual(1);
  });
});
