import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { AckStore } from '../app/ack-store';
import type { TeamRef } from '../app/team-ref';
import { parseEntity } from './entity-schema';
import { tableKey } from './keys';
import { isRestErrorWithStatus } from './rest-errors';

const cardRow = z.object({ activityId: z.string(), reference: z.string() }).passthrough();

/** Acknowledgements: one partition per decision, one insert-only row per member, plus the card's row. */
export function createTableAckStore(table: TableClient): AckStore {
  const partition = (team: TeamRef, decisionId: string) => tableKey(team.tenantId, team.teamId, decisionId);
  const count = async (team: TeamRef, decisionId: string) => {
    let total = 0;
    const filter = odata`PartitionKey eq ${partition(team, decisionId)} and RowKey ge ${'m|'} and RowKey lt ${'m}'}`;
    for await (const row of table.listEntities({ queryOptions: { filter, select: ['RowKey'] } }))
      if (row) total += 1;
    return total;
  };
  return {
    async acknowledge(team, decisionId, memberId, at) {
      try {
        await table.createEntity({
          partitionKey: partition(team, decisionId),
          rowKey: `m|${tableKey(memberId)}`,
          at,
        });
      } catch (error: unknown) {
        if (!isRestErrorWithStatus(error, 409)) throw error;
      }
      return count(team, decisionId);
    },
    count,
    async saveCard(team, decisionId, card) {
      await table.upsertEntity(
        {
          partitionKey: partition(team, decisionId),
          rowKey: 'card',
          activityId: card.activityId,
          reference: JSON.stringify(card.reference),
        },
        'Replace',
      );
    },
    async card(team, decisionId) {
      try {
        const row = parseEntity(cardRow, await table.getEntity(partition(team, decisionId), 'card'), 'acks');
        return {
          activityId: row.activityId,
          reference: parseEntity(z.record(z.unknown()), JSON.parse(row.reference), 'acks.reference'),
        };
      } catch (error: unknown) {
        if (isRestErrorWithStatus(error, 404)) return null;
        throw error;
      }
    },
  };
}
