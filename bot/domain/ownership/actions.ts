import type { Priority } from '../decisions/decision-types';
import { parseInstant } from '../voting/time';
import { fail, ok, type Result } from '../voting/result';
import { hasAnyRole, type Actor } from './actor';
import { requireActivePriority } from './priority-guard';
import { checkId, checkText } from './text';
import { DAY_MS } from './zoned-time';

/** How an action is going; `stuck` is learning data, not blame. */
export type ActionStatus = 'not-started' | 'on-track' | 'stuck' | 'done';

/** Every action status, in the order a card lists them. */
export const ACTION_STATUSES: readonly ActionStatus[] = ['not-started', 'on-track', 'stuck', 'done'];

/** A small next step on the priority, owned by one member. */
export type Action = {
  readonly id: string;
  readonly priorityId: string;
  readonly title: string;
  readonly ownerId: string;
  /** When it is due, an ISO instant. */
  readonly due: string;
  readonly status: ActionStatus;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** When it was last marked done; null while not done. */
  readonly doneAt: string | null;
};

/** Everything needed to add an action. */
export type CreateActionInput = {
  readonly id: string;
  readonly priority: Priority;
  readonly title: string;
  readonly ownerId: string;
  /** Defaults to now + 14 days; must not be in the past. */
  readonly due?: string;
  readonly createdBy: string;
  readonly now: string;
};

/** A status change and who makes it. */
export type ActionStatusChange = {
  readonly priority: Priority;
  readonly status: ActionStatus;
  readonly actor: Actor;
  readonly now: string;
};

export const DEFAULT_DUE_DAYS = 14;
export const MAX_ACTION_TITLE_LENGTH = 200;

/** Adds a not-started action to the active priority (O-1, A-1, A-2). */
export function createAction(input: CreateActionInput): Result<Action> {
  const active = requireActivePriority(input.priority);
  if (!active.ok) return active;
  const now = parseInstant(input.now);
  if (now === null) return fail('now', 'expected an ISO date-time');
  const title = checkText('title', input.title, { min: 1, max: MAX_ACTION_TITLE_LENGTH });
  if (!title.ok) return title;
  const ownerId = checkId('ownerId', input.ownerId);
  if (!ownerId.ok) return ownerId;
  let due = new Date(now + DEFAULT_DUE_DAYS * DAY_MS).toISOString();
  if (input.due !== undefined) {
    const dueMs = parseInstant(input.due);
    if (dueMs === null) return fail('due', 'expected an ISO date-time');
    if (dueMs < now) return fail('due', 'the due date is in the past');
    due = new Date(dueMs).toISOString();
  }
  return ok({
    id: input.id,
    priorityId: input.priority.id,
    title: title.value,
    ownerId: ownerId.value,
    due,
    status: 'not-started',
    createdBy: input.createdBy,
    createdAt: input.now,
    updatedAt: input.now,
    updatedBy: input.createdBy,
    doneAt: null,
  });
}

/** Moves an action to any status, by its owner, the lead or a facilitator; `done` records when, reopening clears it (O-1, A-3..A-6). */
export function changeActionStatus(action: Action, change: ActionStatusChange): Result<Action> {
  const active = requireActivePriority(change.priority);
  if (!active.ok) return active;
  if (action.priorityId !== change.priority.id)
    return fail('priority', 'the action belongs to another priority');
  if (!ACTION_STATUSES.includes(change.status)) {
    return fail('status', `expected one of ${ACTION_STATUSES.join(', ')}`);
  }
  if (parseInstant(change.now) === null) return fail('now', 'expected an ISO date-time');
  if (change.actor.memberId !== action.ownerId && !hasAnyRole(change.actor, 'lead', 'facilitator')) {
    return fail('actor', "only the action's owner, the lead or a facilitator changes its status");
  }
  const doneAt = change.status !== 'done' ? null : action.status === 'done' ? action.doneAt : change.now;
  return ok({
    ...action,
    status: change.status,
    updatedAt: change.now,
    updatedBy: change.actor.memberId,
    doneAt,
  });
}
