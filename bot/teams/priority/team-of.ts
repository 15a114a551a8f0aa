import type { TeamRef } from '../../app/team-ref';
import type { ConversationInfo } from '../conversation-info';

/**
 * The team whose priority a conversation decides: the Teams team for a channel, the chat itself for a
 * group chat. Personal chat has none (it would need the person to choose one of their teams).
 */
export function teamOf(info: ConversationInfo): TeamRef | null {
  if (info.scope === 'team' && info.teamId) return { tenantId: info.tenantId, teamId: info.teamId };
  if (info.scope === 'groupChat') return { tenantId: info.tenantId, teamId: info.conversationId };
  return null;
}

/** The answer where a team is needed and the conversation has none. */
export const needsTeamMessage =
  'This works in your team: mention me in a channel of the team (or use me in a group chat). ' +
  'Choosing a team from personal chat is not available yet.';
