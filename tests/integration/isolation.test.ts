import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, teamInstall, type TeamContext, type TestUser } from '../support/activities';
import type { TestApp } from '../support/app-harness';
import { declaredRoutes, declaredVerbs, storedRows } from '../support/app-surface';
import { startAuthenticatedApp, type AuthenticatedApp } from '../support/auth/authenticated-app';
import { createEntraSsoIssuer, type EntraSsoIssuer } from '../support/auth/entra-sso';
import { teamFlow } from '../support/team-flow';
import { createTestClock } from '../support/test-clock';

/**
 * Team and tenant isolation (issue #6): every tab API route, every flows route and every card action,
 * tried with another team's member, another tenant's member and a member removed from the team, is
 * refused, shows none of the team's data and changes nothing stored.
 */

const tenantA = '11111111-aaaa-4aaa-8aaa-111111111111';
const tenantB = '22222222-bbbb-4bbb-8bbb-222222222222';
const member = (name: string, role?: 'owner') => ({
  id: `29:${name}`,
  name,
  aadObjectId: `oid-${name}`,
  ...(role ? { userRole: role } : {}),
});
const alice = member('alice', 'owner');
const bob = member('bob');
const carol = member('carol', 'owner');
const dave = member('dave', 'owner');

/** Words only team A's data holds: an answer carrying any of them leaked it. */
const SECRETS = ['Isolation A', 'reads at grade level', 'Secret strength', 'Secret vision', 'Secret action'];

