import type { TeamRef } from './team-ref';

/** The events a webhook can subscribe to; the envelope and each type's `data` are documented in the README. */
export const EVENT_TYPES = [
  'decision.announced',
  'priority.changed',
  'vision.adopted',
  'checkin.closed',
  'action.overdue',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Sent only by "Send test event"; never subscribed to. */
export const TEST_EVENT_TYPE = 'webhook.test';

/** An event as the app raises it: what happened, its payload and its Adaptive Card. */
export interface OutgoingEvent {
  type: EventType;
  /** What the event is about (a decision id, a vision id): with the type and team it makes the event's id. */
  subject: string;
  /** When it happened (the domain's time, so a repeated publish builds the same event). */
  time: string;
  data: Record<string, unknown>;
  card: Record<string, unknown>;
  /**
   * Raised at most once, ever: a later publish of the same event (a daily run finding the same overdue
   * action again) sends nothing, not even to a subscription added since.
   */
  once?: boolean;
}

/** The port the use cases and handlers raise events through; the composition root passes it in. */
export interface EventPublisher {
  publish(team: TeamRef, event: OutgoingEvent): Promise<void>;
}

/** What every delivery's body is, version 1.0 (CloudEvents-like attribute names). */
export interface EventEnvelope {
  specversion: '1.0';
  type: EventType | typeof TEST_EVENT_TYPE;
  id: string;
  time: string;
  team: { id: string; name: string };
  data: Record<string, unknown>;
  card: Record<string, unknown>;
}

/** Workflows refuses cards of 28 KB or more. */
export const MAX_CARD_BYTES = 28 * 1024;

type Json = Record<string, unknown>;

/**
 * The card as a Workflows flow can post it: Action.Execute, Action.Submit and `refresh` only work
 * through this bot, so they are taken out; a card still too large becomes a short one with the fallback text.
 */
export function portableCard(card: Json, fallback: { title: string; url: string | null }): Json {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value))
      return value.filter((item) => !isBotOnlyAction(item)).map((item) => strip(item));
    if (typeof value !== 'object' || value === null) return value;
    const out: Json = {};
    for (const [key, inner] of Object.entries(value as Json)) {
      if (key === 'refresh') continue;
      out[key] = strip(inner);
    }
    return out;
  };
  const portable = strip(card) as Json;
  if (Buffer.byteLength(JSON.stringify(portable), 'utf8') < MAX_CARD_BYTES) return portable;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: fallback.title.slice(0, 500), wrap: true, weight: 'Bolder' }],
    ...(fallback.url
      ? { actions: [{ type: 'Action.OpenUrl', title: 'Open in Teams', url: fallback.url }] }
      : {}),
  };
}

function isBotOnlyAction(item: unknown): boolean {
  if (typeof item !== 'object' || item === null || !('type' in item)) return false;
  return item.type === 'Action.Execute' || item.type === 'Action.Submit';
}
