import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, testUser, type TeamContext, type TestUser } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import type { ConnectorCall } from '../support/loopback-connector';
import { tabApi, type TabApi } from '../support/tab-api';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const olivia = testUser('Olivia Owner');
const bob = testUser('Bob Teacher');
const otto = testUser('Otto Other Owner');

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}
interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  key?: string;
  revokedAt: string | null;
}
type OpenApi = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<string, { operationId?: string; responses?: Record<string, unknown> } & Record<string, unknown>>
  >;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

const bodyText = (call: ConnectorCall | undefined) => JSON.stringify(call?.body ?? null);

/** Calls the flows API as Power Automate does, with `Authorization: Bearer <key>` (or whatever is given). */
function flowsApi(baseUrl: string, authorization: string | null) {
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api/flows/v1${path}`, {
      method,
      headers: {
        ...(authorization === null ? {} : { authorization }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T,
    };
  };
}

describe('the incoming API for flows, its OpenAPI document and the webhook trigger', () => {
  let app: TestApp;
  let receiver: WebhookReceiver;
  let team: TeamContext;
  let other: TeamContext;
  let as: { olivia: TabApi; bob: TabApi; otto: TabApi };
  let key: string;
  let otherKey: string;
  const teamPath = (rest: string) => `/teams/${encodeURIComponent(team.teamId)}${rest}`;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    app = await startTestApp();
    app.connector.setRoster('19:flows@thread.tacv2', [{ ...olivia, userRole: 'owner' }, bob]);
    app.connector.setRoster('19:flows-other@thread.tacv2', [{ ...otto, userRole: 'owner' }]);
    team = await app.installInTeam({ teamId: '19:flows@thread.tacv2', teamName: 'Flows Team' });
    other = await app.installInTeam({ teamId: '19:flows-other@thread.tacv2', teamName: 'Other Team' });
    as = {
      olivia: tabApi(app.baseUrl, team.teamId, olivia),
      bob: tabApi(app.baseUrl, team.teamId, bob),
      otto: tabApi(app.baseUrl, other.teamId, otto),
    };
    key = (await as.olivia.post<{ apiKey: ApiKey }>('/api-keys', { name: 'Power Automate' })).body.apiKey
      .key as string;
    otherKey = (await as.otto.post<{ apiKey: ApiKey }>('/api-keys', { name: 'Other flow' })).body.apiKey
      .key as string;
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  it('lets only a team owner create API keys, shows each key once, and lists them without it', async () => {
    const byMember = await as.bob.post<ErrorBody>('/api-keys', { name: 'Mine' });
    expect(byMember.status).toBe(403);
    const noName = await as.olivia.post<ErrorBody>('/api-keys', { name: '  ' });
    expect(noName.status).toBe(400);
    expect(noName.body.error.field).toBe('name');
    const created = await as.olivia.post<{ apiKey: ApiKey }>('/api-keys', { name: 'Spare' });
    expect(created.status).toBe(201);
    expect(created.body.apiKey.key).toMatch(/^ltk_[A-Za-z0-9_-]{43}$/);
    const listed = await as.olivia.get<{ apiKeys: ApiKey[] }>('/api-keys');
    expect(listed.body.apiKeys.map((each) => each.name)).toEqual(['Power Automate', 'Spare']);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.apiKey.key);
    expect(listed.body.apiKeys[1]).toMatchObject({
      prefix: created.body.apiKey.key?.slice(0, 8),
      revokedAt: null,
    });
  });

  it('with a valid key: proposes a candidate (posted in the channel) and adds a SWOT item to the open board', async () => {
    const call = flowsApi(app.baseUrl, `Bearer ${key}`);
    expect((await call('GET', '/team')).body).toMatchObject({
      team: { id: team.teamId, name: 'Flows Team' },
      apiKey: { name: 'Power Automate' },
    });

    const before = app.connector.calls.length;
    const proposed = await call<{ candidate: { id: string; title: string; status: string } }>(
      'POST',
      teamPath('/candidates'),
      { title: 'Reading by spring', description: 'From the literacy form' },
    );
    expect(proposed.status).toBe(201);
    expect(proposed.body.candidate).toMatchObject({ title: 'Reading by spring', status: 'open' });
    const posted = await app.connector.waitFor((calls) =>
      calls.slice(before).some((each) => bodyText(each).includes('Reading by spring')),
    );
    expect(bodyText(posted.at(-1))).toContain('Proposed by Power Automate');

    const noTitle = await call<ErrorBody>('POST', teamPath('/candidates'), { description: 'x' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.field).toBe('title');
    const extra = await call<ErrorBody>('POST', teamPath('/candidates'), { title: 'x', owner: 'y' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toContain('owner');

    const noBoard = await call<ErrorBody>('POST', teamPath('/swot-items'), {
      quadrant: 'threats',
      text: 'Budget',
    });
    expect(noBoard.status).toBe(409);
    const session = await as.olivia.post<{ session: { id: string } }>('/swot', { title: 'Spring' });
    const added = await call<{ item: { id: string; sessionId: string } }>('POST', teamPath('/swot-items'), {
      quadrant: 'threats',
      text: 'Budget cuts in March',
    });
    expect(added.status).toBe(201);
    expect(added.body.item.sessionId).toBe(session.body.session.id);
    const board = await as.bob.get(`/swot/${session.body.session.id}`);
    expect(JSON.stringify(board.body)).toContain('Budget cuts in March');
    const badQuadrant = await call<ErrorBody>('POST', teamPath('/swot-items'), {
      quadrant: 'risks',
      text: 'x',
    });
    expect(badQuadrant.status).toBe(400);
    expect(badQuadrant.body.error.field).toBe('quadrant');
  });

  it('refuses no key, a malformed header, an unknown key and a revoked key with 401, and another team’s key with 404', async () => {
    const path = teamPath('/priority');
    expect((await flowsApi(app.baseUrl, null)('GET', path)).status).toBe(401);
    const missing = await flowsApi(app.baseUrl, null)('GET', path);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect((await flowsApi(app.baseUrl, key)('GET', path)).status).toBe(401);
    expect((await flowsApi(app.baseUrl, 'Bearer ltk_not-a-real-key-at-all-000000')('GET', path)).status).toBe(
      401,
    );
    expect((await flowsApi(app.baseUrl, `Bearer ${key}`)('GET', path)).status).toBe(200);

    const otherTeam = await flowsApi(app.baseUrl, `Bearer ${otherKey}`)<ErrorBody>('GET', path);
    expect(otherTeam.status).toBe(404);
    expect(otherTeam.body.error.field).toBe('teamId');
    const proposeElsewhere = await flowsApi(app.baseUrl, `Bearer ${otherKey}`)(
      'POST',
      teamPath('/candidates'),
      {
        title: 'Not yours',
      },
    );
    expect(proposeElsewhere.status).toBe(404);

    const spare = await as.olivia.post<{ apiKey: ApiKey }>('/api-keys', { name: 'Short-lived' });
    const spareCall = flowsApi(app.baseUrl, `Bearer ${spare.body.apiKey.key}`);
    expect((await spareCall('GET', path)).status).toBe(200);
    expect((await as.bob.delete(`/api-keys/${spare.body.apiKey.id}`)).status).toBe(403);
    expect((await as.otto.delete(`/api-keys/${spare.body.apiKey.id}`)).status).toBe(404);
    expect((await as.olivia.delete(`/api-keys/${spare.body.apiKey.id}`)).status).toBe(204);
    expect((await spareCall('GET', path)).status).toBe(401);
    const listed = await as.olivia.get<{ apiKeys: ApiKey[] }>('/api-keys');
    expect(listed.body.apiKeys.find((each) => each.id === spare.body.apiKey.id)?.revokedAt).not.toBeNull();
  });

  it('subscribes a flow’s callback URL (201 + Location), delivers a decision and the new priority, and unsubscribes on DELETE', async () => {
    const call = flowsApi(app.baseUrl, `Bearer ${key}`);
    const badUrl = await call<ErrorBody>('POST', teamPath('/subscriptions'), {
      callbackUrl: 'http://example.com/x',
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.field).toBe('callbackUrl');
    const subscribed = await call<{ id: string; events: string[] }>('POST', teamPath('/subscriptions'), {
      callbackUrl: receiver.url('/flow'),
      events: ['decision.announced', 'priority.changed'],
    });
    expect(subscribed.status).toBe(201);
    const location = subscribed.headers.get('location') as string;
    expect(new URL(location).pathname).toBe(
      `/api/flows/v1${teamPath(`/subscriptions/${subscribed.body.id}`)}`,
    );
    const listed = await as.olivia.get<{ webhooks: Array<{ id: string; source: string }> }>('/webhooks');
    expect(listed.body.webhooks.find((each) => each.id === subscribed.body.id)?.source).toBe('flow');

    // A vote in Teams on two candidates proposed by the flow.
    const first = await call<{ candidate: { id: string } }>('POST', teamPath('/candidates'), {
      title: 'Attendance first',
    });
    await call('POST', teamPath('/candidates'), { title: 'Peer observation' });
    const decidedTitle = await runVote(app, team, [olivia, bob], first.body.candidate.id);
    await app.runDueJobs();
    const events = receiver
      .on('/flow')
      .map((each) => JSON.parse(each.rawBody) as { type: string; data: Record<string, unknown> });
    expect(events.map((each) => each.type).sort()).toEqual(['decision.announced', 'priority.changed']);
    expect(JSON.stringify(events)).toContain(decidedTitle);

    const priority = await call<{ priority: { title: string } | null }>('GET', teamPath('/priority'));
    expect(priority.body.priority?.title).toBe(decidedTitle);
    const decisions = await call<{ decisions: Array<{ title: string; rationale: string }> }>(
      'GET',
      `${teamPath('/decisions')}?limit=5`,
    );
    expect(decisions.body.decisions[0]).toMatchObject({
      title: decidedTitle,
      rationale: 'Attendance unlocks the rest.',
    });
    expect((await call<ErrorBody>('GET', `${teamPath('/decisions')}?limit=500`)).status).toBe(400);

    const unsubscribe = await fetch(location.replace(/^https?:\/\/[^/]+/, app.baseUrl), {
      method: 'DELETE',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(unsubscribe.status).toBe(204);
    expect((await call('DELETE', teamPath(`/subscriptions/${subscribed.body.id}`))).status).toBe(404);
  });

  it('serves an OpenAPI 3 document with a webhook trigger, and every path it lists exists (a bad key gets 401)', async () => {
    const response = await fetch(`${app.baseUrl}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as OpenApi;
    expectOpenApi3(document);

    const trigger = document.paths['/api/flows/v1/teams/{teamId}/subscriptions'];
    expect(trigger?.['x-ms-notification-content']).toBeDefined();
    expect(trigger?.post?.['x-ms-trigger']).toBe('single');
    expect(JSON.stringify(trigger?.post)).toContain('"x-ms-notification-url":true');
    expect(JSON.stringify(trigger?.post?.responses?.['201'])).toContain('Location');

    const bad = flowsApi(app.baseUrl, 'Bearer ltk_bad-key-for-the-route-check-0000');
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item).filter((name) =>
        ['get', 'post', 'put', 'patch', 'delete'].includes(name),
      )) {
        const concrete = path.replace('/api/flows/v1', '').replace(/\{[^}]+\}/g, 'x');
        const answer = await bad(
          method.toUpperCase(),
          concrete,
          method === 'get' || method === 'delete' ? undefined : {},
        );
        expect(answer.status, `${method} ${path}`).toBe(401);
      }
    }
  });
});

