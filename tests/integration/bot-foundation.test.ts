import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelMessage, personalMessage, teamInstall, testUser } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import type { ConnectorCall } from '../support/loopback-connector';

function cardOf(call: ConnectorCall | undefined): {
  body: Array<Record<string, unknown>>;
  msteams?: { entities?: unknown[] };
} {
  const attachments = call?.body.attachments as Array<{ contentType: string; content: never }> | undefined;
  const card = attachments?.find(
    (attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(call?.body)}`);
  return card.content;
}

const cardText = (call: ConnectorCall | undefined) => JSON.stringify(cardOf(call));

describe('the bot in a team channel', () => {
  let app: TestApp;
  const alice = testUser('Alice Principal');

  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('sends a welcome card that mentions the person who added it, and remembers the team', async () => {
    const team = app.team({ teamId: '19:team-a@thread.tacv2', teamName: 'Lincoln Elementary Leadership' });
    const result = await app.post(teamInstall(team, alice));
    expect(result.status).toBe(200);
    const [welcome] = await app.connector.waitFor((calls) => calls.length >= 1);
    expect(welcome?.conversationId).toBe(team.channelId);
    const card = cardOf(welcome);
    expect(JSON.stringify(card)).toContain('Welcome to Leading Together for Lincoln Elementary Leadership');
    expect(JSON.stringify(card)).toContain('<at>Alice Principal</at>');
    expect(card.msteams?.entities).toEqual([
      { type: 'mention', text: '<at>Alice Principal</at>', mentioned: { id: alice.id, name: alice.name } },
    ]);

    const directory: unknown = await fetch(`${app.baseUrl}/api/local/directory`).then((r) => r.json());
    expect(directory).toEqual({ teams: [{ id: team.teamId, name: 'Lincoln Elementary Leadership' }] });
  });

  it('answers help with the command list', async () => {
    const team = await app.installInTeam({ teamId: '19:team-b@thread.tacv2', teamName: 'Team B' });
    const before = app.connector.calls.length;
    await app.post(channelMessage(team, alice, 'help'));
    const calls = await app.connector.waitFor((all) => all.length > before);
    const reply = calls[before];
    expect(reply?.kind).toBe('reply');
    expect(cardText(reply)).toContain('Here is what I can do');
    expect(cardText(reply)).toContain('What I can do, and how to start');
  });

  it('answers text it does not understand with a hint and the list, never silence', async () => {
    const team = await app.installInTeam({ teamId: '19:team-c@thread.tacv2', teamName: 'Team C' });
    const before = app.connector.calls.length;
    await app.post(channelMessage(team, alice, 'make me a sandwich'));
    const calls = await app.connector.waitFor((all) => all.length > before);
    expect(cardText(calls[before])).toContain('I don\'t know \\"make\\"');
    expect(cardText(calls[before])).toContain('Here is what I can do');
  });

  it('answers help in personal chat too', async () => {
    await app.post(personalMessage('tenant-1', app.connector.serviceUrl, alice, 'help'));
    const calls = await app.connector.waitFor((all) => all.length >= 1);
    expect(calls[0]?.conversationId).toBe(`a:personal-${alice.aadObjectId}`);
    expect(cardText(calls[0])).toContain('Type a command below');
  });

  it('handles a redelivered message (same id) once', async () => {
    const team = await app.installInTeam({ teamId: '19:team-d@thread.tacv2', teamName: 'Team D' });
    const before = app.connector.calls.length;
    const message = channelMessage(team, alice, 'help', { id: 'redelivered-1' });
    expect((await app.post(message)).status).toBe(200);
    expect((await app.post(message)).status).toBe(200);
    await app.connector.waitFor((all) => all.length > before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.connector.calls.length - before).toBe(1);
  });

  it('sends one welcome card when the install event is redelivered', async () => {
    const team = app.team({ teamId: '19:team-e@thread.tacv2', teamName: 'Team E' });
    const install = teamInstall(team, alice);
    await app.post(install);
    await app.post(install);
    await app.connector.waitFor((all) => all.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.connector.calls.filter((call) => cardText(call).includes('Welcome'))).toHaveLength(1);
  });
});

describe('bad requests to /api/messages', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  const directory = async (a: TestApp) =>
    (await fetch(`${a.baseUrl}/api/local/directory`).then((r) => r.json())) as { teams: unknown[] };

  it('refuses a body that is not JSON with 400 and changes nothing', async () => {
    const result = await app.post('{"type": "message", ');
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: { code: 'bad_request', message: 'body: expected valid JSON' } });
    expect(app.connector.calls).toHaveLength(0);
  });

  it('refuses an activity without a conversation, naming the field', async () => {
    const team = app.team({ teamId: '19:bad@thread.tacv2', teamName: 'Bad' });
    const install: Record<string, unknown> = { ...teamInstall(team, testUser('Eve')) };
    delete install.conversation;
    const result = await app.post(install);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      error: { code: 'bad_activity', message: expect.stringContaining('conversation') as unknown },
    });
    expect((await directory(app)).teams).toHaveLength(0);
    expect(app.connector.calls).toHaveLength(0);
  });

  it('refuses an activity whose serviceUrl is not an allowed connector host', async () => {
    const team = {
      ...app.team({ teamId: '19:evil@thread.tacv2', teamName: 'Evil' }),
      serviceUrl: 'https://attacker.example/',
    };
    const result = await app.post(teamInstall(team, testUser('Eve')));
    expect(result.status).toBe(403);
    expect((await directory(app)).teams).toHaveLength(0);
  });

  it('refuses an activity that is not sent as JSON, and a compressed body, changing nothing', async () => {
    const team = app.team({ teamId: '19:plain@thread.tacv2', teamName: 'Plain' });
    const asText = await app.post(teamInstall(team, testUser('Eve')), { 'content-type': 'text/plain' });
    expect(asText.status).toBe(400);
    expect(asText.body).toMatchObject({ error: { code: 'bad_activity' } });
    const compressed = await app.post(teamInstall(team, testUser('Eve')), { 'content-encoding': 'gzip' });
    expect(compressed.status).toBe(415);
    expect(compressed.body).toEqual({
      error: { code: 'bad_request', message: 'Content-Encoding: "gzip" is not accepted' },
    });
    expect((await directory(app)).teams).toHaveLength(0);
    expect(app.connector.calls).toHaveLength(0);
  });

  it('answers the Bot Connector with the same security headers as every other route', async () => {
    const team = app.team({ teamId: '19:headers@thread.tacv2', teamName: 'Headers' });
    const response = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamInstall(team, testUser('Eve'))),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('refuses a body larger than the limit', async () => {
    const team = app.team({ teamId: '19:big@thread.tacv2', teamName: 'Big' });
    const result = await app.post(channelMessage(team, testUser('Eve'), 'x'.repeat(300_000)));
    expect(result.status).toBe(413);
    expect(result.body).toEqual({ error: { code: 'bad_request', message: 'body: too large' } });
    expect(app.connector.calls).toHaveLength(0);
  });
});

describe('health', () => {
  it('reports storage as reachable', async () => {
    const app = await startTestApp();
    try {
      const response = await fetch(`${app.baseUrl}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', storage: { reachable: true } });
    } finally {
      await app.close();
    }
  });
});
