import { fail, ok, type Result } from './result';
import type { ClosedVote } from './vote-types';

/** Records the facilitator's stated choice among the candidates tied for the win; the vote becomes decided (T-6). */
export function resolveTieByFacilitator(
  vote: ClosedVote,
  chosenId: string,
  reason: string,
): Result<ClosedVote> {
  if (vote.outcome.kind !== 'tied')
    return fail('vote', 'only a tied vote can be resolved by the facilitator');
  const tiedCandidateIds = vote.outcome.candidateIds;
  if (!tiedCandidateIds.includes(chosenId)) return fail('chosenId', `"${chosenId}" is not tied for the win`);
  const stated = reason.trim();
  if (stated.length < 1 || stated.length > 1000)
    return fail('reason', 'state the tie-break in 1 to 1000 characters');
  return ok({
    ...vote,
    outcome: {
      kind: 'decided',
      winnerId: chosenId,
      tieResolution: { tiedCandidateIds, chosenId, reason: stated },
    },
  });
}
