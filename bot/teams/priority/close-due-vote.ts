import type { DueJob } from '../../app/job-store';
import type { VoteService } from '../../app/vote-service';
import type { Logger } from '../../support/logger';
import { closeCardFor } from './close-card-for';
import type { ProactiveSender } from '../outbound/proactive';
import { membersOrNone, type RosterCache } from '../team-roster';
import type { BallotCardPublisher } from './ballot-card-publisher';

/**
 * The scheduler's close of a vote at its closing time: ballots stop, the tally is taken, the shared card
 * shows it, and the facilitator is asked (in the vote's thread) for the rationale. Safe to run twice:
 * a vote already closed, or whose closing time moved, is left alone.
 */
export function createCloseDueVote(deps: {
  votes: VoteService;
  proactive: ProactiveSender;
  rosters: RosterCache;
  publisher: BallotCardPublisher;
  logger: Logger;
}) {
  return async (job: DueJob): Promise<void> => {
    const team = { tenantId: job.tenantId, teamId: job.teamId };
    const snapshot = await deps.votes.snapshot(team, job.subjectId);
    const card = snapshot?.stored.card;
    if (!snapshot || !card) return;
    await deps.proactive.run(card.reference, async (context) => {
      const roster = await membersOrNone(deps.rosters, context, team, (error) =>
        deps.logger.warn('roster unavailable at a scheduled close; turnout counts voters only', { error }),
      );
      const teamSize = Math.max(roster.length, snapshot.ballots.size, 1);
      if (!deps.votes.isDue(snapshot, teamSize)) return;
      const closed = await deps.votes.close(team, job.subjectId, 'system', teamSize);
      if (!closed.ok) return;
      deps.publisher.refresh(team, job.subjectId);
      await deps.proactive.postCard(card.reference, closeCardFor({ ...snapshot.stored, vote: closed.value }));
    });
  };
}
