import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { visitKey, type BoardVisits } from '../app/board-visits';
import { parseEntity } from './entity-schema';
import { tableKey } from './keys';

const visitRow = z.object({ teamId: z.string(), boardId: z.string(), seenAt: z.string() }).passthrough();

/** Board visits in the preferences table: one partition per member, one row per board. */
export function createTableBoardVisits(table: TableClient): BoardVisits {
  const partition = (tenantId: string, memberId: string) => tableKey(tenantId, 'visits', memberId);
  return {
    async lastSeen(tenantId, memberId) {
      const seen = new Map<string, string>();
      const filter = odata`PartitionKey eq ${partition(tenantId, memberId)}`;
      for await (const entity of table.listEntities({ queryOptions: { filter } })) {
        const row = parseEntity(visitRow, entity, 'preferences');
        seen.set(visitKey(row.teamId, row.boardId), row.seenAt);
      }
      return seen;
    },
    async record(tenantId, memberId, teamId, boardId, at) {
      await table.upsertEntity(
        {
          partitionKey: partition(tenantId, memberId),
          rowKey: tableKey(teamId, boardId),
          teamId,
          boardId,
          seenAt: at,
        },
        'Replace',
      );
    },
  };
}
