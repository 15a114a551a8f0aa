import { afterEach, describe, expect, inject, it } from 'vitest';
import { maxInWindow } from '../../bench/lib/stats';
import { startTestApp, type TestApp } from '../support/app-harness';
import { chooseWinnerIfTied, press, readVote, runStorm, seededRandom, stormTeam } from './support/storm';

describe('a Bot Connector that throttles and fails', () => {
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('delivers every post exactly once, the last card current, never above 7 per second or 60 per 30 seconds', async () => {
    const connectionString = inject('azuriteConnectionString');
    app = await startTestApp();
    const running = app;
    const { members, team, vote } = await stormTeam(app, connectionString, {
      slug: 'throttled',
      name: 'Throttled member',
      count: 40,
    });
    const setupCalls = app.connector.calls.length;

    app.connector.setFaults({ rate: 0.3, retryAfterSeconds: 1, random: seededRandom(4) });
    const submissions = await runStorm({
      app,
      team,
      vote,
      members,
      rounds: 2,
      duplicateRate: 0.1,
      random: seededRandom(5),
    });
    expect(submissions.every((submission) => submission.acknowledged)).toBe(true);
    const facilitator = members[0];
    if (!facilitator) throw new Error('no facilitator');
    const { result: closedCard, messages: closed } = await app.connector.messagesDuring(() =>
      press(running, team, facilitator, 'vote.close', { voteId: vote.voteId }, { replyToId: vote.cardId }),
    );
    expect(closedCard).toContain('Closed');
    // The facilitator's next step is a message of its own in the vote's thread.
    expect(closed).toContain('Vote closed');
    await chooseWinnerIfTied(app, team, facilitator, vote, closed);
    const announced = await press(
      app,
      team,
      facilitator,
      'decision.announce',
      { voteId: vote.voteId, rationale: 'Decided under throttling.' },
      { replyToId: vote.cardId },
    );
    expect(announced).toContain('Announced');
    await app.settle();

    const { calls, refused } = app.connector;
    expect(refused.some((call) => call.status === 429)).toBe(true);
    expect(refused.some((call) => call.status === 502)).toBe(true);

    // Exactly one announcement, and the shared card's last update shows the closed vote.
    const posts = calls.slice(setupCalls).filter((call) => call.kind !== 'update');
    expect(posts.filter((call) => JSON.stringify(call.body).includes('Decision: '))).toHaveLength(1);
    const texts = posts.map((call) => JSON.stringify(call.body));
    expect(new Set(texts).size).toBe(texts.length);
    const updates = calls.filter((call) => call.kind === 'update' && call.activityId === vote.cardId);
    expect(JSON.stringify(updates.at(-1)?.body)).toContain('Closed');
    const stored = await readVote(connectionString, app.tablePrefix, team, vote.voteId);
    expect(stored.vote.status).toBe('closed');

    // Teams counts every request, refused ones too. The setup's replies answer the test's own commands, typed
    // faster than people could; what must stay within the limits is what the app sends from the storm on.
    const sent = [...calls.slice(setupCalls), ...refused];
    const conversations = new Set(sent.map((call) => call.conversationId));
    for (const conversationId of conversations) {
      const times = sent.filter((call) => call.conversationId === conversationId).map((call) => call.at);
      expect(maxInWindow(times, 1_000), `sends in 1 s to ${conversationId}`).toBeLessThanOrEqual(7);
      expect(maxInWindow(times, 30_000), `sends in 30 s to ${conversationId}`).toBeLessThanOrEqual(60);
    }
  });
});
