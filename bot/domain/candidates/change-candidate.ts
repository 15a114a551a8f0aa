import { fail, ok, type Result } from '../voting/result';
import { checkCandidateText, type CandidateTextInput } from './candidate-text';
import type { Candidate, CandidateStatus } from './candidate-types';

/** Who acts and when. */
export type ActingMember = { readonly by: string; readonly now: string };

/** Edits a candidate's text; only its proposer, only while it is open (CA-4). */
export function editCandidate(
  candidate: Candidate,
  changes: Partial<CandidateTextInput>,
  acting: ActingMember,
): Result<Candidate> {
  const allowed = checkProposerWhileOpen(candidate, acting.by, 'edit');
  if (!allowed.ok) return allowed;
  // Fields given as undefined keep their current value.
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const text = checkCandidateText({ ...candidate, ...given });
  if (!text.ok) return text;
  return ok({ ...candidate, ...text.value, updatedAt: acting.now });
}

/** Withdraws a candidate; only its proposer, only while it is open (CA-5). */
export function withdrawCandidate(candidate: Candidate, acting: ActingMember): Result<Candidate> {
  const allowed = checkProposerWhileOpen(candidate, acting.by, 'withdraw');
  if (!allowed.ok) return allowed;
  return ok({ ...candidate, status: 'withdrawn', updatedAt: acting.now });
}

/** Puts a watch-list candidate up again as an open proposal by the member who re-proposes it (CA-6). */
export function reproposeFromWatchList(candidate: Candidate, acting: ActingMember): Result<Candidate> {
  if (candidate.status !== 'watch-list')
    return fail(
      'status',
      `only a watch-list candidate can be proposed again, this one is ${candidate.status}`,
    );
  return ok({
    ...candidate,
    status: 'open',
    proposedBy: acting.by,
    proposedAt: acting.now,
    updatedAt: acting.now,
  });
}

const TRANSITIONS: Readonly<Record<CandidateStatus, readonly CandidateStatus[]>> = {
  open: ['in-vote', 'withdrawn'],
  'in-vote': ['open', 'chosen', 'watch-list'],
  chosen: [],
  'watch-list': ['open'],
  withdrawn: [],
};

/** Moves a candidate along its life cycle when a vote opens, is abandoned or is decided (CA-7). */
export function moveCandidate(candidate: Candidate, to: CandidateStatus, now: string): Result<Candidate> {
  if (!TRANSITIONS[candidate.status].includes(to)) {
    return fail('status', `a candidate that is ${candidate.status} cannot become ${to}`);
  }
  return ok({ ...candidate, status: to, updatedAt: now });
}

function checkProposerWhileOpen(candidate: Candidate, by: string, action: string): Result<true> {
  if (by !== candidate.proposedBy)
    return fail('by', `only the member who proposed it can ${action} a candidate`);
  if (candidate.status !== 'open')
    return fail('status', `a candidate can be changed only while open, this one is ${candidate.status}`);
  return ok(true);
}
