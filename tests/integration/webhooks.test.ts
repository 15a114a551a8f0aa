import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser, type TeamContext } from '../support/activities';
import { buttonsOf, cardOf, channelSteps, textOf } from '../support/ownership-flow';
import { startTestApp, type TestApp } from '../support/app-harness';
import { tabApi, type TabApi } from '../support/tab-api';
import { createTestClock } from '../support/test-clock';
import {
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookReceiver,
} from '../support/webhook-receiver';

const olivia = testUser('Olivia Owner');
const bob = testUser('Bob Teacher');
const otto = testUser('Otto Other Owner');

interface Webhook {
  id: string;
  url: string;
  events: string[];
  secret?: string;
  source: string;
}
interface Delivery {
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  test: boolean;
}
interface ErrorBody {
  error: { code: string; message: string; field?: string };
}
interface Envelope {
  specversion: string;
  type: string;
  id: string;
  time: string;
  team: { id: string; name: string };
  data: Record<string, unknown>;
  card: Record<string, unknown>;
}

const minute = 60_000;
const signatureOf = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

describe('outgoing webhooks (server + Azurite + a loopback receiver)', () => {
  const clock = createTestClock('2026-11-23T09:00:00.000Z');
  let app: TestApp;
  let receiver: WebhookReceiver;
  let team: TeamContext;
  let as: { olivia: TabApi; bob: TabApi; ottoHere: TabApi; ottoThere: TabApi };
  let visionCount = 0;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    app = await startTestApp({ clock });
    app.connector.setRoster('19:hooks@thread.tacv2', [{ ...olivia, userRole: 'owner' }, bob]);
    app.connector.setRoster('19:elsewhere@thread.tacv2', [{ ...otto, userRole: 'owner' }]);
    team = await app.installInTeam({ teamId: '19:hooks@thread.tacv2', teamName: 'Hooks Team' });
    const other = await app.installInTeam({ teamId: '19:elsewhere@thread.tacv2', teamName: 'Elsewhere' });
    as = {
      olivia: tabApi(app.baseUrl, team.teamId, olivia),
      bob: tabApi(app.baseUrl, team.teamId, bob),
      ottoHere: tabApi(app.baseUrl, team.teamId, otto),
      ottoThere: tabApi(app.baseUrl, other.teamId, otto),
    };
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  const register = async (path: string, events?: string[]) => {
    const created = await as.olivia.post<{ webhook: Webhook }>('/webhooks', {
      url: receiver.url(path),
      ...(events ? { events } : {}),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.webhook;
  };
  const deliveries = async (webhookId: string) => {
    const answer = await as.olivia.get<{ deliveries: Delivery[] }>(`/webhooks/${webhookId}/deliveries`);
    expect(answer.status).toBe(200);
    return answer.body.deliveries;
  };
  /** Adopts a new vision through the tab API: Olivia drafts and facilitates, Bob consents. */
  const adoptVision = async () => {
    visionCount += 1;
    const text = `Every learner known, vision ${visionCount}`;
    const draft = await as.olivia.post<{ draft: { id: string } }>('/vision/drafts', { text });
    expect(draft.status).toBe(201);
    const proposal = await as.olivia.post<{ proposal: { id: string } }>('/vision/proposals', {
      text,
      draftIds: [draft.body.draft.id],
    });
    expect(proposal.status).toBe(201);
    await as.bob.put(`/vision/proposals/${proposal.body.proposal.id}/response`, { answer: 'consent' });
    const closed = await as.olivia.post<{ adopted: { text: string } | null }>(
      `/vision/proposals/${proposal.body.proposal.id}/close`,
    );
    expect(closed.body.adopted?.text).toBe(text);
    return text;
  };
  const expectSigned = (request: ReceivedWebhook, secret: string) => {
    expect(request.headers['x-lt-signature']).toBe(signatureOf(secret, request.rawBody));
    const envelope = JSON.parse(request.rawBody) as Envelope;
    expect(request.headers['x-lt-event-id']).toBe(envelope.id);
    expect(request.headers['content-type']).toContain('application/json');
    return envelope;
  };

  it('lets only a team owner register, list and remove webhooks, and shows the secret once', async () => {
    const byMember = await as.bob.post<ErrorBody>('/webhooks', { url: receiver.url('/member') });
    expect(byMember.status).toBe(403);
    expect(byMember.body.error.code).toBe('not_team_owner');
    expect((await as.bob.get('/webhooks')).status).toBe(403);
    expect((await as.ottoHere.get('/webhooks')).status).toBe(403);

    const hook = await register('/listed', ['decision.announced']);
    expect(hook.secret).toMatch(/^whsec_/);
    expect(hook).toMatchObject({ events: ['decision.announced'], source: 'tab' });
    const listed = await as.olivia.get<{ webhooks: Webhook[] }>('/webhooks');
    const found = listed.body.webhooks.find((each) => each.id === hook.id);
    expect(found).toMatchObject({ url: receiver.url('/listed') });
    expect(found).not.toHaveProperty('secret');
    expect(JSON.stringify(listed.body)).not.toContain(hook.secret);

    // Another team's owner cannot see or remove it through their own team.
    expect((await as.ottoThere.delete(`/webhooks/${hook.id}`)).status).toBe(404);
    expect((await as.ottoThere.get(`/webhooks/${hook.id}/deliveries`)).status).toBe(404);
    expect((await as.olivia.delete(`/webhooks/${hook.id}`)).status).toBe(204);
    expect((await as.olivia.delete(`/webhooks/${hook.id}`)).status).toBe(404);
  });

  it('refuses non-HTTPS URLs (plain http only to loopback in local mode) and bad bodies, naming the field', async () => {
    for (const url of [
      'http://example.com/hook',
      'ftp://example.com/hook',
      'not a url',
      'https://user:pw@example.com/',
    ]) {
      const refused = await as.olivia.post<ErrorBody>('/webhooks', { url });
      expect(refused.status, url).toBe(400);
      expect(refused.body.error.field).toBe('url');
    }
    const noUrl = await as.olivia.post<ErrorBody>('/webhooks', {});
    expect(noUrl.status).toBe(400);
    expect(noUrl.body.error.field).toBe('url');
    const badEvent = await as.olivia.post<ErrorBody>('/webhooks', {
      url: 'https://example.com/hook',
      events: ['decision.deleted'],
    });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body.error.field).toBe('events.0');
  });

  it('delivers vision.adopted once, signed with the subscription secret, with a portable card under 28 KB', async () => {
    const hook = await register('/vision', ['vision.adopted']);
    const decisionsOnly = await register('/decisions-only', ['decision.announced']);
    const text = await adoptVision();
    expect(receiver.on('/vision')).toHaveLength(0);
    await app.runDueJobs();
    await app.runDueJobs();
    const [request, ...more] = receiver.on('/vision');
    expect(more).toHaveLength(0);
    expect(receiver.on('/decisions-only')).toHaveLength(0);
    const envelope = expectSigned(request as ReceivedWebhook, hook.secret as string);
    expect(envelope).toMatchObject({
      specversion: '1.0',
      type: 'vision.adopted',
      team: { id: team.teamId, name: 'Hooks Team' },
      data: { vision: { text } },
    });
    expect(envelope.id).toMatch(/^[0-9a-f]{32}$/);
    expect(envelope.card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(Buffer.byteLength(JSON.stringify(envelope.card))).toBeLessThan(28 * 1024);
    expect(JSON.stringify(envelope.card)).toContain('Every learner known');
    expect(JSON.stringify(envelope.card)).not.toContain('Action.Execute');

    const [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({
      eventId: envelope.id,
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
    });
    expect(await deliveries(decisionsOnly.id)).toEqual([]);
    await as.olivia.delete(`/webhooks/${hook.id}`);
    await as.olivia.delete(`/webhooks/${decisionsOnly.id}`);
  });

  it('retries a failing receiver with backoff on due jobs, sending the same signed body each time', async () => {
    const hook = await register('/flaky', ['vision.adopted']);
    receiver.script('/flaky', [500, 503]);
    await adoptVision();
    await app.runDueJobs();
    expect(receiver.on('/flaky')).toHaveLength(1);
    let [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(delivery?.nextAttemptAt).toBe(new Date(clock.now().getTime() + 30_000).toISOString());

    // Not due yet: nothing is sent.
    clock.advance(20_000);
    await app.runDueJobs();
    expect(receiver.on('/flaky')).toHaveLength(1);
    clock.advance(10_000);
    await app.runDueJobs();
    expect(receiver.on('/flaky')).toHaveLength(2);
    [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 503 });
    clock.advance(minute);
    await app.runDueJobs();
    await app.runDueJobs();
    const attempts = receiver.on('/flaky');
    expect(attempts).toHaveLength(3);
    [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
    expect(new Set(attempts.map((each) => each.rawBody)).size).toBe(1);
    expect(new Set(attempts.map((each) => each.headers['x-lt-event-id'])).size).toBe(1);
    expect(attempts.map((each) => each.headers['x-lt-delivery-attempt'])).toEqual(['1', '2', '3']);
    for (const each of attempts) expectSigned(each, hook.secret as string);
    await as.olivia.delete(`/webhooks/${hook.id}`);
  });

  it('gives up after a day of failures and logs it as failed', async () => {
    const hook = await register('/down', ['vision.adopted']);
    receiver.script('/down', [], 500);
    await adoptVision();
    const start = clock.now().getTime();
    await app.runDueJobs();
    for (let hour = 0; hour < 30; hour += 1) {
      clock.advance(60 * minute);
      await app.runDueJobs();
    }
    const [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ status: 'failed', lastStatusCode: 500, nextAttemptAt: null });
    const tries = receiver.on('/down').length;
    expect(tries).toBe(delivery?.attempts);
    expect(tries).toBeGreaterThan(5);
    expect(clock.now().getTime() - start).toBeGreaterThan(24 * 60 * minute);
    clock.advance(24 * 60 * minute);
    await app.runDueJobs();
    expect(receiver.on('/down')).toHaveLength(tries);
    await as.olivia.delete(`/webhooks/${hook.id}`);
  });

  it('sends a test event on request, and treats a redirect as a failure without following it', async () => {
    const hook = await register('/test');
    const sent = await as.olivia.post<{ delivery: Delivery }>(`/webhooks/${hook.id}/test`);
    expect(sent.status).toBe(200);
    expect(sent.body.delivery).toMatchObject({ eventType: 'webhook.test', status: 'delivered', test: true });
    const envelope = expectSigned(receiver.on('/test')[0] as ReceivedWebhook, hook.secret as string);
    expect(envelope).toMatchObject({ type: 'webhook.test', team: { id: team.teamId } });
    expect((await as.bob.post(`/webhooks/${hook.id}/test`)).status).toBe(403);

    const redirecting = await register('/moved');
    receiver.script('/moved', [{ redirectTo: '/elsewhere' }]);
    const moved = await as.olivia.post<{ delivery: Delivery }>(`/webhooks/${redirecting.id}/test`);
    expect(moved.body.delivery).toMatchObject({
      status: 'failed',
      lastStatusCode: 302,
      lastError: 'redirects are not followed',
    });
    expect(receiver.on('/elsewhere')).toHaveLength(0);
    const listed = await deliveries(redirecting.id);
    expect(listed[0]).toMatchObject({ status: 'failed', test: true });
    await as.olivia.delete(`/webhooks/${hook.id}`);
    await as.olivia.delete(`/webhooks/${redirecting.id}`);
  });

  it('delivers once when two instances run the due jobs at the same time', async () => {
    const second = await startTestApp({ clock, tablePrefix: app.tablePrefix, connector: app.connector });
    try {
      const hook = await register('/two-instances', ['vision.adopted']);
      receiver.script('/two-instances', [500]);
      await adoptVision();
      await Promise.all([app.runDueJobs(), second.runDueJobs(), app.runDueJobs(), second.runDueJobs()]);
      expect(receiver.on('/two-instances')).toHaveLength(1);
      clock.advance(30_000);
      await Promise.all([app.runDueJobs(), second.runDueJobs()]);
      expect(receiver.on('/two-instances')).toHaveLength(2);
      const [delivery] = await deliveries(hook.id);
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
      await as.olivia.delete(`/webhooks/${hook.id}`);
    } finally {
      await second.close();
    }
  });

  it('never delivers to a webhook removed before its job ran', async () => {
    const hook = await register('/removed', ['vision.adopted']);
    await adoptVision();
    expect((await as.olivia.delete(`/webhooks/${hook.id}`)).status).toBe(204);
    await app.runDueJobs();
    expect(receiver.on('/removed')).toHaveLength(0);
  });
});

describe('check-in and overdue events (server + Azurite + a loopback receiver)', () => {
  // Monday 26 October 2026, 09:00 in New York; the check-ins are Tuesdays 15:30 there, reminders 08:00.
  const clock = createTestClock('2026-10-26T13:00:00.000Z');
  const alice = testUser('Alice Principal');
  const carol = testUser('Carol Coach');
  let app: TestApp;
  let receiver: WebhookReceiver;
  let team: TeamContext;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    app = await startTestApp({ clock });
    app.connector.setRoster('19:rounds@thread.tacv2', [{ ...alice, userRole: 'owner' }, bob, carol]);
    team = await app.installInTeam({ teamId: '19:rounds@thread.tacv2', teamName: 'Rounds Team' });
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  const envelopesOn = (path: string, secret: string) =>
    receiver.on(path).map((request) => {
      expect(request.headers['x-lt-signature']).toBe(signatureOf(secret, request.rawBody));
      return JSON.parse(request.rawBody) as Envelope;
    });
  const expectPortable = (card: Record<string, unknown>) => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
    for (const botOnly of ['Action.Execute', 'Action.Submit', '"refresh"'])
      expect(JSON.stringify(card)).not.toContain(botOnly);
  };

  it('delivers checkin.closed once with the round summary, and action.overdue once per overdue action, never for a done one', async () => {
    const steps = channelSteps(app, team);
    const api = tabApi(app.baseUrl, team.teamId, alice);
    await steps.choosePriority(alice, bob);
    await steps.makeOwner(alice, bob, 'co-owner');
    await steps.makeOwner(alice, carol, 'contributor');
    const { actionId } = await steps.addAction(alice, 'Call every family', bob, '2026-10-27');
    const carols = await steps.addAction(alice, 'Share the reading data', carol, '2026-10-27');
    const done = buttonsOf(cardOf(carols.call)).find((each) => each.data?.status === 'done');
    expect(textOf(await steps.press(carol, 'action.status', done?.data ?? {}))).toContain('Done');
    await steps.say(alice, 'check-ins Tuesday 15:30 timezone America/New_York');

    const created = await api.post<{ webhook: Webhook }>('/webhooks', {
      url: receiver.url('/rounds'),
      events: ['checkin.closed', 'action.overdue'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const hook = created.body.webhook;
    const secret = hook.secret as string;

    // Tuesday: the reminders run at 08:00 and the round opens at 15:30; nothing is overdue yet.
    clock.set('2026-10-27T19:30:00.000Z');
    await app.runDueJobs();
    await app.runDueJobs();
    await app.settle();
    expect(receiver.on('/rounds')).toHaveLength(0);
    const round = app.connector.calls.find(
      (call) => call.conversationId === team.channelId && JSON.stringify(call.body).includes('checkin.close'),
    );
    const roundId = buttonsOf(cardOf(round))[0]?.data?.roundId as string;
    expect(roundId).toMatch(/^round-/);
    await steps.press(bob, 'checkin.answer', {
      roundId,
      tried: 'Called ten families',
      happened: 'Only three picked up',
      learned: 'Evenings work better than mornings',
    });
    expect(textOf(await steps.press(alice, 'checkin.close', { roundId }))).toContain('closed');
    // Pressing again closes nothing and raises nothing.
    await steps.press(alice, 'checkin.close', { roundId });
    await app.runDueJobs();
    await app.runDueJobs();

    const [closed, ...moreClosed] = envelopesOn('/rounds', secret);
    expect(moreClosed).toHaveLength(0);
    expect(closed).toMatchObject({
      specversion: '1.0',
      type: 'checkin.closed',
      team: { id: team.teamId, name: 'Rounds Team' },
      data: {
        checkIn: {
          id: roundId,
          priority: { title: 'Every student reads at grade level by spring' },
          dueAt: '2026-10-27T19:30:00.000Z',
          expectedOwners: 2,
          checkedIn: [{ name: 'Bob Teacher' }],
          notCheckedIn: [{ name: 'Carol Coach' }],
          actionsByStatus: { done: 1 },
          learned: [{ name: 'Bob Teacher', learned: 'Evenings work better than mornings' }],
        },
      },
    });
    expect(JSON.stringify(closed?.data)).not.toContain('Only three picked up');
    expectPortable(closed?.card ?? {});
    expect(JSON.stringify(closed?.card)).toContain('Evenings work better than mornings');

    // Wednesday 08:00: Bob's action was due yesterday and is not done; Carol's is done.
    clock.set('2026-10-28T12:00:00.000Z');
    await app.runDueJobs();
    await app.runDueJobs();
    const overdue = envelopesOn('/rounds', secret).filter((each) => each.type === 'action.overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      data: {
        action: {
          id: actionId,
          title: 'Call every family',
          status: 'not-started',
          owner: { name: 'Bob Teacher' },
        },
        priority: { title: 'Every student reads at grade level by spring' },
      },
    });
    expect(overdue[0]?.id).toMatch(/^[0-9a-f]{32}$/);
    expectPortable(overdue[0]?.card ?? {});
    expect(JSON.stringify(overdue[0]?.card)).toContain('Call every family');

    // The next daily runs find it overdue again: nothing more, not even to a webhook added since.
    const late = await api.post<{ webhook: Webhook }>('/webhooks', {
      url: receiver.url('/late'),
      events: ['action.overdue'],
    });
    expect(late.status).toBe(201);
    for (const day of ['2026-10-29T12:00:00.000Z', '2026-10-30T12:00:00.000Z']) {
      clock.set(day);
      await app.runDueJobs();
      await app.runDueJobs();
    }
    expect(receiver.on('/rounds')).toHaveLength(2);
    expect(receiver.on('/late')).toHaveLength(0);
    const listed = await api.get<{ deliveries: Delivery[] }>(`/webhooks/${hook.id}/deliveries`);
    expect(listed.body.deliveries.map((each) => [each.eventType, each.status]).sort()).toEqual([
      ['action.overdue', 'delivered'],
      ['checkin.closed', 'delivered'],
    ]);
  });
});
