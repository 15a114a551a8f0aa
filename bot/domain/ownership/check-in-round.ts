import type { Priority } from '../decisions/decision-types';
import { parseInstant } from '../voting/time';
import { fail, ok, type Result } from '../voting/result';
import { changeActionStatus, ACTION_STATUSES, type Action, type ActionStatus } from './actions';
import type { Actor } from './actor';
import { ownersOf, type Assignment } from './assignments';
import { requireActivePriority } from './priority-guard';
import { checkText } from './text';

/** An action status reported at a check-in. */
export type StatusUpdate = { readonly actionId: string; readonly status: ActionStatus };

/** An owner's reflection: what was tried, what happened, what was learned; failure is data, so there is no blame field (K-3). */
export type CheckInAnswer = {
  readonly memberId: string;
  readonly tried: string;
  readonly happened: string;
  readonly learned: string;
  readonly statusUpdates: readonly StatusUpdate[];
  readonly answeredAt: string;
};

/** An owner's answer as given; blank parts are allowed as long as one is written. */
export type CheckInAnswerInput = {
  readonly tried?: string;
  readonly happened?: string;
  readonly learned?: string;
  readonly statusUpdates?: readonly StatusUpdate[];
};

/** What a round shows on the team's timeline once closed (K-7). */
export type RoundSummary = {
  readonly roundId: string;
  readonly dueAt: string;
  readonly checkedIn: readonly string[];
  readonly notCheckedIn: readonly string[];
  readonly actionsByStatus: Readonly<Record<ActionStatus, number>>;
  /** Stuck actions, shown as learning data with their owner, never as blame. */
  readonly stuck: readonly { readonly actionId: string; readonly title: string; readonly ownerId: string }[];
  readonly answers: readonly CheckInAnswer[];
};

/** One check-in of a priority's owners. */
export type CheckInRound = {
  readonly id: string;
  readonly priorityId: string;
  readonly dueAt: string;
  readonly openedAt: string;
  /** The members with an accepted role when the round opened (K-1). */
  readonly expectedOwners: readonly string[];
  /** At most one per owner, the latest (K-4). */
  readonly answers: readonly CheckInAnswer[];
  readonly closedAt: string | null;
  /** Kept on the timeline: set when the round closes (K-7). */
  readonly summary: RoundSummary | null;
};

/** Everything needed to open a round. */
export type OpenCheckInRoundInput = {
  readonly id: string;
  readonly priority: Priority;
  readonly assignments: readonly Assignment[];
  readonly dueAt: string;
  readonly now: string;
};

/** The context of an answer: the actions it may update and who answers. */
export type CheckInContext = {
  readonly priority: Priority;
  readonly actions: readonly Action[];
  readonly actor: Actor;
  readonly now: string;
};

export const MAX_ANSWER_LENGTH = 1000;

/** Opens a round expecting every member who accepted a role (O-1, K-1). */
export function openCheckInRound(input: OpenCheckInRoundInput): Result<CheckInRound> {
  const active = requireActivePriority(input.priority);
  if (!active.ok) return active;
  if (parseInstant(input.now) === null) return fail('now', 'expected an ISO date-time');
  if (parseInstant(input.dueAt) === null) return fail('dueAt', 'expected an ISO date-time');
  const expectedOwners = ownersOf(input.assignments.filter((a) => a.priorityId === input.priority.id));
  if (expectedOwners.length === 0)
    return fail('assignments', 'nobody has accepted a role on this priority yet');
  return ok({
    id: input.id,
    priorityId: input.priority.id,
    dueAt: input.dueAt,
    openedAt: input.now,
    expectedOwners,
    answers: [],
    closedAt: null,
    summary: null,
  });
}

/**
 * Records an owner's answer, replacing an earlier one, and applies its status updates to the actions
 * under the usual status rules (O-1, K-2..K-5, A-3).
 */
