import type { ConversationStore } from '../../app/installations';
import type { TeamRef } from '../../app/team-ref';
import type { BoardActor } from '../../domain/boards';
import type { Candidate } from '../../domain/candidates';
import type { Logger } from '../../support/logger';
import { candidateCard } from '../cards/candidate-card';
import type { ProactiveSender } from '../outbound/proactive';

/**
 * Posts a candidate proposed outside the channel (promoted from a board) to the team's channel, as
 * `propose` would have. The candidate is already stored, so a failed post is logged, not undone.
 */
export function createCandidatePoster(deps: {
  conversations: ConversationStore;
  proactive: ProactiveSender;
  logger: Logger;
}) {
  return async (team: TeamRef, candidate: Candidate, actor: BoardActor): Promise<void> => {
    const installations = await deps.conversations.listForTeam(team.tenantId, team.teamId);
    const channel =
      installations.find((each) => each.conversationId === team.teamId) ??
      installations.find((each) => each.scope === 'team');
    if (!channel) {
      deps.logger.warn('no channel to post a promoted candidate to', { teamId: team.teamId });
      return;
    }
    try {
      await deps.proactive.postCard(
        channel.reference,
        candidateCard(candidate, {
          canChange: true,
          notice: `Proposed by ${actor.name} from the SWOT board`,
        }),
      );
    } catch (error: unknown) {
      deps.logger.warn('posting a promoted candidate failed; it is stored and listed by `candidates`', {
        error,
      });
    }
  };
}
