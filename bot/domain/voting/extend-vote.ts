import { fail, ok, type Result } from './result';
import { isBefore, parseInstant } from './time';
import type { OpenVote, Vote } from './vote-types';

/** Moves the closing time of an open vote later, or reopens a vote that closed without quorum, keeping its ballots. */
export function extendVote(vote: Vote, newClosesAt: string, now: string): Result<OpenVote> {
  if (parseInstant(newClosesAt) === null) return fail('closesAt', 'expected an ISO date-time');
  if (!isBefore(now, newClosesAt)) return fail('closesAt', 'must be after now');
  const closesAt = new Date(Date.parse(newClosesAt)).toISOString();
  if (vote.status === 'open') {
    if (!isBefore(vote.closesAt, closesAt))
      return fail('closesAt', `must be after the current closing time ${vote.closesAt}`);
    return ok({ ...vote, closesAt });
  }
  if (vote.outcome.kind !== 'no-quorum')
    return fail('vote', 'only a vote closed without quorum can be reopened');
  return ok({
    id: vote.id,
    teamId: vote.teamId,
    title: vote.title,
    candidates: vote.candidates,
    settings: vote.settings,
    openedBy: vote.openedBy,
    openedAt: vote.openedAt,
    closesAt,
    currentPriorityDisposition: vote.currentPriorityDisposition,
    runoffOf: vote.runoffOf,
    status: 'open',
  });
}
