import type { TableClient } from '@azure/data-tables';
import type { ApiKeyStore, DeliveryKey, WebhookStore } from '../app/integration-stores';
import { ConflictError, type TeamRef } from '../app/team-ref';
import {
  apiKeyHashSchema,
  publishedEventSchema,
  storedApiKeySchema,
  webhookDeliverySchema,
  webhookSubscriptionSchema,
} from './integration-schemas';
import { createJsonEntityTable } from './json-entities';
import { tableKey } from './keys';

const maxTime = 9_999_999_999_999;

/** Newest first in RowKey order: the time inverted and padded, then the event id. */
const deliveryRow = (key: DeliveryKey) =>
  `${String(maxTime - Date.parse(key.eventTime)).padStart(13, '0')}|${tableKey(key.eventId)}`;

/** Webhook subscriptions (one partition per team) and their delivery log (one per subscription). */
export function createTableWebhookStore(table: TableClient): WebhookStore {
  const subscriptions = createJsonEntityTable(table, 'integrations', webhookSubscriptionSchema);
  const deliveries = createJsonEntityTable(table, 'integrations', webhookDeliverySchema);
  const published = createJsonEntityTable(table, 'integrations', publishedEventSchema);
  const publishedPartition = (team: TeamRef) => tableKey('published', team.tenantId, team.teamId);
  const teamPartition = (team: TeamRef) => tableKey('webhook', team.tenantId, team.teamId);
  const deliveryPartition = (team: TeamRef, subscriptionId: string) =>
    tableKey('delivery', team.tenantId, team.teamId, subscriptionId);
  return {
    async add(team, subscription) {
      await subscriptions.insert(teamPartition(team), tableKey(subscription.id), subscription);
    },
    async list(team) {
      return (await subscriptions.list(teamPartition(team), { limit: 100 }))
        .map((row) => row.value)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async get(team, subscriptionId) {
      return (await subscriptions.get(teamPartition(team), tableKey(subscriptionId)))?.value ?? null;
    },
    async remove(team, subscriptionId) {
      const row = await subscriptions.get(teamPartition(team), tableKey(subscriptionId));
      if (!row) return false;
      try {
        await subscriptions.remove(teamPartition(team), tableKey(subscriptionId), row.etag);
      } catch (error: unknown) {
        // Removed at the same time by someone else: gone either way.
        if (!(error instanceof ConflictError)) throw error;
      }
      return true;
    },
    async addDelivery(team, delivery) {
      try {
        await deliveries.insert(
          deliveryPartition(team, delivery.subscriptionId),
          deliveryRow(delivery),
          delivery,
        );
        return true;
      } catch (error: unknown) {
        if (error instanceof ConflictError) return false;
        throw error;
      }
    },
    async getDelivery(team, subscriptionId, key) {
      const row = await deliveries.get(deliveryPartition(team, subscriptionId), deliveryRow(key));
      return row ? { value: row.value, etag: row.etag } : null;
    },
    async updateDelivery(team, delivery, etag) {
      await deliveries.replace(
        deliveryPartition(team, delivery.subscriptionId),
        deliveryRow(delivery),
        delivery,
        etag,
      );
    },
    async wasPublished(team, eventId) {
      return (await published.get(publishedPartition(team), tableKey(eventId))) !== null;
    },
    async markPublished(team, eventId, at) {
      try {
        await published.insert(publishedPartition(team), tableKey(eventId), { eventId, publishedAt: at });
      } catch (error: unknown) {
        // Recorded by a repeated run or another instance: the same fact.
        if (!(error instanceof ConflictError)) throw error;
      }
    },
    async recentDeliveries(team, subscriptionId, limit) {
      return (await deliveries.list(deliveryPartition(team, subscriptionId), { limit })).map(
        (row) => row.value,
      );
    },
  };
}

/** API keys: one row per key in its team's partition, and a row per live key's hash to find it by. */
export function createTableApiKeyStore(table: TableClient): ApiKeyStore {
  const keys = createJsonEntityTable(table, 'integrations', storedApiKeySchema);
  const hashes = createJsonEntityTable(table, 'integrations', apiKeyHashSchema);
  const teamPartition = (team: TeamRef) => tableKey('apikey', team.tenantId, team.teamId);
  const hashPartition = 'apikeyhash';
  return {
    async add(record, hash) {
      const team = { tenantId: record.tenantId, teamId: record.teamId };
      await keys.insert(teamPartition(team), tableKey(record.id), { record, hash });
      await hashes.insert(hashPartition, hash, {
        tenantId: record.tenantId,
        teamId: record.teamId,
        keyId: record.id,
      });
    },
    async findByHash(hash) {
      const index = await hashes.get(hashPartition, hash);
      if (!index) return null;
      const team = { tenantId: index.value.tenantId, teamId: index.value.teamId };
      const stored = await keys.get(teamPartition(team), tableKey(index.value.keyId));
      // The key row is the truth: a hash row whose key is gone or revoked admits nobody.
      if (!stored || stored.value.hash !== hash) return null;
      return stored.value.record;
    },
    async list(team) {
      return (await keys.list(teamPartition(team), { limit: 200 }))
        .map((row) => row.value.record)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async revoke(team, keyId, at) {
      const stored = await keys.get(teamPartition(team), tableKey(keyId));
      if (!stored) return false;
      if (stored.value.record.revokedAt === null) {
        await keys.replace(
          teamPartition(team),
          tableKey(keyId),
          { ...stored.value, record: { ...stored.value.record, revokedAt: at } },
          stored.etag,
        );
      }
      const index = await hashes.get(hashPartition, stored.value.hash);
      if (index) {
        try {
          await hashes.remove(hashPartition, stored.value.hash, index.etag);
        } catch (error: unknown) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      return true;
    },
  };
}
