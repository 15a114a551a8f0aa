import type { PriorityClosedDecision } from '../ownership/complete-priority';
import type { ReleaseDecision } from '../ownership/release-list';
import type { Decision } from './decision-types';

/** Anything the decision log holds: a priority chosen by vote, a priority completed or retired, a release (L-8). */
export type LoggedDecision = Decision | PriorityClosedDecision | ReleaseDecision;

/** True for a decision taken by vote (it has a tally to verify); rows written before kinds existed are votes. */
export function isVoteDecision(decision: LoggedDecision): decision is Decision {
  return (
    decision.kind !== 'priority-completed' &&
    decision.kind !== 'priority-retired' &&
    decision.kind !== 'release-decided'
  );
}

/** True for the entry that ends a priority. */
export function isPriorityClosedDecision(decision: LoggedDecision): decision is PriorityClosedDecision {
  return decision.kind === 'priority-completed' || decision.kind === 'priority-retired';
}

/** True for a release decided by consent. */
export function isReleaseDecision(decision: LoggedDecision): decision is ReleaseDecision {
  return decision.kind === 'release-decided';
}
