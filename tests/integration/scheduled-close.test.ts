import { afterEach, describe, expect, it } from 'vitest';
import { cardAction, channelMessage, testUser, type TeamContext } from '../support/activities';
import { startTestApp, uniqueTablePrefix, type TestApp } from '../support/app-harness';
import { startLoopbackConnector, type LoopbackConnector } from '../support/loopback-connector';
import { createTestClock } from '../support/test-clock';

const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');
const hour = 3_600_000;

describe('the closing time', () => {
  const running: TestApp[] = [];
  let connector: LoopbackConnector | null = null;
  afterEach(async () => {
    for (const app of running.splice(0)) await app.close();
    await connector?.close();
    connector = null;
  });

  const start = async (options: { tablePrefix: string; clock: ReturnType<typeof createTestClock> }) => {
    connector ??= await startLoopbackConnector();
    connector.setRoster('*', [alice, bob]);
    const app = await startTestApp({ ...options, connector });
    running.push(app);
    return app;
  };

  const openOneHourVote = async (app: TestApp, team: TeamContext) => {
    await app.post(channelMessage(team, alice, 'propose Every student reads at grade level'));
    await app.post(channelMessage(team, bob, 'propose Cut chronic absence in half'));
    const opened = await app.post(cardAction(team, alice, 'vote.open', { closesInHours: '1' }));
    expect(JSON.stringify(opened.body)).toContain('opened a vote');
    await app.settle();
  };

  const facilitatorPrompts = () =>
    (connector?.calls ?? []).filter((call) => JSON.stringify(call.body).includes('Announce decision'));

  it('closes the vote once when it is due, and asks the facilitator for the rationale', async () => {
    const clock = createTestClock();
    const app = await start({ tablePrefix: uniqueTablePrefix(), clock });
    const team = await app.installInTeam({ teamId: '19:due@thread.tacv2', teamName: 'Due' });
    await openOneHourVote(app, team);
    const ballotCard = (connector?.calls ?? []).find((call) =>
      JSON.stringify(call.body).includes('ballot.view'),
    );
    const voteId = /"voteId":"([^"]+)"/.exec(JSON.stringify(ballotCard?.body))?.[1] as string;
    const view = JSON.stringify((await app.post(cardAction(team, bob, 'ballot.view', { voteId }))).body);
    const firstChoice = /"value":"([0-9a-f-]{36})"/.exec(view)?.[1] as string;
    await app.post(cardAction(team, bob, 'ballot.submit', { voteId, rank1: firstChoice }));
    await app.post(cardAction(team, alice, 'ballot.submit', { voteId, rank1: firstChoice }));

    expect(await app.runDueJobs()).toBe(0);
    clock.advance(2 * hour);
    expect(await app.runDueJobs()).toBe(1);
    await app.settle();
    expect(facilitatorPrompts()).toHaveLength(1);
    expect(await app.runDueJobs()).toBe(0);
    const late = JSON.stringify(
      (await app.post(cardAction(team, bob, 'ballot.submit', { voteId, rank1: firstChoice }))).body,
    );
    expect(late).toContain('Closed');
  });

  it('ends a vote without quorum at its closing time and offers to extend it', async () => {
    const clock = createTestClock();
    const app = await start({ tablePrefix: uniqueTablePrefix(), clock });
    const team = await app.installInTeam({ teamId: '19:quiet@thread.tacv2', teamName: 'Quiet' });
    await openOneHourVote(app, team);
    clock.advance(2 * hour);
    expect(await app.runDueJobs()).toBe(1);
    await app.settle();
    expect(facilitatorPrompts()).toHaveLength(0);
    expect(
      (connector?.calls ?? []).filter((call) => JSON.stringify(call.body).includes('Extend vote')),
    ).toHaveLength(1);
  });

  it('survives a restart between opening and the closing time, closing exactly once', async () => {
    const clock = createTestClock();
    const tablePrefix = uniqueTablePrefix();
    const first = await start({ tablePrefix, clock });
    const team = await first.installInTeam({ teamId: '19:restart@thread.tacv2', teamName: 'Restart' });
    await openOneHourVote(first, team);
    await first.close();
    running.splice(running.indexOf(first), 1);

    clock.advance(2 * hour);
    const second = await start({ tablePrefix, clock });
    const third = await start({ tablePrefix, clock });
    const [a, b] = await Promise.all([second.runDueJobs(), third.runDueJobs()]);
    expect(a + b).toBe(1);
    await Promise.all([second.settle(), third.settle()]);
    expect(
      (connector?.calls ?? []).filter((call) => JSON.stringify(call.body).includes('Extend vote')),
    ).toHaveLength(1);
  });
});
