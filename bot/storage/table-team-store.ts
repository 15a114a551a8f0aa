import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { TeamRecord, TeamStore } from '../app/installations';
import { parseEntity } from './entity-schema';
import { tableKey } from './keys';
import { isRestErrorWithStatus } from './rest-errors';

const teamEntity = z.object({
  tenantId: z.string(),
  teamId: z.string(),
  name: z.string(),
  installedAt: z.string(),
  installedBy: z.string().nullable().optional(),
});

/** Teams in Table Storage: PartitionKey = tenant, RowKey = team. */
export function createTableTeamStore(table: TableClient): TeamStore {
  const toRecord = (entity: unknown): TeamRecord => {
    const e = parseEntity(teamEntity, entity, 'teams');
    return {
      tenantId: e.tenantId,
      teamId: e.teamId,
      name: e.name,
      installedAt: e.installedAt,
      installedBy: e.installedBy ?? null,
    };
  };
  const get = async (tenantId: string, teamId: string): Promise<TeamRecord | null> => {
    try {
      return toRecord(await table.getEntity(tableKey(tenantId), tableKey(teamId)));
    } catch (error: unknown) {
      if (isRestErrorWithStatus(error, 404)) return null;
      throw error;
    }
  };
  return {
    get,
    async recordInstall(team) {
      const keys = { partitionKey: tableKey(team.tenantId), rowKey: tableKey(team.teamId) };
      try {
        await table.createEntity({ ...keys, ...team });
        return team;
      } catch (error: unknown) {
        if (!isRestErrorWithStatus(error, 409)) throw error;
      }
      // Installed before: keep who installed it first, only follow a rename.
      await table.updateEntity({ ...keys, name: team.name }, 'Merge');
      const stored = await get(team.tenantId, team.teamId);
      if (!stored) throw new Error('team vanished while recording its install');
      return stored;
    },
    async listAll(limit) {
      const teams: TeamRecord[] = [];
      for await (const entity of table.listEntities({
        queryOptions: { filter: odata`PartitionKey ne ''` },
      })) {
        teams.push(toRecord(entity));
        if (teams.length >= limit) break;
      }
      return teams;
    },
  };
}
