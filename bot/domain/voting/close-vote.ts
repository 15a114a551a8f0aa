import type { Ballot, CurrentBallots } from './ballot-types';
import { quorumNeeded } from './quorum';
import { fail, ok, type Result } from './result';
import { tallyVote } from './tally-vote';
import { parseInstant } from './time';
import type { ClosedVote, Concern, Vote, VoteOutcome } from './vote-types';

/** Who closes the vote, when, and how many members could have voted. */
export type CloseVoteOptions = { readonly now: string; readonly teamSize: number; readonly closedBy: string };

/** Closes an open vote: no-quorum, decided or tied, with the tally, turnout and concerns (V-4, V-5, Q-1..Q-3, T-4). */
export function closeVote(
  vote: Vote,
  ballots: CurrentBallots,
  options: CloseVoteOptions,
): Result<ClosedVote> {
  if (vote.status !== 'open') return fail('vote', 'this vote is already closed');
  if (parseInstant(options.now) === null) return fail('now', 'expected an ISO date-time');
  if (!Number.isInteger(options.teamSize) || options.teamSize < 1) {
    return fail('teamSize', 'expected a whole number of members, at least 1');
  }
  const voted = ballots.size;
  const needed = quorumNeeded(vote.settings.quorum, options.teamSize);
  const closed = {
    ...vote,
    status: 'closed' as const,
    closedAt: options.now,
    closedBy: options.closedBy,
    turnout: { voted, teamSize: options.teamSize },
    concerns: concernsOf(ballots, vote.settings.anonymous),
  };
  if (voted < needed) return ok({ ...closed, outcome: { kind: 'no-quorum', needed }, tally: null });

  const tally = tallyVote(vote, ballots);
  const outcome: VoteOutcome =
    tally.outcome.kind === 'winner'
      ? { kind: 'decided', winnerId: tally.outcome.candidateId, tieResolution: null }
      : { kind: 'tied', candidateIds: tally.outcome.candidateIds };
  return ok({ ...closed, outcome, tally });
}

// Ordered by time cast, then member, so the list is the same however the map was built.
function concernsOf(ballots: CurrentBallots, anonymous: boolean): Concern[] {
  const withConcern = [...ballots.values()].filter(
    (b): b is Ballot & { concern: string } => b.concern !== null && b.concern !== '',
  );
  withConcern.sort(
    (a, b) =>
      Date.parse(a.castAt) - Date.parse(b.castAt) ||
      (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0),
  );
  return withConcern.map((b, index) => ({
    id: `concern-${index + 1}`,
    text: b.concern,
    memberId: anonymous ? null : b.memberId,
  }));
}
