import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { ActionStore, AssignmentStore, StoredAssignment } from '../app/ownership-stores';
import { ConflictError, type TeamRef, type Versioned } from '../app/team-ref';
import { CorruptEntityError, parseEntity } from './entity-schema';
import { createJsonEntityTable } from './json-entities';
import { tableKey } from './keys';
import { isRestErrorWithStatus } from './rest-errors';
import { storedActionSchema, storedAssignmentSchema } from './ownership-schemas';

/** One partition per team and priority, so a priority's owners (or actions) are one query. */
const priorityPartition = (team: TeamRef, priorityId: string) =>
  tableKey(team.tenantId, team.teamId, priorityId);

const assignmentRow = z.object({ etag: z.string(), data: z.string().max(30_000) }).passthrough();

/**
 * Assignments: one row per member holding the JSON of the stored assignment. A change that touches
 * several members (a new lead makes the old one a co-owner) is one entity-group transaction.
 */
export function createTableAssignmentStore(table: TableClient): AssignmentStore {
  const toRow = (priorityId: string, team: TeamRef, value: StoredAssignment) => ({
    partitionKey: priorityPartition(team, priorityId),
    rowKey: tableKey(value.assignment.memberId),
    memberId: value.assignment.memberId,
    status: value.assignment.status,
    data: JSON.stringify(value),
  });
  return {
    async list(team, priorityId) {
      const rows: Array<Versioned<StoredAssignment>> = [];
      const filter = odata`PartitionKey eq ${priorityPartition(team, priorityId)}`;
      for await (const entity of table.listEntities({ queryOptions: { filter } })) {
        const row = parseEntity(assignmentRow, entity, 'assignments');
        let json: unknown;
        try {
          json = JSON.parse(row.data);
        } catch (error: unknown) {
          if (error instanceof SyntaxError) throw new CorruptEntityError('assignments: data: not JSON');
          throw error;
        }
        rows.push({ value: parseEntity(storedAssignmentSchema, json, 'assignments.data'), etag: row.etag });
      }
      return rows;
    },
    async save(team, priorityId, writes) {
      if (writes.length === 0) return;
      const actions: TransactionAction[] = writes.map((write) =>
        write.etag === null
          ? ['create', toRow(priorityId, team, write.value)]
          : ['update', toRow(priorityId, team, write.value), 'Replace', { etag: write.etag }],
      );
      try {
        await table.submitTransaction(actions);
      } catch (error: unknown) {
        if ([404, 409, 412].some((status) => isRestErrorWithStatus(error, status)))
          throw new ConflictError('assignments: someone else changed these roles');
        throw error;
      }
    },
  };
}

/** Actions: one row per action in the priority's partition, replaced only with the ETag read. */
export function createTableActionStore(table: TableClient): ActionStore {
  const rows = createJsonEntityTable(table, 'actions', storedActionSchema);
  return {
    list: async (team, priorityId) =>
      (await rows.list(priorityPartition(team, priorityId))).map(({ value, etag }) => ({ value, etag })),
    get: (team, priorityId, actionId) => rows.get(priorityPartition(team, priorityId), tableKey(actionId)),
    insert: (team, stored) =>
      rows.insert(priorityPartition(team, stored.action.priorityId), tableKey(stored.action.id), stored, {
        status: stored.action.status,
      }),
    replace: (team, stored, etag) =>
      rows.replace(
        priorityPartition(team, stored.action.priorityId),
        tableKey(stored.action.id),
        stored,
        etag,
        { status: stored.action.status },
      ),
  };
}