/** A structural check of an OpenAPI 3.0 document: version, info, operations, path parameters and $refs. */
function expectOpenApi3(document: OpenApi): void {
  expect(document.openapi).toMatch(/^3\.0\.\d+$/);
  expect(document.info.title).toBeTruthy();
  expect(document.info.version).toBeTruthy();
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    expect(path.startsWith('/'), path).toBe(true);
    for (const [method, operation] of Object.entries(item)) {
      if (method.startsWith('x-')) continue;
      expect(['get', 'post', 'put', 'patch', 'delete']).toContain(method);
      expect(operation.operationId, `${method} ${path}`).toBeTruthy();
      expect(operationIds.has(operation.operationId as string)).toBe(false);
      operationIds.add(operation.operationId as string);
      expect(Object.keys(operation.responses ?? {}).length).toBeGreaterThan(0);
      const declared = (
        (operation.parameters ?? []) as Array<{ name: string; in: string; required?: boolean }>
      )
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => {
          expect(parameter.required).toBe(true);
          return parameter.name;
        });
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      expect(declared.sort(), `${method} ${path}`).toEqual(inPath.sort());
    }
  }
  const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)];
  expect(refs.length).toBeGreaterThan(0);
  for (const [, section, name] of refs)
    expect(
      (document.components as Record<string, Record<string, unknown>>)[section as string]?.[name as string],
      `${section}/${name}`,
    ).toBeDefined();
}

