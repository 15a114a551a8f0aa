import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { ReleaseStore, StoredRelease } from '../app/release-stores';
import type { TeamRef } from '../app/team-ref';
import type { ReleaseItem } from '../domain/ownership';
import { createJsonEntityTable } from './json-entities';
import { tableKey } from './keys';

const releaseItemSchema: z.ZodType<ReleaseItem> = z.object({
  id: z.string().min(1),
  teamId: z.string(),
  text: z.string().min(1).max(300),
  proposedBy: z.string(),
  proposedAt: z.string(),
  status: z.enum(['proposed', 'decided', 'withdrawn']),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  consent: z.object({ consents: z.number().int().min(0), standAsides: z.number().int().min(0) }).nullable(),
});

const cardRef = z.object({
  conversationId: z.string(),
  activityId: z.string(),
  reference: z.record(z.unknown()),
});

export const storedReleaseSchema: z.ZodType<StoredRelease, z.ZodTypeDef, unknown> = z.object({
  item: releaseItemSchema,
  priority: z.object({ id: z.string(), title: z.string() }),
  card: cardRef.nullable(),
  decisionId: z.string().nullable(),
  objections: z.array(z.object({ memberId: z.string(), reason: z.string() })).max(200),
});

const teamPartition = (team: TeamRef) => tableKey(team.tenantId, team.teamId);

/** Release-list items: one partition per team, so the list is one query; `status` is a plain column. */
export function createTableReleaseStore(table: TableClient): ReleaseStore {
  const rows = createJsonEntityTable(table, 'releases', storedReleaseSchema);
  return {
    list: async (team) => (await rows.list(teamPartition(team))).map(({ value, etag }) => ({ value, etag })),
    get: (team, releaseId) => rows.get(teamPartition(team), tableKey(releaseId)),
    insert: (team, stored) =>
      rows.insert(teamPartition(team), tableKey(stored.item.id), stored, { status: stored.item.status }),
    replace: (team, stored, etag) =>
      rows.replace(teamPartition(team), tableKey(stored.item.id), stored, etag, {
        status: stored.item.status,
      }),
  };
}
