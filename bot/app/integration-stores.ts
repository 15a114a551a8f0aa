import type { EventType } from './webhook-events';
import type { TeamRef, Versioned } from './team-ref';

/** A URL that receives the team's events, registered in the tab or by a Power Automate trigger. */
export interface WebhookSubscription {
  id: string;
  url: string;
  events: EventType[];
  /** The HMAC key of the signatures; shown once when the subscription is created. */
  secret: string;
  /** `tab`: registered by a team owner; `flow`: a Power Automate trigger subscribed with an API key. */
  source: 'tab' | 'flow';
  createdAt: string;
  /** A member's name, or the API key's name for a flow. */
  createdBy: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event on its way to one subscription, with what happened on each attempt so far. */
export interface WebhookDelivery {
  eventId: string;
  eventType: string;
  /** When the event happened: with the id, it keys the delivery (newest first). */
  eventTime: string;
  subscriptionId: string;
  /** The exact body sent (and signed) on every attempt. */
  body: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  nextAttemptAt: string | null;
  test: boolean;
}

/** What finds a delivery in its subscription's log. */
export type DeliveryKey = Pick<WebhookDelivery, 'eventId' | 'eventTime'>;

/** Subscriptions and their delivery log, per team. */
export interface WebhookStore {
  add(team: TeamRef, subscription: WebhookSubscription): Promise<void>;
  list(team: TeamRef): Promise<WebhookSubscription[]>;
  get(team: TeamRef, subscriptionId: string): Promise<WebhookSubscription | null>;
  /** False when there was no such subscription. */
  remove(team: TeamRef, subscriptionId: string): Promise<boolean>;
  /** Insert-only, keyed by the event: false when this event was already given to this subscription. */
  addDelivery(team: TeamRef, delivery: WebhookDelivery): Promise<boolean>;
  getDelivery(
    team: TeamRef,
    subscriptionId: string,
    key: DeliveryKey,
  ): Promise<Versioned<WebhookDelivery> | null>;
  /** Conditional on the ETag read; ConflictError when someone else changed it. */
  updateDelivery(team: TeamRef, delivery: WebhookDelivery, etag: string): Promise<void>;
  /** True once `markPublished` recorded this event for the team (events raised only once). */
  wasPublished(team: TeamRef, eventId: string): Promise<boolean>;
  /** Insert-only: recording the same event twice is no error. */
  markPublished(team: TeamRef, eventId: string, at: string): Promise<void>;
  /** Newest first. */
  recentDeliveries(team: TeamRef, subscriptionId: string, limit: number): Promise<WebhookDelivery[]>;
}

/** An API key as stored: never the key itself, only its SHA-256. */
export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  teamId: string;
  name: string;
  /** The first characters of the key, so people can tell keys apart. */
  prefix: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

/** Per-team API keys, found by their hash. */
export interface ApiKeyStore {
  add(record: ApiKeyRecord, hash: string): Promise<void>;
  findByHash(hash: string): Promise<ApiKeyRecord | null>;
  list(team: TeamRef): Promise<ApiKeyRecord[]>;
  /** False when there was no such key in the team (revoking twice is fine). */
  revoke(team: TeamRef, keyId: string, at: string): Promise<boolean>;
}
