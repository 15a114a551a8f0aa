import { fail, ok, type Result } from './result';
import { parseInstant } from './time';
import type { ClosedVote } from './vote-types';

/** A member's answer in a consent round. */
export type ConsentAnswer = 'consent' | 'stand-aside' | 'object';

/** A consent-round response as a member gives it; an objection needs a reason (C-2). */
export type ConsentResponseInput = {
  readonly memberId: string;
  readonly answer: ConsentAnswer;
  readonly reason?: string;
};

/** An accepted consent-round response. */
export type ConsentResponse = {
  readonly memberId: string;
  readonly answer: ConsentAnswer;
  readonly reason: string | null;
  readonly respondedAt: string;
};

/** The responses that count: the latest per member, keyed by member id. */
export type ConsentResponses = ReadonlyMap<string, ConsentResponse>;

/** A consent round on adopting one candidate of a closed vote, possibly amended. */
export type ConsentRound = {
  readonly id: string;
  readonly voteId: string;
  readonly candidateId: string;
  /** The facilitator's amendment to the candidate, when the round is re-run after objections (C-5). */
  readonly amendment: string | null;
  readonly openedAt: string;
};

/** What a consent round concluded: adopted when nobody objects, otherwise the objections with reasons (C-3, C-4). */
export type ConsentOutcome =
  | {
      readonly kind: 'adopted';
      readonly roundId: string;
      readonly voteId: string;
      readonly candidateId: string;
      readonly amendment: string | null;
      readonly consents: number;
      readonly standAsides: number;
    }
  | {
      readonly kind: 'objected';
      readonly roundId: string;
      readonly voteId: string;
      readonly candidateId: string;
      readonly amendment: string | null;
      readonly objections: readonly { readonly memberId: string; readonly reason: string }[];
    };

/** Everything needed to open a consent round. */
export type OpenConsentRoundInput = {
  readonly id: string;
  readonly vote: ClosedVote;
  /** Defaults to the winner; the runner-up may be put to consent instead (C-6). */
  readonly candidateId?: string;
  readonly amendment?: string;
  readonly now: string;
};

/** Opens a consent round on the winner (or the runner-up) of a decided vote (C-1, C-5, C-6). */
export function openConsentRound(input: OpenConsentRoundInput): Result<ConsentRound> {
  const { vote } = input;
  if (vote.outcome.kind !== 'decided') return fail('vote', 'a consent round needs a vote with a winner');
  if (parseInstant(input.now) === null) return fail('now', 'expected an ISO date-time');
  const winnerId = vote.outcome.winnerId;
  const runnerUp = vote.tally?.runnerUp ?? null;
  const candidateId = input.candidateId ?? winnerId;
  if (candidateId !== winnerId && candidateId !== runnerUp) {
    return fail('candidateId', `"${candidateId}" is neither the winner nor the runner-up`);
  }
  const amendment = input.amendment?.trim() ?? '';
  if (amendment.length > 1000) return fail('amendment', 'expected at most 1000 characters');
  return ok({
    id: input.id,
    voteId: vote.id,
    candidateId,
    amendment: amendment === '' ? null : amendment,
    openedAt: input.now,
  });
}

/** Records a member's consent response; the latest per member counts (C-2). */
export function respondToConsent(
  responses: ConsentResponses,
  response: ConsentResponseInput,
  now: string,
): Result<ConsentResponses> {
  if (typeof response.memberId !== 'string' || response.memberId.trim() === '') {
    return fail('memberId', 'expected the member who responds');
  }
  if (!['consent', 'stand-aside', 'object'].includes(response.answer)) {
    return fail('answer', 'expected one of consent, stand-aside, object');
  }
  const reason = response.reason?.trim() ?? '';
  if (reason.length > 1000) return fail('reason', 'expected at most 1000 characters');
  if (response.answer === 'object' && reason === '') return fail('reason', 'an objection needs a reason');
  const next = new Map(responses);
  next.set(response.memberId, {
    memberId: response.memberId,
    answer: response.answer,
    reason: reason === '' ? null : reason,
    respondedAt: now,
  });
  return ok(next);
}

/** Concludes a consent round: adopted only if nobody objects (C-3, C-4). */
export function evaluateConsent(round: ConsentRound, responses: ConsentResponses): ConsentOutcome {
  const all = [...responses.values()];
  const objections = all
    .filter((r) => r.answer === 'object')
    .map((r) => ({ memberId: r.memberId, reason: r.reason ?? '' }));
  const base = {
    roundId: round.id,
    voteId: round.voteId,
    candidateId: round.candidateId,
    amendment: round.amendment,
  };
  if (objections.length > 0) return { kind: 'objected', ...base, objections };
  return {
    kind: 'adopted',
    ...base,
    consents: all.filter((r) => r.answer === 'consent').length,
    standAsides: all.filter((r) => r.answer === 'stand-aside').length,
  };
}
