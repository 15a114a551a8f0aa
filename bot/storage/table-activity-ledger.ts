import type { TableClient } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import type { ActivityLedger } from '../app/activity-ledger';
import { tableKey } from './keys';
import { isRestErrorWithStatus } from './rest-errors';

/**
 * The ledger as insert-if-absent rows: createEntity's 409 is the "seen before" answer, atomic across instances.
 * Each claim carries a token, because the storage client retries a create whose answer was lost: the retry's
 * 409 then comes from our own row, and only the token tells it from another delivery's claim.
 */
export function createTableActivityLedger(table: TableClient, clock: () => Date): ActivityLedger {
  return {
    async claim(scope, activityId) {
      const claimToken = randomUUID();
      const keys = { partitionKey: tableKey(scope), rowKey: tableKey(activityId) };
      try {
        await table.createEntity({ ...keys, claimedAt: clock().toISOString(), claimToken });
        return true;
      } catch (error: unknown) {
        if (!isRestErrorWithStatus(error, 409)) throw error;
        const existing = await table.getEntity<{ claimToken?: string }>(keys.partitionKey, keys.rowKey);
        return existing.claimToken === claimToken;
      }
    },
    async release(scope, activityId) {
      try {
        await table.deleteEntity(tableKey(scope), tableKey(activityId));
      } catch (error: unknown) {
        if (isRestErrorWithStatus(error, 404)) return;
        throw error;
      }
    },
  };
}
