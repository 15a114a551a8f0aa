import type { Priority } from '../decisions/decision-types';
import { parseInstant } from '../voting/time';
import { fail, ok, type Result } from '../voting/result';
import { hasAnyRole, type Actor } from './actor';
import { requireActivePriority } from './priority-guard';
import { checkId, checkText } from './text';

/** How a priority ends without a vote: its goal met, or set aside on purpose (PC-1). */
export type PriorityOutcome = 'completed' | 'retired';

/**
 * The decision-log entry for ending a priority. It is not a `Decision` (that type records a vote);
 * it shares the log header — id, teamId, kind, title, decidedAt, decidedBy, supersedes (PC-4).
 */
export type PriorityClosedDecision = {
  readonly id: string;
  readonly teamId: string;
  readonly kind: 'priority-completed' | 'priority-retired';
  readonly title: string;
  readonly priorityId: string;
  /** What the team achieved. */
  readonly outcomes: string;
  /** What the team learned, failures included. */
  readonly learned: string;
  readonly decidedAt: string;
  readonly decidedBy: string;
  /** Ending a priority supersedes no decision (the decisions domain's D-7). */
  readonly supersedes: null;
};

/** The facts of the ending. */
export type CompletePriorityInput = {
  readonly decisionId: string;
  readonly outcome: PriorityOutcome;
  readonly outcomes: string;
  readonly learned: string;
};

/** The ended priority and the decision recording it. */
export type PriorityClosed = { readonly priority: Priority; readonly decision: PriorityClosedDecision };

export const MAX_CLOSING_TEXT_LENGTH = 2000;

/** Completes or retires the active priority, by a facilitator or the lead, with outcomes and learning (PC-1..PC-4). */
export function completePriority(
  priority: Priority,
  input: CompletePriorityInput,
  now: string,
  actor: Actor,
): Result<PriorityClosed> {
  const active = requireActivePriority(priority);
  if (!active.ok) return active;
  if (!hasAnyRole(actor, 'facilitator', 'lead')) {
    return fail('actor', 'only a facilitator or the lead completes or retires the priority');
  }
  if (input.outcome !== 'completed' && input.outcome !== 'retired') {
    return fail('outcome', 'expected completed or retired');
  }
  const decisionId = checkId('decisionId', input.decisionId);
  if (!decisionId.ok) return decisionId;
  const outcomes = checkText('outcomes', input.outcomes, { min: 1, max: MAX_CLOSING_TEXT_LENGTH });
  if (!outcomes.ok) return outcomes;
  const learned = checkText('learned', input.learned, { min: 1, max: MAX_CLOSING_TEXT_LENGTH });
  if (!learned.ok) return learned;
  if (parseInstant(now) === null) return fail('now', 'expected an ISO date-time');
  return ok({
    priority: { ...priority, status: input.outcome, endedAt: now, endReason: null },
    decision: {
      id: decisionId.value,
      teamId: priority.teamId,
      kind: input.outcome === 'completed' ? 'priority-completed' : 'priority-retired',
      title: priority.title,
      priorityId: priority.id,
      outcomes: outcomes.value,
      learned: learned.value,
      decidedAt: now,
      decidedBy: actor.memberId,
      supersedes: null,
    },
  });
}
