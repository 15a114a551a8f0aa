import type { TeamRef } from '../../app/team-ref';
import type { VoteService } from '../../app/vote-service';
import type { Logger } from '../../support/logger';
import { ballotClosedCard, ballotSharedCard } from '../cards/ballot-card';
import type { CoalescingSender } from '../outbound/coalescing-sender';
import { updateCardInTurn, type ProactiveSender } from '../outbound/proactive';
import { membersOrNone, type RosterCache } from '../team-roster';
import { ballotCardView } from './ballot-views';
import { consentSharedCard } from '../cards/consent-card';
import { consentCardView } from './consent-handlers';

/** Keeps each vote's shared ballot card current for everyone, through the coalescing, rate-limited sender. */
export interface BallotCardPublisher {
  refresh(team: TeamRef, voteId: string): void;
  refreshConsent(team: TeamRef, voteId: string): void;
}

export function createBallotCardPublisher(deps: {
  votes: VoteService;
  sender: CoalescingSender;
  proactive: ProactiveSender;
  rosters: RosterCache;
  logger: Logger;
}): BallotCardPublisher {
  return {
    refreshConsent(team, voteId) {
      deps.sender.request(`${team.tenantId}|${team.teamId}`, `consent|${voteId}`, async () => {
        const snapshot = await deps.votes.consentSnapshot(team, voteId);
        const card = snapshot?.stored.consent.card;
        if (!snapshot || !card) return;
        await deps.proactive.run(card.reference, async (context) => {
          const roster = await membersOrNone(deps.rosters, context, team, (error) =>
            deps.logger.warn('roster unavailable for a consent card update', { error }),
          );
          await updateCardInTurn(
            context,
            card.activityId,
            consentSharedCard(consentCardView(snapshot, roster)),
          );
        });
      });
    },
    refresh(team, voteId) {
      deps.sender.request(`${team.tenantId}|${team.teamId}`, `ballot|${voteId}`, async () => {
        // Rendered when sent, not when asked, so the last update always shows the latest state.
        const snapshot = await deps.votes.snapshot(team, voteId);
        const card = snapshot?.stored.card;
        if (!snapshot || !card) return;
        await deps.proactive.run(card.reference, async (context) => {
          const roster = await membersOrNone(deps.rosters, context, team, (error) =>
            deps.logger.warn('roster unavailable for a card update', { error }),
          );
          const view = ballotCardView(snapshot, roster);
          const rendered =
            snapshot.stored.vote.status === 'closed' ? ballotClosedCard(view) : ballotSharedCard(view);
          await updateCardInTurn(context, card.activityId, rendered);
        });
      });
    },
  };
}
