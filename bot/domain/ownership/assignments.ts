import type { Priority } from '../decisions/decision-types';
import { parseInstant } from '../voting/time';
import { fail, ok, type Result } from '../voting/result';
import { hasAnyRole, type Actor, type ActorRole } from './actor';
import { requireActivePriority } from './priority-guard';
import { checkId, checkText } from './text';

/** What a member does for the priority: one lead, any number of the others (O-2). */
export type OwnerRole = 'lead' | 'co-owner' | 'contributor' | 'consulted';

/** Every owner role, lead first. */
export const OWNER_ROLES: readonly OwnerRole[] = ['lead', 'co-owner', 'contributor', 'consulted'];

/** Where an assignment stands: asked, taken on, or turned down (O-3). */
export type AssignmentStatus = 'proposed' | 'accepted' | 'declined';

/** A different role asked of a member who already accepted one; they keep the old role until they accept (O-6). */
export type RoleChange = {
  readonly role: OwnerRole;
  readonly proposedBy: string;
  readonly proposedAt: string;
};

/** A member's role on one priority; there is at most one assignment per member and priority (O-5). */
export type Assignment = {
  readonly priorityId: string;
  readonly memberId: string;
  /** The role asked (proposed), held (accepted) or turned down (declined). */
  readonly role: OwnerRole;
  readonly status: AssignmentStatus;
  readonly assignedBy: string;
  readonly assignedAt: string;
  readonly respondedAt: string | null;
  /** Why the member declined the role, or the last role change they declined. */
  readonly declineReason: string | null;
  readonly pendingChange: RoleChange | null;
  /** The member's own one-line statement of their part (O-9). */
  readonly statement: string | null;
  readonly statementAt: string | null;
};

/** Asking a member to take a role. */
export type AssignRoleInput = {
  readonly priority: Priority;
  readonly memberId: string;
  readonly role: OwnerRole;
  readonly actor: Actor;
  readonly now: string;
};

/** A member answering their own assignment. */
export type AssignmentAnswerInput = {
  readonly priority: Priority;
  /** Whose assignment is answered. */
  readonly memberId: string;
  /** Who answers: only the assignee may (O-7). */
  readonly by: string;
  readonly now: string;
};

/** A member declining: a reason is required (O-4). */
export type DeclineAssignmentInput = AssignmentAnswerInput & { readonly reason: string };

/** A member writing their own statement of their part. */
export type OwnStatementInput = AssignmentAnswerInput & { readonly statement: string };

export const MAX_DECLINE_REASON_LENGTH = 500;
export const MAX_STATEMENT_LENGTH = 200;

/** The member holding the accepted lead role, or null (O-2). */
export function leadOf(assignments: readonly Assignment[]): string | null {
  return assignments.find((a) => a.status === 'accepted' && a.role === 'lead')?.memberId ?? null;
}

/** The actor for `memberId`: a facilitator when the app says so, the lead when they hold the accepted lead role. */
export function actingAs(
  memberId: string,
  assignments: readonly Assignment[],
  options: { readonly facilitator: boolean },
): Actor {
  const roles: ActorRole[] = [];
  if (options.facilitator) roles.push('facilitator');
  if (leadOf(assignments) === memberId) roles.push('lead');
  return { memberId, roles };
}

/** The members who accepted a role, in assignment order: the owners expected at check-ins. */
export function ownersOf(assignments: readonly Assignment[]): string[] {
  return assignments.filter((a) => a.status === 'accepted').map((a) => a.memberId);
}

/** Proposes a role to a member, or changes the role they were asked or hold; never a second assignment (O-1, O-5, O-6, O-8). */
export function assignRole(assignments: readonly Assignment[], input: AssignRoleInput): Result<Assignment[]> {
  const active = requireActivePriority(input.priority);
  if (!active.ok) return active;
  const memberId = checkId('memberId', input.memberId);
  if (!memberId.ok) return memberId;
  if (!OWNER_ROLES.includes(input.role)) return fail('role', `expected one of ${OWNER_ROLES.join(', ')}`);
  if (parseInstant(input.now) === null) return fail('now', 'expected an ISO date-time');
  if (!hasAnyRole(input.actor, 'facilitator', 'lead')) {
    return fail('actor', 'only a facilitator or the lead assigns roles');
  }
  const existing = assignments.find(
    (a) => a.priorityId === input.priority.id && a.memberId === input.memberId,
  );
  const proposal: Assignment = {
    priorityId: input.priority.id,
    memberId: input.memberId,
    role: input.role,
    status: 'proposed',
    assignedBy: input.actor.memberId,
    assignedAt: input.now,
    respondedAt: null,
    declineReason: null,
    pendingChange: null,
    statement: existing?.status === 'declined' ? null : (existing?.statement ?? null),
    statementAt: existing?.status === 'declined' ? null : (existing?.statementAt ?? null),
  };
  if (existing === undefined) return ok([...assignments, proposal]);
  if (existing.status === 'declined') return ok(replace(assignments, existing, proposal));
  if (existing.status === 'proposed') {
    if (existing.role === input.role)
      return fail('role', `${input.memberId} was already asked to be ${input.role}`);
    return ok(replace(assignments, existing, proposal));
  }
  // Accepted: the held role stays until the member accepts the change.
  if (existing.role === input.role) {
    if (existing.pendingChange === null) return fail('role', `${input.memberId} is already ${input.role}`);
    return ok(replace(assignments, existing, { ...existing, pendingChange: null }));
  }
  if (existing.role === 'lead') {
    return fail('role', 'the lead keeps the role until another member accepts it; assign a new lead first');
  }
  const pendingChange: RoleChange = {
    role: input.role,
    proposedBy: input.actor.memberId,
    proposedAt: input.now,
  };
  return ok(replace(assignments, existing, { ...existing, pendingChange }));
}

