import type { Ballot, BallotInput, CurrentBallots } from './ballot-types';
import { fail, ok, type Result } from './result';
import { isBefore, parseInstant } from './time';
import { validateBallot } from './validate-ballot';
import type { Vote } from './vote-types';

/** Accepts a ballot on an open vote before it closes; returns the new current ballots, the member's latest replacing any earlier one (B-2, B-3). */
export function castBallot(
  vote: Vote,
  ballots: CurrentBallots,
  ballot: BallotInput,
  now: string,
): Result<CurrentBallots> {
  if (vote.status !== 'open') return fail('vote', 'this vote is closed');
  if (parseInstant(now) === null) return fail('now', 'expected an ISO date-time');
  if (!isBefore(now, vote.closesAt)) return fail('vote', `voting closed at ${vote.closesAt}`);
  const valid = validateBallot(vote, ballot);
  if (!valid.ok) return valid;
  const accepted: Ballot = { ...valid.value, voteId: vote.id, castAt: now };
  const next = new Map(ballots);
  next.set(accepted.memberId, accepted);
  return ok(next);
}

/** Rebuilds the current ballots from a ballot history: the latest `castAt` per member wins, later in the list on equal times (B-5). */
export function currentBallotsFrom(history: readonly Ballot[]): CurrentBallots {
  const current = new Map<string, Ballot>();
  for (const ballot of history) {
    const previous = current.get(ballot.memberId);
    if (!previous || Date.parse(ballot.castAt) >= Date.parse(previous.castAt))
      current.set(ballot.memberId, ballot);
  }
  return current;
}