/** Opens a vote in the channel, has every member rank `winnerId` first, closes it and announces the decision. */
async function runVote(
  app: TestApp,
  team: TeamContext,
  members: TestUser[],
  winnerId: string,
): Promise<string> {
  const press = async (user: TestUser, verb: string, data: Record<string, unknown>) => {
    const result = await app.post(cardAction(team, user, verb, data));
    expect(result.status).toBe(200);
    return JSON.stringify((result.body as { value: unknown }).value);
  };
  const [facilitator] = members as [TestUser];
  const before = app.connector.calls.length;
  expect(
    await press(facilitator, 'vote.open', {
      method: 'ranked-choice',
      closesInHours: '48',
      quorumPercent: '50',
    }),
  ).toContain('opened a vote');
  const calls = await app.connector.waitFor((all) =>
    all.slice(before).some((call) => bodyText(call).includes('ballot.view')),
  );
  const voteId = /"voteId":"([^"]+)"/.exec(
    bodyText(calls.slice(before).find((call) => bodyText(call).includes('ballot.view'))),
  )?.[1] as string;
  for (const member of members) await press(member, 'ballot.submit', { voteId, rank1: winnerId });
  await press(facilitator, 'vote.close', { voteId });
  expect(
    await press(facilitator, 'decision.announce', { voteId, rationale: 'Attendance unlocks the rest.' }),
  ).toContain('Announced');
  await app.settle();
  return 'Attendance first';
}
