import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { ConversationStore, Installation } from '../app/installations';
import { parseEntity } from './entity-schema';
import { tableKey } from './keys';
import { isRestErrorWithStatus } from './rest-errors';

const conversationEntity = z.object({
  tenantId: z.string(),
  conversationId: z.string(),
  scope: z.enum(['team', 'groupChat', 'personal']),
  teamId: z.string().nullable().optional(),
  channelId: z.string().nullable().optional(),
  channelName: z.string().nullable().optional(),
  serviceUrl: z.string(),
  reference: z.string(),
  updatedAt: z.string(),
});

const referenceJson = z.record(z.unknown());

/** Conversation references in Table Storage: PartitionKey = tenant, RowKey = conversation. */
export function createTableConversationStore(table: TableClient): ConversationStore {
  const toInstallation = (entity: unknown): Installation => {
    const e = parseEntity(conversationEntity, entity, 'conversations');
    return {
      tenantId: e.tenantId,
      conversationId: e.conversationId,
      scope: e.scope,
      teamId: e.teamId ?? null,
      channelId: e.channelId ?? null,
      channelName: e.channelName ?? null,
      serviceUrl: e.serviceUrl,
      reference: parseEntity(referenceJson, JSON.parse(e.reference), 'conversations.reference'),
      updatedAt: e.updatedAt,
    };
  };
  return {
    async save(installation) {
      await table.upsertEntity(
        {
          partitionKey: tableKey(installation.tenantId),
          rowKey: tableKey(installation.conversationId),
          ...installation,
          reference: JSON.stringify(installation.reference),
          // Personal chats are found by their member (ownership cards go to the person asked).
          ...(installation.scope === 'personal' ? { userId: userIdOf(installation.reference) } : {}),
        },
        'Replace',
      );
    },
    async get(tenantId, conversationId) {
      try {
        return toInstallation(await table.getEntity(tableKey(tenantId), tableKey(conversationId)));
      } catch (error: unknown) {
        if (isRestErrorWithStatus(error, 404)) return null;
        throw error;
      }
    },
    async listForTeam(tenantId, teamId) {
      const found: Installation[] = [];
      const filter = odata`PartitionKey eq ${tableKey(tenantId)} and teamId eq ${teamId}`;
      for await (const entity of table.listEntities({ queryOptions: { filter } }))
        found.push(toInstallation(entity));
      return found;
    },
    async personalWith(tenantId, userId) {
      const filter = odata`PartitionKey eq ${tableKey(tenantId)} and scope eq ${'personal'} and userId eq ${userId}`;
      for await (const entity of table.listEntities({ queryOptions: { filter } }))
        return toInstallation(entity);
      return null;
    },
  };
}

const referenceUser = z.object({ user: z.object({ id: z.string() }).passthrough() }).passthrough();

/** The member a personal chat's reference is with, or '' when the reference does not say. */
function userIdOf(reference: Record<string, unknown>): string {
  const parsed = referenceUser.safeParse(reference);
  return parsed.success ? parsed.data.user.id : '';
}
