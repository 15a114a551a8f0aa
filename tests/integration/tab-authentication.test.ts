import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamInstall, testUser, type TeamContext } from '../support/activities';
import {
  startAuthenticatedApp,
  tabClientId,
  tabDomain,
  type AuthenticatedApp,
} from '../support/auth/authenticated-app';
import { testBotAppId } from '../support/auth/bot-framework-issuer';
import { createEntraSsoIssuer, type EntraSsoIssuer, type SsoTokenOptions } from '../support/auth/entra-sso';

const tenantA = '11111111-aaaa-4aaa-8aaa-111111111111';
const tenantB = '22222222-bbbb-4bbb-8bbb-222222222222';
const tenantNotAllowed = '33333333-cccc-4ccc-8ccc-333333333333';
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('the tab API with Teams SSO (credentials configured)', () => {
  let sso: EntraSsoIssuer;
  let bf: AuthenticatedApp;
  let team: TeamContext;

  beforeAll(async () => {
    sso = await createEntraSsoIssuer();
    bf = await startAuthenticatedApp({
      env: { ALLOWED_TENANTS: `${tenantA},${tenantB}` },
      ssoKeys: sso.keys,
    });
    // Installed through the authenticated bot endpoint, in tenant A.
    team = bf.app.team({
      teamId: '19:sso-team@thread.tacv2',
      teamName: 'Lincoln Leadership',
      tenantId: tenantA,
    });
    // Alice (the SSO tokens' default object id) is in the team; membership is checked on every request.
    bf.connector.setRoster('*', [{ id: '29:alice', name: 'Alice Principal', aadObjectId: 'oid-alice' }]);
    const install = await bf.post(teamInstall(team, testUser('Installer')));
    expect(install.status).toBe(200);
    await bf.connector.waitFor((calls) => calls.length >= 1);
  });
  afterAll(async () => {
    await bf.close();
  });

  const getTeam = async (authorization: string | null, teamId = team.teamId) => {
    const response = await fetch(`${bf.app.baseUrl}/api/teams/${encodeURIComponent(teamId)}`, {
      headers: authorization === null ? {} : { authorization },
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const bearer = async (options: Partial<SsoTokenOptions> = {}) =>
    `Bearer ${await sso.token({ tenantId: tenantA, ...options })}`;

  it('answers a valid token of the team’s tenant with the team', async () => {
    const result = await getTeam(await bearer());
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      team: { id: team.teamId, name: 'Lincoln Leadership' },
      vision: null,
      priority: null,
      watchList: [],
      decisions: [],
    });
  });

  it.each([
    ['the api:// audience', { audience: `api://${tabDomain}/${tabClientId}` }],
    ['a v1 (sts.windows.net) issuer of the same tenant', { issuer: `https://sts.windows.net/${tenantA}/` }],
    ['a token expired less than 5 minutes ago (clock skew)', { expiresAt: nowSeconds() - 120 }],
    ['several scopes', { scope: 'User.Read access_as_user' }],
  ] satisfies Array<[string, Partial<SsoTokenOptions>]>)('accepts %s', async (_name, options) => {
    const result = await getTeam(await bearer(options));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ team: { id: team.teamId } });
  });

  const unauthenticated: Array<[string, () => Promise<string | null>]> = [
    ['no Authorization header', () => Promise.resolve(null)],
    ['an empty bearer token', () => Promise.resolve('Bearer ')],
    ['a token in another scheme', async () => (await bearer()).replace('Bearer', 'Basic')],
    ['a token that is not a JWT', () => Promise.resolve('Bearer not-a-jwt')],
    ['a token for another app (audience)', () => bearer({ audience: 'another-client-id' })],
    ['a token for another tab domain', () => bearer({ audience: `api://evil.example/${tabClientId}` })],
    ['a Bot Framework-audience token', () => bearer({ audience: testBotAppId })],
    [
      'an issuer of another tenant',
      () => bearer({ issuer: `https://login.microsoftonline.com/${tenantB}/v2.0` }),
    ],
    ['a foreign issuer', () => bearer({ issuer: 'https://login.evil.example/v2.0' })],
    ['a token expired beyond the 5-minute skew', () => bearer({ expiresAt: nowSeconds() - 600 })],
    ['a token without scopes', () => bearer({ scope: null })],
    ['a token without access_as_user', () => bearer({ scope: 'User.Read' })],
    ['a token signed by another key under the published key id', () => bearer({ signingKey: sso.otherKey })],
    ['a token signed by an unpublished key', () => bearer({ signingKey: sso.otherKey, kid: 'unpublished' })],
    ['a token without a user object id', () => bearer({ objectId: '' })],
    [
      'a forged token of a tenant that is not allowed (401 before 403)',
      () => bearer({ tenantId: tenantNotAllowed, signingKey: sso.otherKey }),
    ],
  ];

  it.each(unauthenticated)('refuses %s with 401 and the error shape', async (_name, authorization) => {
    const result = await getTeam(await authorization());
    expect(result.status).toBe(401);
    expect(result.body).toEqual({
      error: { code: 'unauthenticated', message: expect.any(String) as unknown },
    });
    expect(JSON.stringify(result.body)).not.toContain('Lincoln');
  });

  it('refuses a valid token of a tenant that is not allowed with 403', async () => {
    const result = await getTeam(await bearer({ tenantId: tenantNotAllowed }));
    expect(result.status).toBe(403);
    expect(result.body).toEqual({
      error: { code: 'forbidden', message: 'this organisation is not allowed to use this app' },
    });
  });

  it('answers a valid token of another tenant asking for this team exactly as for an unknown team (404)', async () => {
    const otherTenant = await getTeam(await bearer({ tenantId: tenantB }));
    expect(otherTenant.status).toBe(404);
    const unknown = await getTeam(await bearer(), '19:no-such-team@thread.tacv2');
    expect(unknown.status).toBe(404);
    expect(otherTenant.body).toEqual(unknown.body);
    expect(otherTenant.body).toMatchObject({ error: { code: 'not_found' } });
    expect(JSON.stringify(otherTenant.body)).not.toContain('Lincoln');
  });

  it('refuses a valid token of the team’s tenant for someone Teams does not list in the team (403)', async () => {
    const result = await getTeam(await bearer({ objectId: 'oid-not-in-team', name: 'Olivia Outsider' }));
    expect(result.status).toBe(403);
    expect(result.body).toEqual({
      error: { code: 'not_a_member', message: 'You are not a member of this team in Microsoft Teams.' },
    });
  });
});
