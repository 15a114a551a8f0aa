import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { channelMessage, teamInstall, testUser } from '../support/activities';
import { startAuthenticatedApp, type AuthenticatedApp } from '../support/auth/authenticated-app';
import { testBotAppId } from '../support/auth/bot-framework-issuer';
import type { ConnectorCall } from '../support/loopback-connector';

const alice = testUser('Alice Principal');
const nowSeconds = () => Math.floor(Date.now() / 1000);
const quietPeriod = () => new Promise((resolve) => setTimeout(resolve, 300));

const cardText = (call: ConnectorCall | undefined) => JSON.stringify(call?.body.attachments ?? null);

let teamSequence = 0;
const nextTeam = (bf: AuthenticatedApp) => {
  teamSequence += 1;
  return bf.app.team({
    teamId: `19:auth-${teamSequence}@thread.tacv2`,
    teamName: `Auth team ${teamSequence}`,
  });
};

describe('Bot Framework authentication on /api/messages (bot credentials configured)', () => {
  let bf: AuthenticatedApp;

  beforeEach(async () => {
    bf = await startAuthenticatedApp();
  });
  afterEach(async () => {
    await bf.close();
  });

  it('accepts a valid Bot Connector token: welcomes on install and answers through the connector', async () => {
    const team = nextTeam(bf);
    const install = await bf.post(teamInstall(team, alice));
    expect(install.status).toBe(200);
    const [welcome] = await bf.connector.waitFor((calls) => calls.length >= 1);
    expect(welcome?.conversationId).toBe(team.channelId);
    expect(cardText(welcome)).toContain('Welcome to Leading Together');

    const message = channelMessage(team, alice, 'help');
    expect((await bf.post(message)).status).toBe(200);
    const calls = await bf.connector.waitFor((all) => all.length >= 2);
    expect(calls[1]).toMatchObject({ kind: 'reply', conversationId: team.channelId, activityId: message.id });
    expect(cardText(calls[1])).toContain('Here is what I can do');

    // The keys came from the loopback metadata, and replies used the bot's own (test) credentials.
    expect(bf.issuer.jwksFetches()).toBeGreaterThanOrEqual(1);
    expect(bf.credentialRequests.length).toBeGreaterThanOrEqual(1);
    expect(bf.credentialRequests.every((request) => request.appId === testBotAppId)).toBe(true);
  });

  it('accepts a token that expired less than the 5-minute clock skew ago', async () => {
    const team = nextTeam(bf);
    const token = await bf.token({ expiresAt: nowSeconds() - 120, notBefore: nowSeconds() - 3600 });
    expect((await bf.post(teamInstall(team, alice), `Bearer ${token}`)).status).toBe(200);
    await bf.connector.waitFor((calls) => calls.length >= 1);
  });

  const rejected: Array<[string, (bf: AuthenticatedApp) => Promise<string | null>]> = [
    ['no Authorization header', () => Promise.resolve(null)],
    ['an empty bearer token', () => Promise.resolve('Bearer ')],
    ['a token in another scheme', async (b) => `Basic ${await b.token()}`],
    [
      'a token from another issuer',
      async (b) => `Bearer ${await b.token({ issuer: 'https://api.botframework.com' })}`,
    ],
    [
      'a token for another bot (audience)',
      async (b) => `Bearer ${await b.token({ audience: 'another-bot-app-id' })}`,
    ],
    [
      'a token expired beyond the 5-minute skew',
      async (b) =>
        `Bearer ${await b.token({ expiresAt: nowSeconds() - 600, notBefore: nowSeconds() - 3600 })}`,
    ],
    [
      'a token signed by an unpublished key',
      async (b) => `Bearer ${await b.token({ signingKey: b.issuer.otherKey, kid: 'unpublished-key' })}`,
    ],
    [
      'a token whose serviceurl claim is another connector',
      async (b) => `Bearer ${await b.token({ serviceUrl: 'https://smba.trafficmanager.net/amer/' })}`,
    ],
    [
      'a token signed by a key endorsed only for another channel',
      async (b) =>
        `Bearer ${await b.token({ signingKey: b.issuer.webchatOnly.key, kid: b.issuer.webchatOnly.kid })}`,
    ],
    // Tokens that pass the issuer and key-id checks but fail jsonwebtoken's own verification: botbuilder
    // rethrows those errors as they are, and createTeamsAdapter maps them to 401 (CloudAdapter would answer 500).
    [
      'a token signed by another key under the published key id (forged signature)',
      async (b) => `Bearer ${await b.token({ signingKey: b.issuer.otherKey, kid: b.issuer.kid })}`,
    ],
    [
      'an unsigned token (alg none) under the published key id',
      (b) => {
        const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const header = encode({ alg: 'none', typ: 'JWT', kid: b.issuer.kid });
        const payload = encode({
          iss: b.issuer.issuer,
          aud: testBotAppId,
          serviceurl: b.connector.serviceUrl,
          nbf: nowSeconds() - 60,
          exp: nowSeconds() + 3600,
        });
        return Promise.resolve(`Bearer ${header}.${payload}.`);
      },
    ],
    [
      'an HS256 token (algorithm confusion) under the published key id',
      async (b) =>
        `Bearer ${await new SignJWT({ serviceurl: b.connector.serviceUrl })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: b.issuer.kid })
          .setIssuer(b.issuer.issuer)
          .setAudience(testBotAppId)
          .setExpirationTime(nowSeconds() + 3600)
          .sign(new TextEncoder().encode('a-shared-secret-nobody-should-accept-0123456789'))}`,
    ],
    [
      'a token not valid until beyond the 5-minute skew',
      async (b) => `Bearer ${await b.token({ notBefore: nowSeconds() + 600 })}`,
    ],
  ];

  it.each(rejected)('refuses %s with 401, sends nothing and stores nothing', async (_name, authorization) => {
    const team = nextTeam(bf);
    const install = teamInstall(team, alice);
    const result = await bf.post(install, await authorization(bf));
    expect(result.status).toBe(401);
    await quietPeriod();
    expect(bf.connector.calls).toHaveLength(0);
    expect(bf.credentialRequests).toHaveLength(0);

    // Nothing of the refused request was kept: the same install, now authenticated, is handled as new
    // (its welcome claim and conversation were never written), and welcomed exactly once.
    expect((await bf.post(install)).status).toBe(200);
    await bf.connector.waitFor((calls) => calls.length >= 1);
    await quietPeriod();
    expect(bf.connector.calls.map((call) => call.kind)).toEqual(['reply']);
    expect(cardText(bf.connector.calls[0])).toContain('Welcome to Leading Together');
  });

  it('authenticates every request, not the conversation: an unsigned message after a valid install gets 401 and no answer', async () => {
    const team = nextTeam(bf);
    expect((await bf.post(teamInstall(team, alice))).status).toBe(200);
    await bf.connector.waitFor((calls) => calls.length >= 1);

    const message = channelMessage(team, alice, 'help');
    expect((await bf.post(message, null)).status).toBe(401);
    await quietPeriod();
    expect(bf.connector.calls).toHaveLength(1);

    // The refused message claimed nothing: redelivered with a token, it is answered.
    expect((await bf.post(message)).status).toBe(200);
    const calls = await bf.connector.waitFor((all) => all.length >= 2);
    expect(calls[1]).toMatchObject({ kind: 'reply', activityId: message.id });
  });

  it('never accepts local-mode identity on the tab API', async () => {
    const team = nextTeam(bf);
    expect((await bf.post(teamInstall(team, alice))).status).toBe(200);
    await bf.connector.waitFor((calls) => calls.length >= 1);

    const directory = await fetch(`${bf.app.baseUrl}/api/local/directory`);
    expect(directory.status).toBe(404);
    expect(await directory.json()).toEqual({ error: { code: 'not_found', message: 'no such API route' } });

    const asLocalUser = await fetch(`${bf.app.baseUrl}/api/teams/${encodeURIComponent(team.teamId)}`, {
      headers: { 'x-local-user-id': 'alice', 'x-local-user-name': 'Alice' },
    });
    expect(asLocalUser.status).toBe(401);
    expect(await asLocalUser.json()).toEqual({
      error: { code: 'unauthenticated', message: 'Authorization: expected a Teams SSO bearer token' },
    });

    // Nor is a Bot Connector token a tab sign-in.
    const withBotToken = await fetch(`${bf.app.baseUrl}/api/teams/${encodeURIComponent(team.teamId)}`, {
      headers: { authorization: `Bearer ${await bf.token()}`, 'x-local-user-id': 'alice' },
    });
    expect(withBotToken.status).toBe(401);
  });
});
