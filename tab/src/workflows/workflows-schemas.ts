import { z } from '../zod';

/** The webhook and API-key API's answers, validated where they enter the tab; types are inferred from them. */

/** The events a webhook can subscribe to, with the words the tab shows (the server's list, in its order). */
export const EVENT_OPTIONS = [
  { type: 'decision.announced', label: 'A decision is announced' },
  { type: 'priority.changed', label: 'The priority changes' },
  { type: 'vision.adopted', label: 'A vision is adopted' },
  { type: 'checkin.closed', label: 'A check-in closes' },
  { type: 'action.overdue', label: 'An action is overdue' },
] as const;
export type EventType = (typeof EVENT_OPTIONS)[number]['type'];
const eventTypes = EVENT_OPTIONS.map((option) => option.type) as [EventType, ...EventType[]];

export const MAX_URL_LENGTH = 2000;
export const MAX_KEY_NAME_LENGTH = 80;

export const webhookSchema = z.object({
  id: z.string().min(1),
  url: z.string(),
  // An event the tab does not know yet is kept out rather than refusing the whole list.
  events: z
    .array(z.string())
    .transform((events) =>
      events.filter((event): event is EventType => (eventTypes as string[]).includes(event)),
    ),
  source: z.enum(['tab', 'flow']),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** A new webhook: the secret comes this once. */
export const createdWebhookSchema = webhookSchema.extend({ secret: z.string().min(1) });
export type CreatedWebhook = z.infer<typeof createdWebhookSchema>;

export const deliverySchema = z.object({
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  test: z.boolean(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const apiKeySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** A new key: the key itself comes this once. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string().min(1) });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
