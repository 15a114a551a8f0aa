import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamInstall, testUser, type TeamContext } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import { startAuthenticatedApp, type AuthenticatedApp } from '../support/auth/authenticated-app';
import { createEntraSsoIssuer, type EntraSsoIssuer, type SsoTokenOptions } from '../support/auth/entra-sso';

const tenantA = '00000000-0000-4000-8000-00000000000a';
const tenantB = '00000000-0000-4000-8000-00000000000b';
const tenantOutside = '00000000-0000-4000-8000-0000000000ff';
const alice = testUser('Alice Principal');
const carol = testUser('Carol Coach');
const flowClient = '7b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';

async function call(baseUrl: string, authorization: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}/api/flows/v1${path}`, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    authenticate: response.headers.get('www-authenticate'),
    body: (text ? JSON.parse(text) : null) as { error?: { message: string; field?: string } } & Record<
      string,
      unknown
    >,
  };
}

describe('the flows API with Entra ID app tokens (client credentials)', () => {
  let sso: EntraSsoIssuer;
  let bf: AuthenticatedApp;
  let teamA: TeamContext;
  let teamB: TeamContext;

  const appToken = (options: Partial<SsoTokenOptions> = {}) =>
    sso.token({ tenantId: tenantA, scope: null, roles: ['Flows.ReadWrite'], appId: flowClient, ...options });
  const asApp = async (token: string, method: string, path: string, body?: unknown) =>
    call(bf.app.baseUrl, `Bearer ${token}`, method, path, body);
  const pathOf = (team: TeamContext, rest: string) => `/teams/${encodeURIComponent(team.teamId)}${rest}`;

  beforeAll(async () => {
    sso = await createEntraSsoIssuer();
    bf = await startAuthenticatedApp({
      env: { ALLOWED_TENANTS: `${tenantA},${tenantB}` },
      ssoKeys: sso.keys,
    });
    teamA = bf.app.team({ teamId: '19:entra-a@thread.tacv2', teamName: 'Entra A', tenantId: tenantA });
    teamB = bf.app.team({ teamId: '19:entra-b@thread.tacv2', teamName: 'Entra B', tenantId: tenantB });
    bf.connector.setRoster(teamA.teamId, [alice]);
    bf.connector.setRoster(teamB.teamId, [carol]);
    for (const [team, by] of [
      [teamA, alice],
      [teamB, carol],
    ] as const) {
      const installed = await bf.post(teamInstall(team, by));
      expect(installed.status).toBe(200);
    }
  });
  afterAll(async () => {
    await bf?.close();
  });

  it("lets an app with the Flows.ReadWrite role read and propose in its own tenant's teams, as the app", async () => {
    const token = await appToken();
    const priority = await asApp(token, 'GET', pathOf(teamA, '/priority'));
    expect(priority.status).toBe(200);
    expect(priority.body).toEqual({ priority: null, watchList: [] });

    const before = bf.connector.calls.length;
    const proposed = await asApp(token, 'POST', pathOf(teamA, '/candidates'), {
      title: 'Every student has a trusted adult',
    });
    expect(proposed.status).toBe(201);
    const posted = await bf.connector.waitFor((all) =>
      all
        .slice(before)
        .some((each) => JSON.stringify(each.body).includes('Every student has a trusted adult')),
    );
    expect(JSON.stringify(posted.slice(before))).toContain('Proposed by Entra ID app 7b0c1d2e');

    // An app token is for a tenant, not one team: "which team is this key for" has no answer.
    const team = await asApp(token, 'GET', '/team');
    expect(team.status).toBe(400);
    expect(team.body.error?.message).toContain('/flows/v1/teams/{teamId}');
  });

  it('finds no team of another tenant, nor one without the app, and changes nothing there', async () => {
    const token = await appToken();
    const before = bf.connector.calls.length;
    const elsewhere = await asApp(token, 'POST', pathOf(teamB, '/candidates'), { title: 'Not yours' });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error?.field).toBe('teamId');
    const unknown = await asApp(token, 'GET', '/teams/19%3Anowhere%40thread.tacv2/priority');
    expect(unknown.status).toBe(404);
    // Tenant B's app cannot reach tenant A's team either.
    const fromB = await asApp(await appToken({ tenantId: tenantB }), 'GET', pathOf(teamA, '/decisions'));
    expect(fromB.status).toBe(404);
    expect(bf.connector.calls.length).toBe(before);
  });

  it('refuses a user token, a token without the role, for another audience, expired, forged or from a tenant not allowed', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<{ label: string; token: Promise<string>; status: number; message: string }> = [
      {
        label: 'a Teams SSO user token',
        token: sso.token({ tenantId: tenantA }),
        status: 401,
        message: 'a user token was sent',
      },
      { label: 'no role', token: appToken({ roles: [] }), status: 403, message: 'Flows.ReadWrite' },
      {
        label: 'another role',
        token: appToken({ roles: ['Something.Else'] }),
        status: 403,
        message: 'Flows.ReadWrite',
      },
      {
        label: 'another audience',
        token: appToken({ audience: 'some-other-api' }),
        status: 401,
        message: 'not valid',
      },
      { label: 'expired', token: appToken({ expiresAt: now - 3600 }), status: 401, message: 'not valid' },
      { label: 'forged', token: appToken({ signingKey: sso.otherKey }), status: 401, message: 'not valid' },
      {
        label: 'issuer of another tenant',
        token: appToken({ issuer: `https://login.microsoftonline.com/${tenantB}/v2.0` }),
        status: 401,
        message: 'issuer',
      },
      {
        label: 'a tenant not allowed',
        token: appToken({ tenantId: tenantOutside }),
        status: 403,
        message: 'not allowed',
      },
    ];
    const before = bf.connector.calls.length;
    for (const each of cases) {
      const answer = await asApp(await each.token, 'POST', pathOf(teamA, '/candidates'), {
        title: each.label,
      });
      expect(answer.status, each.label).toBe(each.status);
      expect(answer.body.error?.message, each.label).toContain(each.message);
      if (each.status === 401) expect(answer.authenticate, each.label).toContain('Bearer');
    }
    expect(bf.connector.calls.length).toBe(before);
  });
});

describe('the flows API in local mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('takes no Entra ID token, since local mode has no Entra ID app', async () => {
    const issuer = await createEntraSsoIssuer();
    const token = await issuer.token({ tenantId: tenantA, scope: null, roles: ['Flows.ReadWrite'] });
    const answer = await call(app.baseUrl, `Bearer ${token}`, 'GET', '/teams/19%3Ax%40thread.tacv2/priority');
    expect(answer.status).toBe(401);
    expect(answer.body.error?.message).toContain('Entra ID tokens are taken only');
  });
});
