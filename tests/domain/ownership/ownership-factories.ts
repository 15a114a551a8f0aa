// Tiny builders for the ownership tests: an active priority, actors, assignments and actions.
import type { Priority } from '../../../bot/domain/decisions';
import {
  acceptAssignment,
  assignRole,
  createAction,
  type Action,
  type Actor,
  type Assignment,
  type OwnerRole,
} from '../../../bot/domain/ownership';
import { NOW, at, unwrap } from '../factories';

/** The active priority of team-1. */
export function priority(overrides: Partial<Priority> = {}): Priority {
  return {
    id: 'p-1',
    teamId: 'team-1',
    candidateId: 'A',
    title: 'Every student reads 20 minutes a day',
    amendment: null,
    decisionId: 'd-1',
    chosenAt: at(-10_000),
    status: 'active',
    endedAt: null,
    endReason: null,
    ...overrides,
  };
}

/** The facilitator, fay. */
export const FAY: Actor = { memberId: 'fay', roles: ['facilitator'] };

/** A member acting with no special role. */
export function member(memberId: string): Actor {
  return { memberId, roles: [] };
}

/** Assignments where each member was asked by fay and accepted, one minute apart. */
export function accepted(roles: Record<string, OwnerRole>): Assignment[] {
  return Object.entries(roles).reduce<Assignment[]>((current, [memberId, role], index) => {
    const proposed = unwrap(
      assignRole(current, { priority: priority(), memberId, role, actor: FAY, now: at(index) }),
    );
    return unwrap(
      acceptAssignment(proposed, { priority: priority(), memberId, by: memberId, now: at(index) }),
    );
  }, []);
}

/** An action of p-1 owned by `ownerId`, created at NOW by fay. */
export function action(id: string, ownerId = 'ann', overrides: Partial<Action> = {}): Action {
  return {
    ...unwrap(
      createAction({ id, priority: priority(), title: `Action ${id}`, ownerId, createdBy: 'fay', now: NOW }),
    ),
    ...overrides,
  };
}

/** Freezes a value and everything inside it, so any write throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}
