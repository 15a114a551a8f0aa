import type { TableClient } from '@azure/data-tables';
import type { ActivityLedger } from '../app/activity-ledger';
import { tableKey } from './keys';
import { isRestErrorWithStatus } from './rest-errors';

/** The ledger as insert-if-absent rows: createEntity's 409 is the "seen before" answer, atomic across instances. */
export function createTableActivityLedger(table: TableClient, clock: () => Date): ActivityLedger {
  return {
    async claim(scope, activityId) {
      try {
        await table.createEntity({
          partitionKey: tableKey(scope),
          rowKey: tableKey(activityId),
          claimedAt: clock().toISOString(),
        });
        return true;
      } catch (error: unknown) {
        if (isRestErrorWithStatus(error, 409)) return false;
        throw error;
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
