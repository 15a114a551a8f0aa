import { fail, ok, type Result } from '../voting';
import type { Decision } from './decision-types';

/** Links a later decision to the earlier one it supersedes; returns the later decision with `supersedes`, never changing the earlier one (D-6). */
export function supersede(decision: Decision, by: Decision): Result<Decision> {
  if (by.id === decision.id) return fail('by', 'a decision cannot supersede itself');
  if (by.teamId !== decision.teamId) return fail('by', 'a decision can only supersede one of its own team');
  if (Date.parse(by.decidedAt) < Date.parse(decision.decidedAt)) {
    return fail('by', 'a decision can only supersede an earlier one');
  }
  if (by.supersedes !== null && by.supersedes !== decision.id) {
    return fail('by', `this decision already supersedes "${by.supersedes}"`);
  }
  return ok({ ...by, supersedes: decision.id });
}

/** The decision that supersedes this one in the log, or null (D-6). */
export function supersededBy(decision: Decision, log: readonly Decision[]): Decision | null {
  return log.find((d) => d.supersedes === decision.id) ?? null;
}

/** The decisions of the log that no later decision supersedes, in log order (D-6). */
export function standingDecisions(log: readonly Decision[]): Decision[] {
  const superseded = new Set(log.map((d) => d.supersedes).filter((id): id is string => id !== null));
  return log.filter((d) => !superseded.has(d.id));
}
