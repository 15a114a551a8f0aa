import type { ConversationStore } from '../../app/installations';
import type { OwnershipService } from '../../app/ownership-service';
import type { StoredAction, StoredAssignment } from '../../app/ownership-stores';
import type { BallotCardRef } from '../../app/priority-stores';
import type { TeamRef } from '../../app/team-ref';
import type { Assignment } from '../../domain/ownership';
import type { Logger } from '../../support/logger';
import { actionCard, assignmentCard, type NameOf, type PriorityRef } from '../cards/ownership-cards';
import type { CoalescingSender } from '../outbound/coalescing-sender';
import type { ProactiveSender } from '../outbound/proactive';

/** Ownership cards outside the member's own turn: personal-chat asks, tab-made actions, updates for everyone. */
export interface OwnershipPublisher {
  /** Sends the assignment card to the assignee's personal chat when the bot has one with them; never throws. */
  askInPersonalChat(
    team: TeamRef,
    priority: PriorityRef,
    assignment: Assignment,
    nameOf: NameOf,
  ): Promise<void>;
  /** Posts an assignment card in the team's channel (an assignment made from the tab). */
  postAssignment(team: TeamRef, priority: PriorityRef, assignment: Assignment, nameOf: NameOf): Promise<void>;
  /** Posts an action card in the team's channel (an action added from the tab) and remembers where. */
  postAction(team: TeamRef, priority: PriorityRef, stored: StoredAction, nameOf: NameOf): Promise<void>;
  /** Updates the posted cards of an assignment for everyone, except the one just answered in place. */
  refreshAssignment(
    team: TeamRef,
    priority: PriorityRef,
    stored: StoredAssignment,
    nameOf: NameOf,
    except: string | null,
  ): void;
  /** Updates the posted card of an action for everyone, except the one just answered in place. */
  refreshAction(
    team: TeamRef,
    priority: PriorityRef,
    stored: StoredAction,
    nameOf: NameOf,
    except: string | null,
  ): void;
}

export function createOwnershipPublisher(deps: {
  conversations: ConversationStore;
  proactive: ProactiveSender;
  sender: CoalescingSender;
  ownership: OwnershipService;
  logger: Logger;
}): OwnershipPublisher {
  const { proactive, sender, logger } = deps;

  const channelOf = async (team: TeamRef) => {
    const installations = await deps.conversations.listForTeam(team.tenantId, team.teamId);
    return (
      installations.find((each) => each.conversationId === team.teamId) ??
      installations.find((each) => each.scope === 'team') ??
      null
    );
  };

  const post = async (team: TeamRef, card: ReturnType<typeof actionCard>): Promise<BallotCardRef | null> => {
    const channel = await channelOf(team);
    if (!channel) {
      logger.warn('no channel to post the ownership card to', { teamId: team.teamId });
      return null;
    }
    const activityId = await proactive.postCard(channel.reference, card);
    return activityId
      ? { conversationId: channel.conversationId, activityId, reference: channel.reference }
      : null;
  };

  const bestEffort = async (what: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error: unknown) {
      // The change itself is stored; a card Teams did not take is logged, not undone.
      logger.warn(`${what} failed; the change itself is stored`, { error });
    }
  };

  return {
    askInPersonalChat: (team, priority, assignment, nameOf) =>
      bestEffort('asking in personal chat', async () => {
        const chat = await deps.conversations.personalWith(team.tenantId, assignment.memberId);
        if (!chat) return;
        const card = assignmentCard({ teamId: team.teamId, priority, assignment, nameOf });
        const activityId = await proactive.postCard(chat.reference, card);
        if (activityId)
          await deps.ownership.attachAssignmentCard(
            team,
            { priorityId: priority.id, memberId: assignment.memberId },
            { conversationId: chat.conversationId, activityId, reference: chat.reference },
          );
      }),

    postAssignment: (team, priority, assignment, nameOf) =>
      bestEffort('posting the assignment card', async () => {
        const card = assignmentCard({ teamId: team.teamId, priority, assignment, nameOf }, { mention: true });
        const posted = await post(team, card);
        if (posted)
          await deps.ownership.attachAssignmentCard(
            team,
            { priorityId: priority.id, memberId: assignment.memberId },
            posted,
          );
      }),

    postAction: (team, priority, stored, nameOf) =>
      bestEffort('posting the action card', async () => {
        const posted = await post(
          team,
          actionCard({ teamId: team.teamId, priority, action: stored.action, nameOf }),
        );
        if (posted) await deps.ownership.attachActionCard(team, stored.action, posted);
      }),

    refreshAssignment(team, priority, stored, nameOf, except) {
      for (const card of stored.cards) {
        if (card.activityId === except) continue;
        sender.request(
          card.conversationId,
          `assignment|${priority.id}|${stored.assignment.memberId}|${card.activityId}`,
          () =>
            proactive.updateCard(
              card.reference,
              card.activityId,
              assignmentCard({ teamId: team.teamId, priority, assignment: stored.assignment, nameOf }),
            ),
        );
      }
    },

    refreshAction(team, priority, stored, nameOf, except) {
      const card = stored.card;
      if (!card || card.activityId === except) return;
      sender.request(card.conversationId, `action|${stored.action.id}`, () =>
        proactive.updateCard(
          card.reference,
          card.activityId,
          actionCard({ teamId: team.teamId, priority, action: stored.action, nameOf }),
        ),
      );
    },
  };
}
