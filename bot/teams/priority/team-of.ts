import type { PreferenceStore } from '../../app/preference-store';
import type { TeamRef } from '../../app/team-ref';
import type { BotTurn } from '../bot-turn';
import type { ConversationInfo } from '../conversation-info';
import { isOnRoster } from '../team-roster';

/**
 * The team whose priority a conversation decides: the Teams team for a channel, the chat itself for a
 * group chat. Personal chat has none of its own: the person chooses one of their teams with `team`.
 */
export function teamOf(info: ConversationInfo): TeamRef | null {
  if (info.scope === 'team' && info.teamId) return { tenantId: info.tenantId, teamId: info.teamId };
  if (info.scope === 'groupChat') return { tenantId: info.tenantId, teamId: info.conversationId };
  return null;
}

/** The answer in personal chat before a team is chosen. */
export const needsTeamMessage =
  'Which team? In personal chat, first choose one of your teams: type team. In a channel, mention me instead.';

export type TeamResolver = (turn: BotTurn) => Promise<TeamRef | null>;

/** Resolves the team of a turn, using the person's chosen team in personal chat (if they still belong to it). */
export function createTeamResolver(preferences: PreferenceStore): TeamResolver {
  return async (turn) => {
    const own = teamOf(turn.info);
    if (own || turn.info.scope !== 'personal') return own;
    const chosen = await preferences.chosenTeam(turn.info.tenantId, turn.info.user.id);
    if (!chosen) return null;
    // Someone who left the team loses it here too.
    const members = await turn.rosterOfTeam(chosen).catch(() => []);
    return isOnRoster(members, turn.info.user) ? { tenantId: turn.info.tenantId, teamId: chosen } : null;
  };
}
