import type { Activity } from 'botbuilder';
import type { ConversationScope } from '../app/installations';

/** Where an activity comes from, in the app's terms. */
export interface ConversationInfo {
  tenantId: string;
  conversationId: string;
  scope: ConversationScope;
  teamId: string | null;
  teamName: string | null;
  channelId: string | null;
  channelName: string | null;
  user: { id: string; aadObjectId: string | null; name: string };
}

interface TeamsChannelDataShape {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

/** Reads the tenant, team, channel and user from a Teams activity; null when no tenant can be found. */
export function readConversationInfo(
  activity: Partial<Activity>,
  localTenantId: string | null,
): ConversationInfo | null {
  const channelData = (activity.channelData ?? {}) as TeamsChannelDataShape;
  const tenantId = activity.conversation?.tenantId ?? channelData.tenant?.id ?? localTenantId;
  const conversationId = activity.conversation?.id;
  if (!tenantId || !conversationId || !activity.from) return null;
  const teamId = channelData.team?.id ?? null;
  const scope: ConversationScope = teamId
    ? 'team'
    : activity.conversation?.conversationType === 'personal' || activity.conversation?.isGroup === false
      ? 'personal'
      : 'groupChat';
  return {
    tenantId,
    conversationId,
    scope,
    teamId,
    teamName: channelData.team?.name ?? null,
    channelId: channelData.channel?.id ?? (teamId ? (conversationId.split(';')[0] ?? null) : null),
    channelName: channelData.channel?.name ?? null,
    user: {
      id: activity.from.id,
      aadObjectId: activity.from.aadObjectId ?? null,
      name: activity.from.name ?? 'Someone',
    },
  };
}
