import type { BallotChoice, BallotInput } from './ballot-types';
import { fail, ok, type Result } from './result';
import type { Vote } from './vote-types';

/** Longest concern a ballot may carry (B-4). */
export const MAX_CONCERN_LENGTH = 1000;

/** Highest score a candidate can get on a score ballot (SC-1). */
export const MAX_SCORE = 5;

/** A ballot checked against the vote, normalised: concern trimmed (or null), scores filled with 0. */
export type ValidBallot = BallotChoice & { readonly memberId: string; readonly concern: string | null };

/** Checks a ballot against the vote's method and candidates (B-1, B-4, RC-1, DOT-1..3, APP-1, SC-1, SC-2). */
export function validateBallot(
  vote: Pick<Vote, 'settings' | 'candidates'>,
  ballot: BallotInput,
): Result<ValidBallot> {
  if (typeof ballot.memberId !== 'string' || ballot.memberId.trim() === '') {
    return fail('memberId', 'expected the member who votes');
  }
  if (ballot.method !== vote.settings.method) {
    return fail('method', `this vote uses ${vote.settings.method}, not ${String(ballot.method)}`);
  }
  const concern = ballot.concern?.trim() ?? '';
  if (concern.length > MAX_CONCERN_LENGTH) {
    return fail('concern', `expected at most ${MAX_CONCERN_LENGTH} characters`);
  }
  const choice = validateChoice(vote, ballot);
  if (!choice.ok) return choice;
  return ok({ ...choice.value, memberId: ballot.memberId, concern: concern === '' ? null : concern });
}

function validateChoice(
  vote: Pick<Vote, 'settings' | 'candidates'>,
  ballot: BallotChoice,
): Result<BallotChoice> {
  const ids = new Set(vote.candidates.map((c) => c.id));
  switch (ballot.method) {
    case 'ranked-choice': {
      const checked = checkIdList('ranking', ballot.ranking, ids, 'rank at least one candidate');
      return checked.ok ? ok({ method: 'ranked-choice', ranking: checked.value }) : checked;
    }
    case 'approval': {
      const checked = checkIdList('approved', ballot.approved, ids, 'approve at least one candidate');
      return checked.ok ? ok({ method: 'approval', approved: checked.value }) : checked;
    }
    case 'dot': {
      const { dotsPerMember, maxDotsPerCandidate } = vote.settings;
      const entries = Object.entries(ballot.dots);
      let total = 0;
      for (const [id, dots] of entries) {
        if (!ids.has(id)) return fail('dots', `"${id}" is not a candidate of this vote`);
        if (!Number.isInteger(dots) || dots < 0)
          return fail('dots', `"${id}" needs a whole number of dots, 0 or more`);
        if (dots > maxDotsPerCandidate) {
          return fail('dots', `at most ${maxDotsPerCandidate} dots on one candidate ("${id}" has ${dots})`);
        }
        total += dots;
      }
      if (total > dotsPerMember)
        return fail('dots', `at most ${dotsPerMember} dots in all (${total} placed)`);
      if (total < 1) return fail('dots', 'place at least one dot');
      return ok({ method: 'dot', dots: Object.fromEntries(entries.filter(([, dots]) => dots > 0)) });
    }
    case 'score': {
      for (const [id, score] of Object.entries(ballot.scores)) {
        if (!ids.has(id)) return fail('scores', `"${id}" is not a candidate of this vote`);
        if (!Number.isInteger(score) || score < 0 || score > MAX_SCORE) {
          return fail('scores', `"${id}" needs a whole number from 0 to ${MAX_SCORE}`);
        }
      }
      const scores = Object.fromEntries(
        vote.candidates.map((c) => [
          c.id,
          Object.hasOwn(ballot.scores, c.id) ? (ballot.scores[c.id] ?? 0) : 0,
        ]),
      );
      return ok({ method: 'score', scores });
    }
    default:
      return fail('method', 'expected one of ranked-choice, dot, approval, score');
  }
}

function checkIdList(
  field: string,
  list: readonly string[],
  ids: ReadonlySet<string>,
  emptyMessage: string,
): Result<readonly string[]> {
  if (list.length < 1) return fail(field, emptyMessage);
  const seen = new Set<string>();
  for (const id of list) {
    if (!ids.has(id)) return fail(field, `"${id}" is not a candidate of this vote`);
    if (seen.has(id)) return fail(field, `"${id}" is listed more than once`);
    seen.add(id);
  }
  return ok([...list]);
}
