import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { PreferenceStore } from '../app/preference-store';
import { parseEntity } from './entity-schema';
import { tableKey } from './keys';
import { isRestErrorWithStatus } from './rest-errors';

const preferenceRow = z.object({ chosenTeamId: z.string() }).passthrough();

/** Preferences: PartitionKey = tenant, RowKey = user. */
export function createTablePreferenceStore(table: TableClient): PreferenceStore {
  return {
    async chosenTeam(tenantId, userId) {
      try {
        return parseEntity(
          preferenceRow,
          await table.getEntity(tableKey(tenantId), tableKey(userId)),
          'preferences',
        ).chosenTeamId;
      } catch (error: unknown) {
        if (isRestErrorWithStatus(error, 404)) return null;
        throw error;
      }
    },
    async chooseTeam(tenantId, userId, teamId) {
      await table.upsertEntity(
        { partitionKey: tableKey(tenantId), rowKey: tableKey(userId), chosenTeamId: teamId },
        'Merge',
      );
    },
  };
}
