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
  announcementsChannelId: z.string().nullable().optional(),
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
      announcementsChannelId: e.announcementsChannelId || null,
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
    async recordInstall(install) {
      const keys = { partitionKey: tableKey(install.tenantId), rowKey: tableKey(install.teamId) };
      const team = { ...install, name: install.name ?? 'Your team', announcementsChannelId: null };
      try {
        await table.createEntity({ ...keys, ...team, announcementsChannelId: '' });
        return team;
      } catch (error: unknown) {
        if (!isRestErrorWithStatus(error, 409)) throw error;
      }
      // Installed before: keep who installed it first; follow a rename only when the activity names the team.
      if (install.name !== null) await table.updateEntity({ ...keys, name: install.name }, 'Merge');
      const stored = await get(team.tenantId, team.teamId);
      if (!stored) throw new Error('team vanished while recording its install');
      return stored;
    },
    async setAnnouncementsChannel(tenantId, teamId, channelId) {
      await table.updateEntity(
        {
          partitionKey: tableKey(tenantId),
          rowKey: tableKey(teamId),
          announcementsChannelId: channelId ?? '',
        },
        'Merge',
      );
    },
    async listInTenant(tenantId, limit) {
      const teams: TeamRecord[] = [];
      const filter = odata`PartitionKey eq ${tableKey(tenantId)}`;
      for await (const entity of table.listEntities({ queryOptions: { filter } })) {
        teams.push(toRecord(entity));
        if (teams.length >= limit) break;
      }
      return teams;
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