export function answerCheckIn(
  round: CheckInRound,
  input: CheckInAnswerInput,
  context: CheckInContext,
): Result<{ readonly round: CheckInRound; readonly actions: Action[] }> {
  if (round.closedAt !== null) return fail('round', 'this check-in is closed');
  if (context.priority.id !== round.priorityId)
    return fail('priority', 'the round belongs to another priority');
  const active = requireActivePriority(context.priority);
  if (!active.ok) return active;
  if (parseInstant(context.now) === null) return fail('now', 'expected an ISO date-time');
  const memberId = context.actor.memberId;
  if (!round.expectedOwners.includes(memberId)) {
    return fail('actor', `${memberId} is not one of the owners expected at this check-in`);
  }
  const limits = { min: 0, max: MAX_ANSWER_LENGTH };
  const tried = checkText('tried', input.tried, limits);
  if (!tried.ok) return tried;
  const happened = checkText('happened', input.happened, limits);
  if (!happened.ok) return happened;
  const learned = checkText('learned', input.learned, limits);
  if (!learned.ok) return learned;
  if (tried.value === '' && happened.value === '' && learned.value === '') {
    return fail('answer', 'write what was tried, what happened or what was learned');
  }
  const updates = input.statusUpdates ?? [];
  let actions = [...context.actions];
  const seen = new Set<string>();
  for (const [index, update] of updates.entries()) {
    const field = `statusUpdates.${index}`;
    if (seen.has(update.actionId))
      return fail(`${field}.actionId`, 'this action is already updated in the answer');
    seen.add(update.actionId);
    const action = actions.find((a) => a.id === update.actionId);
    if (action === undefined)
      return fail(`${field}.actionId`, `"${update.actionId}" is not an action of this priority`);
    const changed = changeActionStatus(action, { ...context, status: update.status });
    if (!changed.ok)
      return fail(`${field}.${changed.field}`, changed.message.slice(changed.field.length + 2));
    actions = actions.map((a) => (a === action ? changed.value : a));
  }
  const answer: CheckInAnswer = {
    memberId,
    tried: tried.value,
    happened: happened.value,
    learned: learned.value,
    statusUpdates: updates.map((u) => ({ actionId: u.actionId, status: u.status })),
    answeredAt: context.now,
  };
  const answers = [...round.answers.filter((a) => a.memberId !== memberId), answer];
  return ok({ round: { ...round, answers }, actions });
}

/** The owners who have answered, in the order of their latest answer (K-6). */
export function checkedIn(round: CheckInRound): string[] {
  return round.answers.map((a) => a.memberId);
}

/** Counts the priority's actions by status and lists who checked in and who did not (K-7). */
export function summarizeRound(round: CheckInRound, actions: readonly Action[]): RoundSummary {
  const ofPriority = actions.filter((a) => a.priorityId === round.priorityId);
  const answered = checkedIn(round);
  const actionsByStatus = Object.fromEntries(
    ACTION_STATUSES.map((status) => [status, ofPriority.filter((a) => a.status === status).length]),
  ) as Record<ActionStatus, number>;
  return {
    roundId: round.id,
    dueAt: round.dueAt,
    checkedIn: answered,
    notCheckedIn: round.expectedOwners.filter((m) => !answered.includes(m)),
    actionsByStatus,
    stuck: ofPriority
      .filter((a) => a.status === 'stuck')
      .map((a) => ({ actionId: a.id, title: a.title, ownerId: a.ownerId })),
    answers: round.answers,
  };
}

/** Closes the round, keeping its summary for the timeline; no answers after (K-5, K-7). */
export function closeCheckInRound(
  round: CheckInRound,
  context: { readonly actions: readonly Action[]; readonly now: string },
): Result<CheckInRound> {
  if (round.closedAt !== null) return fail('round', 'this check-in is already closed');
  if (parseInstant(context.now) === null) return fail('now', 'expected an ISO date-time');
  return ok({ ...round, closedAt: context.now, summary: summarizeRound(round, context.actions) });
}