/** The assignee takes on the proposed role (or the proposed change); a new lead makes the previous lead a co-owner (O-3, O-6, O-7, O-8). */
export function acceptAssignment(
  assignments: readonly Assignment[],
  input: AssignmentAnswerInput,
): Result<Assignment[]> {
  const found = ownAssignment(assignments, input);
  if (!found.ok) return found;
  const assignment = found.value;
  let accepted: Assignment;
  if (assignment.status === 'proposed') {
    accepted = { ...assignment, status: 'accepted', respondedAt: input.now, declineReason: null };
  } else if (assignment.status === 'accepted' && assignment.pendingChange !== null) {
    accepted = {
      ...assignment,
      role: assignment.pendingChange.role,
      pendingChange: null,
      respondedAt: input.now,
    };
  } else {
    return fail('status', `there is nothing to accept: the role is ${assignment.status}`);
  }
  return ok(
    assignments.map((a) => {
      if (a === assignment) return accepted;
      // O-8: there is one lead; the one who held the role stays on as a co-owner.
      if (
        accepted.role === 'lead' &&
        a.priorityId === accepted.priorityId &&
        a.status === 'accepted' &&
        a.role === 'lead'
      ) {
        return { ...a, role: 'co-owner' };
      }
      return a;
    }),
  );
}

/** The assignee turns down the proposed role (or the proposed change, keeping the role they hold), with a reason (O-4, O-6, O-7). */
export function declineAssignment(
  assignments: readonly Assignment[],
  input: DeclineAssignmentInput,
): Result<Assignment[]> {
  const found = ownAssignment(assignments, input);
  if (!found.ok) return found;
  const assignment = found.value;
  const reason = checkText('reason', input.reason, { min: 1, max: MAX_DECLINE_REASON_LENGTH });
  if (!reason.ok) return reason;
  if (assignment.status === 'proposed') {
    return ok(
      replace(assignments, assignment, {
        ...assignment,
        status: 'declined',
        respondedAt: input.now,
        declineReason: reason.value,
      }),
    );
  }
  if (assignment.status === 'accepted' && assignment.pendingChange !== null) {
    return ok(
      replace(assignments, assignment, {
        ...assignment,
        pendingChange: null,
        respondedAt: input.now,
        declineReason: reason.value,
      }),
    );
  }
  return fail('status', `there is nothing to decline: the role is ${assignment.status}`);
}

/** The member writes (or rewrites) one line on their own part; nobody writes it for them (O-9). */
export function setOwnStatement(
  assignments: readonly Assignment[],
  input: OwnStatementInput,
): Result<Assignment[]> {
  const found = ownAssignment(assignments, input);
  if (!found.ok) return found;
  if (found.value.status === 'declined') return fail('status', 'a declined role has no statement');
  const statement = checkText('statement', input.statement, {
    min: 1,
    max: MAX_STATEMENT_LENGTH,
    singleLine: true,
  });
  if (!statement.ok) return statement;
  return ok(
    replace(assignments, found.value, { ...found.value, statement: statement.value, statementAt: input.now }),
  );
}

// O-1, O-7: only the assignee answers or writes on their own assignment, and only while the priority is active.
function ownAssignment(assignments: readonly Assignment[], input: AssignmentAnswerInput): Result<Assignment> {
  const active = requireActivePriority(input.priority);
  if (!active.ok) return active;
  if (parseInstant(input.now) === null) return fail('now', 'expected an ISO date-time');
  if (input.by !== input.memberId) return fail('by', 'only the member assigned can answer for this role');
  const assignment = assignments.find(
    (a) => a.priorityId === input.priority.id && a.memberId === input.memberId,
  );
  if (assignment === undefined) return fail('memberId', `${input.memberId} has no role on this priority`);
  return ok(assignment);
}

function replace(assignments: readonly Assignment[], old: Assignment, next: Assignment): Assignment[] {
  return assignments.map((a) => (a === old ? next : a));
}
