import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, channelMessage, testUser, type TeamContext } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import type { ConnectorCall } from '../support/loopback-connector';
import { tabApi } from '../support/tab-api';

const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');

interface MyTeam {
  id: string;
  name: string;
  priority: string | null;
  ballots: Array<{ voteId: string; title: string }>;
  board: { sessionId: string; newItems: number } | null;
}

const bodyText = (call: ConnectorCall | undefined) => JSON.stringify(call?.body ?? null);

describe('the personal tab: my teams and what waits for me', () => {
  let app: TestApp;
  let north: TeamContext;

  beforeAll(async () => {
    app = await startTestApp();
    app.connector.setRoster('19:north@thread.tacv2', [alice, bob]);
    app.connector.setRoster('19:south@thread.tacv2', [bob]);
    north = await app.installInTeam({ teamId: '19:north@thread.tacv2', teamName: 'North Leadership' });
    await app.installInTeam({ teamId: '19:south@thread.tacv2', teamName: 'South Leadership' });
  });
  afterAll(async () => {
    await app.close();
  });

  const myTeams = async (user: typeof alice) => {
    const response = await fetch(`${app.baseUrl}/api/me`, {
      headers: { 'x-local-user-id': user.id, 'x-local-user-name': user.name },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { teams: MyTeam[] }).teams;
  };

  it('lists only the teams whose roster has me, with ballots I have not cast and new board items', async () => {
    expect((await myTeams(alice)).map((team) => team.name)).toEqual(['North Leadership']);
    expect((await myTeams(bob)).map((team) => team.name).sort()).toEqual([
      'North Leadership',
      'South Leadership',
    ]);

    await app.post(channelMessage(north, alice, 'propose Every student reads at grade level'));
    await app.post(channelMessage(north, bob, 'propose Cut chronic absence in half'));
    await app.post(cardAction(north, alice, 'vote.open', { quorumPercent: '0' }));
    await app.settle();
    const ballot = app.connector.calls.find((call) => bodyText(call).includes('ballot.view'));
    const voteId = /"voteId":"([^"]+)"/.exec(bodyText(ballot))?.[1] as string;
    expect((await myTeams(alice))[0]?.ballots.map((waiting) => waiting.voteId)).toEqual([voteId]);

    const view = JSON.stringify((await app.post(cardAction(north, alice, 'ballot.view', { voteId }))).body);
    const reads = /"title":"Every student reads at grade level","value":"([^"]+)"/.exec(view)?.[1] as string;
    await app.post(cardAction(north, alice, 'ballot.submit', { voteId, rank1: reads }));
    expect((await myTeams(alice))[0]?.ballots).toEqual([]);
    expect((await myTeams(bob)).find((team) => team.id === north.teamId)?.ballots).toHaveLength(1);

    const asBob = tabApi(app.baseUrl, north.teamId, bob);
    const session = (await asBob.post<{ session: { id: string } }>('/swot', {})).body.session.id;
    await asBob.post(`/swot/${session}/items`, { quadrant: 'strengths', text: 'Strong coaches' });
    await asBob.post(`/swot/${session}/items`, { quadrant: 'threats', text: 'Budget' });
    expect((await myTeams(alice))[0]?.board).toMatchObject({ sessionId: session, newItems: 2 });
    // Bob's own items are not new to him.
    expect((await myTeams(bob)).find((team) => team.id === north.teamId)?.board?.newItems).toBe(0);

    // Looking at the board clears them; what Bob adds afterwards is new again.
    expect((await tabApi(app.baseUrl, north.teamId, alice).get(`/swot/${session}`)).status).toBe(200);
    expect((await myTeams(alice))[0]?.board?.newItems).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await asBob.post(`/swot/${session}/items`, { quadrant: 'weaknesses', text: 'Few interventions' });
    expect((await myTeams(alice))[0]?.board?.newItems).toBe(1);
  });

  it('needs an identity', async () => {
    const response = await fetch(`${app.baseUrl}/api/me`);
    expect(response.status).toBe(401);
  });
});
