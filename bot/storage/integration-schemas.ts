import { z } from 'zod';
import type { ApiKeyRecord, WebhookDelivery, WebhookSubscription } from '../app/integration-stores';
import { EVENT_TYPES } from '../app/webhook-events';

// Integration rows read back from storage, checked field by field.

export const webhookSubscriptionSchema: z.ZodType<WebhookSubscription> = z.object({
  id: z.string(),
  url: z.string().url(),
  events: z.array(z.enum(EVENT_TYPES)),
  secret: z.string().min(16),
  source: z.enum(['tab', 'flow']),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const webhookDeliverySchema: z.ZodType<WebhookDelivery> = z.object({
  eventId: z.string(),
  eventType: z.string(),
  eventTime: z.string(),
  subscriptionId: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int().min(0),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  test: z.boolean(),
});

export const apiKeyRecordSchema: z.ZodType<ApiKeyRecord> = z.object({
  id: z.string(),
  tenantId: z.string(),
  teamId: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
});

export const storedApiKeySchema = z.object({
  record: apiKeyRecordSchema,
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export const apiKeyHashSchema = z.object({ tenantId: z.string(), teamId: z.string(), keyId: z.string() });

/** The record that a once-only event was published. */
export const publishedEventSchema = z.object({ eventId: z.string(), publishedAt: z.string() });
