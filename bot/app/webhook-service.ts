import { z } from 'zod';
import { fail, ok, type Result } from '../domain/voting';
import type { Clock } from '../support/clock';
import type { Logger } from '../support/logger';
import { hashSecret, hmacSha256Hex } from '../support/secrets';
import type { DeliveryKey, WebhookDelivery, WebhookStore, WebhookSubscription } from './integration-stores';
import type { DueJob, JobStore } from './job-store';
import { ConflictError, type TeamRef } from './team-ref';
import {
  EVENT_TYPES,
  TEST_EVENT_TYPE,
  type EventEnvelope,
  type EventPublisher,
  type EventType,
} from './webhook-events';
import { checkWebhookUrl } from './webhook-url';

/** What one POST to a webhook came to: a 2xx, or why not. */
export type TransportResult =
  { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** Sends one signed body; never follows a redirect. */
export type WebhookTransport = (
  url: string,
  body: string,
  headers: Record<string, string>,
) => Promise<TransportResult>;

/** At most this many subscriptions per team. */
export const MAX_SUBSCRIPTIONS = 20;
/** Deliveries are retried for a day after the event. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The wait before attempt `attempt + 1`: 30 s doubling each time, at most 2 h. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 2 * 60 * 60 * 1000);
}

/** The headers every delivery carries; the signature covers the raw body. */
export function deliveryHeaders(
  secret: string,
  body: string,
  envelope: { id: string; type: string },
  attempt: number,
): Record<string, string> {
  return {
    'Content-Type': 'application/json; charset=utf-8',
    'User-Agent': 'LeadingTogether-Webhooks/1.0',
    'X-LT-Signature': `sha256=${hmacSha256Hex(secret, body)}`,
    'X-LT-Event-Id': envelope.id,
    'X-LT-Event-Type': envelope.type,
    'X-LT-Delivery-Attempt': String(attempt),
  };
}

/** A subscription as listed: everything but the secret. */
export type SubscriptionView = Omit<WebhookSubscription, 'secret'>;

export interface WebhookService extends EventPublisher {
  subscribe(
    team: TeamRef,
    input: {
      url: string;
      events?: EventType[] | undefined;
      source: WebhookSubscription['source'];
      createdBy: string;
    },
  ): Promise<Result<WebhookSubscription>>;
  list(team: TeamRef): Promise<SubscriptionView[]>;
  unsubscribe(team: TeamRef, subscriptionId: string): Promise<boolean>;
  /** Sends a `webhook.test` event once, now; null when there is no such subscription. */
  sendTest(team: TeamRef, subscriptionId: string): Promise<WebhookDelivery | null>;
  /** Null when there is no such subscription. */
  deliveries(team: TeamRef, subscriptionId: string, limit: number): Promise<WebhookDelivery[] | null>;
  /** The due-job handler of one delivery attempt. */
  deliver(job: DueJob): Promise<void>;
}

const attemptSubject = z.tuple([z.string(), z.string(), z.string(), z.number().int().min(1)]);

/**
 * Outgoing events: subscriptions per team, and deliveries through due jobs. Each (event, subscription)
 * pair is one delivery row created insert-only, and each attempt one job with its own id, so a repeated
 * publish, a restart or a second instance never sends it twice from here; a failed attempt schedules the
 * next with backoff until a day has passed.
 */
export function createWebhookService(deps: {
  store: WebhookStore;
  jobs: JobStore;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  newSecret: () => string;
  transport: WebhookTransport;
  teamName: (team: TeamRef) => Promise<string>;
  localMode: boolean;
}): WebhookService {
  const { store, clock, logger } = deps;
  const now = () => clock.now().toISOString();

  const scheduleAttempt = (team: TeamRef, delivery: WebhookDelivery, attempt: number, dueAt: string) =>
    deps.jobs.schedule({
      id: `webhook|${team.tenantId}|${team.teamId}|${delivery.subscriptionId}|${delivery.eventId}|${attempt}`,
      kind: 'deliver-webhook',
      tenantId: team.tenantId,
      teamId: team.teamId,
      subjectId: JSON.stringify([delivery.subscriptionId, delivery.eventId, delivery.eventTime, attempt]),
      dueAt,
    });

  const send = async (subscription: WebhookSubscription, delivery: WebhookDelivery, attempt: number) => {
    const headers = deliveryHeaders(
      subscription.secret,
      delivery.body,
      { id: delivery.eventId, type: delivery.eventType },
      attempt,
    );
    const result = await deps.transport(subscription.url, delivery.body, headers);
    logger.info('webhook delivery attempt', {
      subscriptionId: subscription.id,
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      attempt,
      ok: result.ok,
      status: result.status,
      ...(result.ok ? {} : { error: result.error }),
    });
    return result;
  };

  const envelopeOf = async (
    team: TeamRef,
    event: {
      type: EventEnvelope['type'];
      id: string;
      time: string;
      data: Record<string, unknown>;
      card: Record<string, unknown>;
    },
  ): Promise<EventEnvelope> => ({
    specversion: '1.0',
    type: event.type,
    id: event.id,
    time: event.time,
    team: { id: team.teamId, name: await deps.teamName(team) },
    data: event.data,
    card: event.card,
  });

  return {
    async subscribe(team, input) {
      const url = checkWebhookUrl(input.url, { localMode: deps.localMode });
      if (!url.ok) return url;
      const existing = await store.list(team);
      if (existing.length >= MAX_SUBSCRIPTIONS)
        return fail('url', `a team has at most ${MAX_SUBSCRIPTIONS} webhooks; remove one first`);
      const subscription: WebhookSubscription = {
        id: deps.newId(),
        url: url.value,
        events: input.events && input.events.length > 0 ? [...new Set(input.events)] : [...EVENT_TYPES],
        secret: deps.newSecret(),
        source: input.source,
        createdAt: now(),
        createdBy: input.createdBy,
      };
      await store.add(team, subscription);
      logger.info('webhook subscribed', { ...team, subscriptionId: subscription.id, source: input.source });
      return ok(subscription);
    },
    async list(team) {
      return (await store.list(team)).map(({ secret: _secret, ...view }) => view);
    },
    async unsubscribe(team, subscriptionId) {
      const removed = await store.remove(team, subscriptionId);
      if (removed) logger.info('webhook unsubscribed', { ...team, subscriptionId });
      return removed;
    },
    async deliveries(team, subscriptionId, limit) {
      if (!(await store.get(team, subscriptionId))) return null;
      return store.recentDeliveries(team, subscriptionId, limit);
    },

    async publish(team, event) {
      // The same event always gets the same id, so a repeated publish is recognised per subscription.
      const id = hashSecret(`${event.type}\n${team.tenantId}\n${team.teamId}\n${event.subject}`).slice(0, 32);
      if (event.once && (await store.wasPublished(team, id))) return;
      const subscriptions = (await store.list(team)).filter((each) => each.events.includes(event.type));
      // Marked after the deliveries exist: a crash in between publishes again, which the insert-only rows absorb.
      const marked = async () => {
        if (event.once) await store.markPublished(team, id, now());
      };
      if (subscriptions.length === 0) return marked();
      const body = JSON.stringify(await envelopeOf(team, { ...event, id }));
      const at = now();
      for (const subscription of subscriptions) {
        const delivery: WebhookDelivery = {
          eventId: id,
          eventType: event.type,
          eventTime: event.time,
          subscriptionId: subscription.id,
          body,
          status: 'pending',
          attempts: 0,
          lastStatusCode: null,
          lastError: null,
          createdAt: at,
          updatedAt: at,
          nextAttemptAt: at,
          test: false,
        };
        if (await store.addDelivery(team, delivery)) await scheduleAttempt(team, delivery, 1, at);
      }
      await marked();
    },

    async sendTest(team, subscriptionId) {
      const subscription = await store.get(team, subscriptionId);
      if (!subscription) return null;
      const at = now();
      const id = deps.newId();
      const body = JSON.stringify(
        await envelopeOf(team, {
          type: TEST_EVENT_TYPE,
          id,
          time: at,
          data: { message: 'A test event from Leading Together: this webhook is set up.' },
          card: {
            type: 'AdaptiveCard',
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            version: '1.5',
            body: [{ type: 'TextBlock', text: 'Leading Together: test event', wrap: true, weight: 'Bolder' }],
          },
        }),
      );
      const pending: WebhookDelivery = {
        eventId: id,
        eventType: TEST_EVENT_TYPE,
        eventTime: at,
        subscriptionId,
        body,
        status: 'pending',
        attempts: 0,
        lastStatusCode: null,
        lastError: null,
        createdAt: at,
        updatedAt: at,
        nextAttemptAt: null,
        test: true,
      };
      const result = await send(subscription, pending, 1);
      const done: WebhookDelivery = {
        ...pending,
        status: result.ok ? 'delivered' : 'failed',
        attempts: 1,
        lastStatusCode: result.status,
        lastError: result.ok ? null : result.error,
        updatedAt: now(),
      };
      await store.addDelivery(team, done);
      return done;
    },

    async deliver(job) {
      const [subscriptionId, eventId, eventTime, attempt] = attemptSubject.parse(JSON.parse(job.subjectId));
      const team = { tenantId: job.tenantId, teamId: job.teamId };
      const key: DeliveryKey = { eventId, eventTime };
      const stored = await store.getDelivery(team, subscriptionId, key);
      // Already delivered, given up, or this attempt was made before a restart: nothing to do.
      if (!stored || stored.value.status !== 'pending' || stored.value.attempts >= attempt) return;
      const subscription = await store.get(team, subscriptionId);
      const result: TransportResult = subscription
        ? await send(subscription, stored.value, attempt)
        : { ok: false, status: null, error: 'the webhook was removed' };
      const at = clock.now();
      const nextAt = new Date(at.getTime() + backoffMs(attempt));
      const retry =
        !result.ok &&
        subscription !== null &&
        nextAt.getTime() - Date.parse(stored.value.createdAt) <= RETRY_WINDOW_MS;
      const updated: WebhookDelivery = {
        ...stored.value,
        status: result.ok ? 'delivered' : retry ? 'pending' : 'failed',
        attempts: attempt,
        lastStatusCode: result.status,
        lastError: result.ok ? null : result.error,
        updatedAt: at.toISOString(),
        nextAttemptAt: retry ? nextAt.toISOString() : null,
      };
      // The next attempt is scheduled before this one is recorded, so a crash in between loses no retry.
      if (retry) await scheduleAttempt(team, updated, attempt + 1, nextAt.toISOString());
      try {
        await store.updateDelivery(team, updated, stored.etag);
      } catch (error: unknown) {
        if (!(error instanceof ConflictError)) throw error;
        logger.warn('webhook delivery changed while it was attempted', { subscriptionId, eventId });
      }
      if (!result.ok && !retry)
        logger.warn('webhook delivery given up', { ...team, subscriptionId, eventId, attempts: attempt });
    },
  };
}
