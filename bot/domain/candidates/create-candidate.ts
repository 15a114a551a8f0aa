import { fail, ok, type Result } from '../voting/result';
import { checkCandidateText, type CandidateTextInput } from './candidate-text';
import type { Candidate } from './candidate-types';

/** Everything needed to propose a candidate. */
export type CreateCandidateInput = CandidateTextInput & {
  readonly id: string;
  readonly teamId: string;
  readonly proposedBy: string;
  readonly proposedAt: string;
};

/** Proposes a candidate priority; it starts open (CA-1..CA-3). */
export function createCandidate(input: CreateCandidateInput): Result<Candidate> {
  if (Number.isNaN(Date.parse(input.proposedAt))) return fail('proposedAt', 'expected an ISO date-time');
  if (input.proposedBy.trim() === '') return fail('proposedBy', 'expected the member who proposes');
  const text = checkCandidateText(input);
  if (!text.ok) return text;
  return ok({
    id: input.id,
    teamId: input.teamId,
    ...text.value,
    proposedBy: input.proposedBy,
    proposedAt: input.proposedAt,
    status: 'open',
    updatedAt: input.proposedAt,
  });
}
