import type { Priority } from '../decisions/decision-types';
import { fail, ok, type Result } from '../voting/result';

/** Refuses any change once the priority has ended — completed, retired or replaced (O-1). */
export function requireActivePriority(priority: Priority): Result<Priority> {
  if (priority.status !== 'active') {
    return fail(
      'priority',
      `"${priority.title}" is ${priority.status}: its owners and actions can no longer change`,
    );
  }
  return ok(priority);
}
