import type { ConversationStore, TeamStore } from '../app/installations';
import type { TeamRef } from '../app/team-ref';
import type { Logger } from '../support/logger';
import type { AdaptiveCard } from './cards/adaptive-card';
import type { ProactiveSender } from './outbound/proactive';

/**
 * Posts a card to a team's channel from outside a turn (a tab action), through the stored conversation
 * reference and the retrying sender. Decisions also go to the team's announcements channel when it set one.
 * What is posted is already stored, so a failed post is logged rather than undone.
 */
export function createChannelPoster(deps: {
  conversations: ConversationStore;
  teams: TeamStore;
  proactive: ProactiveSender;
  logger: Logger;
}) {
  return async (team: TeamRef, card: AdaptiveCard, options: { decision: boolean }): Promise<void> => {
    const installations = await deps.conversations.listForTeam(team.tenantId, team.teamId);
    const channel =
      installations.find((each) => each.conversationId === team.teamId) ??
      installations.find((each) => each.scope === 'team');
    if (!channel) {
      deps.logger.warn('no channel to post to', { teamId: team.teamId });
      return;
    }
    try {
      await deps.proactive.postCard(channel.reference, card);
      if (!options.decision) return;
      const announcements =
        (await deps.teams.get(team.tenantId, team.teamId))?.announcementsChannelId ?? null;
      if (announcements && announcements !== channel.channelId)
        await deps.proactive.postToChannel(channel.reference, announcements, card);
    } catch (error: unknown) {
      deps.logger.warn('posting to the channel failed; the change itself is stored', { error });
    }
  };
}