describe('isolation: another team, another tenant, a removed member', () => {
  const clock = createTestClock(new Date().toISOString());
  let sso: EntraSsoIssuer;
  let bf: AuthenticatedApp;
  let teamA: TeamContext;
  let teamB: TeamContext;
  const ids: Record<string, string> = {};
  let keyB = '';
  let before: string[] = [];

  const api = async (
    who: { tenantId: string; user: TestUser } | { apiKey: string },
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const authorization =
      'apiKey' in who
        ? `Bearer ${who.apiKey}`
        : `Bearer ${await sso.token({ tenantId: who.tenantId, objectId: who.user.aadObjectId ?? '', name: who.user.name })}`;
    const response = await fetch(`${bf.app.baseUrl}/api${path}`, {
      method,
      headers: {
        authorization,
        'if-match': '"any"',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = await response.text();
    return {
      status: response.status,
      text: answer,
      json: () => JSON.parse(answer) as Record<string, unknown>,
    };
  };
  const asAlice = (method: string, path: string, body?: unknown) =>
    api({ tenantId: tenantA, user: alice }, method, path, body);
  /** Creates something in team A as Alice and returns the id the answer gives under `key`. */
  const created = async (path: string, body: unknown, key: string): Promise<string> => {
    const answer = await asAlice('POST', path, body);
    expect(answer.status, `POST ${path}: ${answer.text}`).toBe(201);
    const id = (answer.json()[key] as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string') throw new Error(`POST ${path} gave no ${key}.id: ${answer.text}`);
    return id;
  };

  beforeAll(async () => {
    sso = await createEntraSsoIssuer();
    bf = await startAuthenticatedApp({
      env: { ALLOWED_TENANTS: `${tenantA},${tenantB}` },
      ssoKeys: sso.keys,
      clock,
    });
    teamA = bf.app.team({ teamId: '19:iso-a@thread.tacv2', teamName: 'Isolation A', tenantId: tenantA });
    teamB = bf.app.team({ teamId: '19:iso-b@thread.tacv2', teamName: 'Isolation B', tenantId: tenantA });
    bf.connector.setRoster(teamA.teamId, [alice, bob]);
    bf.connector.setRoster(teamB.teamId, [carol]);
    const signed: TestApp = { ...bf.app, post: (activity) => bf.post(activity) };
    const flowA = teamFlow(signed, teamA);
    const flowB = teamFlow(signed, teamB);
    await flowA.post(teamInstall(teamA, alice));
    await flowB.post(teamInstall(teamB, carol));

    // Team A: a decided priority, an open candidate, boards, an action, a release, integrations.
    ids.voteId = await flowA.choosePriority(
      alice,
      [
        [alice, 'Every student reads at grade level by spring'],
        [bob, 'Cut chronic absence in half'],
      ],
      [alice, bob],
    );
    const proposed = JSON.stringify(
      (await flowA.say(bob, 'propose Build a culture of peer observation')).body,
    );
    ids.candidateId = /"candidateId":"([^"]+)"/.exec(proposed)?.[1] ?? '';
    const overview = await asAlice('GET', `/teams/${encodeURIComponent(teamA.teamId)}`);
    ids.decisionId = (overview.json() as { decisions: Array<{ id: string }> }).decisions[0]?.id ?? '';
    const team = `/teams/${encodeURIComponent(teamA.teamId)}`;
    ids.sessionId = await created(`${team}/swot`, { title: 'Isolation A SWOT' }, 'session');
    ids.itemId = await created(
      `${team}/swot/${ids.sessionId}/items`,
      { quadrant: 'strengths', text: 'Secret strength of team A' },
      'item',
    );
    ids.groupId = await created(
      `${team}/swot/${ids.sessionId}/groups`,
      { quadrant: 'strengths', name: 'Secret' },
      'group',
    );
    ids.draftId = await created(`${team}/vision/drafts`, { text: 'Secret vision of team A' }, 'draft');
    ids.proposalId = await created(
      `${team}/vision/proposals`,
      { text: 'Secret vision, merged', draftIds: [ids.draftId] },
      'proposal',
    );
    ids.actionId = await created(
      `${team}/priority/actions`,
      { title: 'Secret action of team A', ownerId: alice.id },
      'action',
    );
    ids.releaseId = await created(
      `${team}/priority/releases`,
      { text: 'Stop the Secret newsletter' },
      'release',
    );
    ids.webhookId = await created(`${team}/webhooks`, { url: 'https://hooks.example.org/a' }, 'webhook');
    const keyA = await asAlice('POST', `${team}/api-keys`, { name: 'Flow A' });
    const apiKeyA = keyA.json().apiKey as { id: string; key: string };
    ids.keyId = apiKeyA.id;
    const subscribed = await api({ apiKey: apiKeyA.key }, 'POST', `/flows/v1${team}/subscriptions`, {
      callbackUrl: 'https://flows.example.org/a',
    });
    expect(subscribed.status, subscribed.text).toBe(201);
    ids.subscriptionId = String(subscribed.json().id);
    const keyOfB = await api(
      { tenantId: tenantA, user: carol },
      'POST',
      `/teams/${encodeURIComponent(teamB.teamId)}/api-keys`,
      { name: 'Flow B' },
    );
    keyB = (keyOfB.json().apiKey as { key: string }).key;
    for (const [name, value] of Object.entries(ids)) expect(value, name).not.toBe('');

    // Bob leaves team A; the roster cache forgets him within its minute.
    bf.connector.setRoster(teamA.teamId, [alice]);
    clock.advance(61_000);
    await bf.app.settle();
    before = await storedRows(bf.app.tablePrefix);
  }, 60_000);
  afterAll(async () => {
    await bf?.close();
  });

  const fill = (route: string) =>
    route
      .replace(':teamId', encodeURIComponent(teamA.teamId))
      .replace(/:(\w+)/g, (_, name: string) => ids[name] ?? `unknown-${name}`);
  /** A body each write route would accept from a member, so a refusal is about who asks, not what. */
  const BODY: Record<string, unknown> = {
    title: 'Intruder',
    text: 'Intruder',
    name: 'Intruder',
    quadrant: 'strengths',
  };

  it('refuses every tab API route to a member of another team (403), of another tenant (404) and a removed member (403)', async () => {
    // The /local/ routes exist only in local mode, never beside real credentials.
    const routes = declaredRoutes().filter(
      (route) => route.includes('/teams/:teamId') && !route.includes('/flows/') && !route.includes('/local/'),
    );
    expect(routes.length).toBeGreaterThan(40);
    const callers = [
      { who: { tenantId: tenantA, user: carol }, status: 403, label: 'another team' },
      { who: { tenantId: tenantB, user: dave }, status: 404, label: 'another tenant' },
      { who: { tenantId: tenantA, user: bob }, status: 403, label: 'removed member' },
    ];
    const wrong: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      for (const caller of callers) {
        const answer = await api(
          caller.who,
          method,
          fill(path),
          method === 'GET' || method === 'DELETE' ? undefined : BODY,
        );
        if (answer.status !== caller.status || SECRETS.some((secret) => answer.text.includes(secret)))
          wrong.push(`${caller.label}: ${route} → ${answer.status} ${answer.text.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await storedRows(bf.app.tablePrefix)).toEqual(before);
  });

  it('answers every flows route with another team’s API key as for an unknown team (404)', async () => {
    const routes = declaredRoutes().filter((route) => route.includes('/flows/v1/teams/:teamId'));
    expect(routes.length).toBeGreaterThanOrEqual(5);
    const wrong: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const body = {
        title: 'Intruder',
        quadrant: 'strengths',
        text: 'Intruder',
        callbackUrl: 'https://x.example.org/',
      };
      const answer = await api(
        { apiKey: keyB },
        method,
        `/${fill(path).replace(/^\//, '')}`,
        method === 'POST' ? body : undefined,
      );
      if (answer.status !== 404 || SECRETS.some((secret) => answer.text.includes(secret)))
        wrong.push(`${route} → ${answer.status} ${answer.text.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
    expect(await storedRows(bf.app.tablePrefix)).toEqual(before);
  });

  it('refuses every card action pressed with team A’s ids from another team, in personal chat, and by a removed member', async () => {
    const verbs = declaredVerbs();
    expect(verbs.length).toBeGreaterThan(40);
    // Team A's ids under every name a card's data uses, and its team and tenant for cards that carry them.
    const data = {
      ...ids,
      teamId: teamA.teamId,
      tenantId: tenantA,
      rationale: 'Intruder',
      title: 'Intruder',
    };
    const inPersonalChat = (press: ReturnType<typeof cardAction>) => ({
      ...press,
      conversation: {
        id: `a:personal-${carol.aadObjectId}`,
        conversationType: 'personal',
        tenantId: tenantA,
      },
      channelData: { tenant: { id: tenantA } },
    });
    const callsBefore = bf.connector.calls.length;
    const wrong: string[] = [];
    for (const verb of verbs) {
      const presses = [
        ['carol in team B', cardAction(teamB, carol, verb, data)],
        ['carol in personal chat', inPersonalChat(cardAction(teamB, carol, verb, data))],
        ['bob, removed, in team A', cardAction(teamA, bob, verb, data)],
      ] as const;
      for (const [label, press] of presses) {
        const result = await bf.post(press);
        const answer = JSON.stringify(result.body);
        if (result.status !== 200 || SECRETS.some((secret) => answer.includes(secret)))
          wrong.push(`${label}: ${verb} → ${result.status} ${answer.slice(0, 160)}`);
      }
    }
    await bf.app.settle();
    expect(wrong).toEqual([]);
    // Carol may act in her own team B; team A's rows and conversation are what must stay as they were.
    const ofTeamA = (row: string) => row.includes('iso-a');
    expect(await storedRows(bf.app.tablePrefix, ofTeamA)).toEqual(before.filter(ofTeamA));
    expect(bf.connector.calls.slice(callsBefore).filter((call) => ofTeamA(JSON.stringify(call)))).toEqual([]);
  });
});
