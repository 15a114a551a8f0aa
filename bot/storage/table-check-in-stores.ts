import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type {
  CheckInRoundStore,
  CheckInSettingsStore,
  ReminderClaim,
  ReminderLog,
} from '../app/check-in-stores';
import type { TeamRef } from '../app/team-ref';
import { parseEntity } from './entity-schema';
import { createJsonEntityTable } from './json-entities';
import { tableKey } from './keys';
import { isRestErrorWithStatus } from './rest-errors';
import { checkInSettingsSchema, storedRoundSchema } from './check-in-schemas';

// One table, three partitions per team: its settings, its rounds and its reminders.
const partition = (team: TeamRef, kind: 'settings' | 'rounds' | 'reminders') =>
  tableKey(team.tenantId, team.teamId, kind);

/** Check-in settings: one JSON row per team. */
export function createTableCheckInSettingsStore(table: TableClient): CheckInSettingsStore {
  const rows = createJsonEntityTable(table, 'checkins.settings', checkInSettingsSchema);
  return {
    get: (team) => rows.get(partition(team, 'settings'), 'settings'),
    save: (team, settings, etag) =>
      etag === null
        ? rows.insert(partition(team, 'settings'), 'settings', settings)
        : rows.replace(partition(team, 'settings'), 'settings', settings, etag),
  };
}

/** Check-in rounds: one JSON row per round, keyed by its id (its due instant sorts them). */
export function createTableCheckInRoundStore(table: TableClient): CheckInRoundStore {
  const rows = createJsonEntityTable(table, 'checkins.rounds', storedRoundSchema);
  return {
    get: (team, roundId) => rows.get(partition(team, 'rounds'), tableKey(roundId)),
    list: async (team) =>
      (await rows.list(partition(team, 'rounds')))
        .map(({ value, etag }) => ({ value, etag }))
        .sort((a, b) => a.value.round.dueAt.localeCompare(b.value.round.dueAt)),
    insert: (team, stored) =>
      rows.insert(partition(team, 'rounds'), tableKey(stored.round.id), stored, {
        open: stored.round.closedAt === null,
      }),
    replace: (team, stored, etag) =>
      rows.replace(partition(team, 'rounds'), tableKey(stored.round.id), stored, etag, {
        open: stored.round.closedAt === null,
      }),
  };
}

const reminderRow = z
  .object({
    etag: z.string(),
    actionId: z.string(),
    localDate: z.string(),
    state: z.enum(['claimed', 'sent']),
    leaseUntil: z.string(),
    sentAt: z.string().optional(),
  })
  .passthrough();

/** Reminders: a row per action and local day, keyed `date|action` so "sent since" is one range query. */
export function createTableReminderLog(table: TableClient): ReminderLog {
  const rowKeyOf = (localDate: string, actionId: string) => tableKey(localDate, actionId);
  return {
    async sentSince(team, localDate) {
      const filter = odata`PartitionKey eq ${partition(team, 'reminders')} and RowKey ge ${localDate} and state eq ${'sent'}`;
      const sent: Array<{ actionId: string; sentAt: string }> = [];
      for await (const entity of table.listEntities({ queryOptions: { filter } })) {
        const row = parseEntity(reminderRow, entity, 'checkins.reminders');
        sent.push({ actionId: row.actionId, sentAt: row.sentAt ?? row.leaseUntil });
      }
      return sent;
    },
    async claim(team, key, owner, now, leaseMs) {
      const partitionKey = partition(team, 'reminders');
      const rowKey = rowKeyOf(key.localDate, key.actionId);
      const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
      const fields = { partitionKey, rowKey, ...key, state: 'claimed', leaseUntil, owner };
      const claimed = (etag: string | undefined): ReminderClaim => ({ team, ...key, etag: etag ?? '*' });
      try {
        return claimed((await table.createEntity(fields)).etag);
      } catch (error: unknown) {
        if (!isRestErrorWithStatus(error, 409)) throw error;
      }
      const existing = parseEntity(
        reminderRow,
        await table.getEntity(partitionKey, rowKey),
        'checkins.reminders',
      );
      if (existing.state === 'sent') return 'sent';
      if (existing.leaseUntil > now) return 'busy';
      // The instance that claimed it stopped before sending: take it over, unless someone just did.
      try {
        return claimed((await table.updateEntity(fields, 'Replace', { etag: existing.etag })).etag);
      } catch (error: unknown) {
        if (isRestErrorWithStatus(error, 412) || isRestErrorWithStatus(error, 404)) return 'busy';
        throw error;
      }
    },
    async markSent(claim, sentAt, via) {
      await table.updateEntity(
        {
          partitionKey: partition(claim.team, 'reminders'),
          rowKey: rowKeyOf(claim.localDate, claim.actionId),
          state: 'sent',
          sentAt,
          via,
        },
        'Merge',
        { etag: claim.etag },
      );
    },
  };
}
