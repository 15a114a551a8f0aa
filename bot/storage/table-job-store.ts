import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { DueJob, JobStore } from '../app/job-store';
import { parseEntity } from './entity-schema';
import { tableKey } from './keys';
import { isRestErrorWithStatus } from './rest-errors';

const partitionKey = 'due';

const jobRow = z
  .object({
    etag: z.string(),
    rowKey: z.string(),
    id: z.string(),
    kind: z.enum(['close-vote', 'deliver-webhook', 'check-in-round', 'reminders']),
    tenantId: z.string(),
    teamId: z.string(),
    subjectId: z.string(),
    dueAt: z.string(),
    leaseUntil: z.string().optional(),
  })
  .passthrough();

/**
 * Due jobs keyed `dueAt|id`, so "what is due" is one range query. A claim is an ETag-guarded lease:
 * two instances never run the same job, and a crashed one's lease runs out so another picks it up.
 */
export function createTableJobStore(table: TableClient): JobStore {
  const toJob = (row: z.infer<typeof jobRow>): DueJob => ({
    id: row.id,
    kind: row.kind,
    tenantId: row.tenantId,
    teamId: row.teamId,
    subjectId: row.subjectId,
    dueAt: row.dueAt,
  });
  return {
    async schedule(job) {
      // One live row per job id: an index row points at the current due row, so rescheduling moves it.
      const indexKey = `id|${tableKey(job.id)}`;
      const rowKey = `at|${job.dueAt}|${tableKey(job.id)}`;
      try {
        const index = await table.getEntity<{ rowKey: string; dueRowKey: string }>(partitionKey, indexKey);
        if (index.dueRowKey !== rowKey) {
          await table.deleteEntity(partitionKey, index.dueRowKey).catch((error: unknown) => {
            if (!isRestErrorWithStatus(error, 404)) throw error;
          });
        }
      } catch (error: unknown) {
        if (!isRestErrorWithStatus(error, 404)) throw error;
      }
      await table.upsertEntity({ partitionKey, rowKey, ...job }, 'Replace');
      await table.upsertEntity({ partitionKey, rowKey: indexKey, dueRowKey: rowKey }, 'Replace');
    },
    async due(now, limit) {
      const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${'at|'} and RowKey le ${`at|${now}|~`}`;
      const found: Array<{ job: DueJob; etag: string; rowKey: string }> = [];
      for await (const entity of table.listEntities({ queryOptions: { filter } })) {
        const row = parseEntity(jobRow, entity, 'jobs');
        if (row.leaseUntil && row.leaseUntil > now) continue;
        found.push({ job: toJob(row), etag: row.etag, rowKey: row.rowKey });
        if (found.length >= limit) break;
      }
      return found;
    },
    async claim(entry, owner, now, leaseMs) {
      const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
      try {
        const result = await table.updateEntity(
          { partitionKey, rowKey: entry.rowKey, leaseUntil, owner },
          'Merge',
          { etag: entry.etag },
        );
        return { job: entry.job, token: `${entry.rowKey}\n${result.etag ?? ''}` };
      } catch (error: unknown) {
        if (isRestErrorWithStatus(error, 412) || isRestErrorWithStatus(error, 404)) return null;
        throw error;
      }
    },
    async complete(claimed) {
      const [rowKey = '', etag = '*'] = claimed.token.split('\n');
      try {
        await table.deleteEntity(partitionKey, rowKey, { etag });
      } catch (error: unknown) {
        if (isRestErrorWithStatus(error, 412) || isRestErrorWithStatus(error, 404)) return;
        throw error;
      }
      await table.deleteEntity(partitionKey, `id|${tableKey(claimed.job.id)}`).catch((error: unknown) => {
        if (!isRestErrorWithStatus(error, 404)) throw error;
      });
    },
  };
}
