import { isVoteDecision, type Priority } from '../domain/decisions';
import {
  acceptAssignment,
  actingAs,
  assignRole,
  changeActionStatus,
  createAction,
  declineAssignment,
  setOwnStatement,
  type Action,
  type ActionStatus,
  type Actor,
  type Assignment,
  type OwnerRole,
} from '../domain/ownership';
import type { Result, ValidationFailure } from '../domain/voting';
import type { Clock } from '../support/clock';
import { refuse, staleRefusal, type BoardOutcome, type BoardRefusal } from './board-outcome';
import type {
  ActionStore,
  AssignmentStore,
  AssignmentWrite,
  StoredAction,
  StoredAssignment,
} from './ownership-stores';
import type { BallotCardRef, DecisionLog, TeamStateStore, VoteStore } from './priority-stores';
import { ConflictError, type TeamRef, type Versioned } from './team-ref';

/** Who acts, as the caller's roster knows them: team owners facilitate like the vote's facilitator. */
export interface OwnershipActor {
  memberId: string;
  isTeamOwner: boolean;
}

/** The active priority with its owners and actions, each with the ETag it was read with. */
export interface PriorityOwnership {
  priority: Priority;
  assignments: Array<Versioned<StoredAssignment>>;
  actions: Array<Versioned<StoredAction>>;
  /** Members who facilitate this priority: whoever opened the vote that chose it, and who announced it. */
  facilitators: string[];
}

/** Which assignment a member answers: the priority it belongs to and whose it is. */
export interface AssignmentKey {
  priorityId: string;
  memberId: string;
}

export interface OwnershipService {
  /** The active priority, its owners and its actions; null when the team has no active priority. */
  current(team: TeamRef): Promise<PriorityOwnership | null>;
  /** Asks a member (already checked to be on the team's roster) to take a role on the active priority. */
  assign(
    team: TeamRef,
    actor: OwnershipActor,
    input: { memberId: string; role: OwnerRole },
  ): Promise<BoardOutcome<Assignment>>;
  accept(team: TeamRef, by: string, key: AssignmentKey): Promise<BoardOutcome<Assignment>>;
  decline(team: TeamRef, by: string, key: AssignmentKey, reason: string): Promise<BoardOutcome<Assignment>>;
  setStatement(
    team: TeamRef,
    by: string,
    key: AssignmentKey,
    statement: string,
  ): Promise<BoardOutcome<Assignment>>;
  /** The stored assignment and its priority, or null when either is unknown in this team. */
  assignment(
    team: TeamRef,
    key: AssignmentKey,
  ): Promise<{ priority: Priority; stored: StoredAssignment } | null>;
  /** Remembers a card that asked the member, so answering in one place updates the others. */
  attachAssignmentCard(team: TeamRef, key: AssignmentKey, card: BallotCardRef): Promise<void>;
  /** Adds an action (owner already checked to be on the roster); due defaults to two weeks. */
  createAction(
    team: TeamRef,
    actor: OwnershipActor,
    input: { title: string; ownerId: string; due?: string },
  ): Promise<BoardOutcome<Versioned<StoredAction>>>;
  /** Changes an action's status; with `etag` only that version may change (412 otherwise), without it conflicts are retried. */
  changeActionStatus(
    team: TeamRef,
    actor: OwnershipActor,
    input: { priorityId: string; actionId: string; status: ActionStatus; etag?: string },
  ): Promise<BoardOutcome<{ priority: Priority; action: Versioned<StoredAction> }>>;
  attachActionCard(team: TeamRef, action: Action, card: BallotCardRef): Promise<void>;
}

export interface OwnershipServiceDeps {
  assignments: AssignmentStore;
  actions: ActionStore;
  teamState: TeamStateStore;
  decisions: DecisionLog;
  votes: VoteStore;
  clock: Clock;
  newId: () => string;
  /** Told of each new action (reminders plan their next run); must not throw. */
  onActionCreated?: (team: TeamRef, action: Action) => Promise<void>;
}

const attempts = 5;

/** Owners, roles and actions on the team's active priority: the ownership domain in, the stores out. */
export function createOwnershipService(deps: OwnershipServiceDeps): OwnershipService {
  const now = () => deps.clock.now().toISOString();

  /** The active priority, or a past one by id (changes to a past one are refused by the domain, O-1). */
  const priorityOf = async (team: TeamRef, priorityId?: string): Promise<Priority | null> => {
    const state = (await deps.teamState.get(team))?.value;
    if (!state) return null;
    if (priorityId === undefined)
      return state.activePriority?.status === 'active' ? state.activePriority : null;
    if (state.activePriority?.id === priorityId) return state.activePriority;
    return state.pastPriorities.find((past) => past.id === priorityId) ?? null;
  };

  const facilitatorsOf = async (team: TeamRef, priority: Priority): Promise<string[]> => {
    const decision = await deps.decisions.get(team, priority.decisionId);
    if (!decision || !isVoteDecision(decision)) return [];
    const vote = await deps.votes.get(team, decision.result.voteId);
    return [...new Set([decision.decidedBy, ...(vote ? [vote.value.vote.openedBy] : [])])].filter(
      (id) => id !== 'system',
    );
  };

  const actorOn = async (
    team: TeamRef,
    priority: Priority,
    assignments: readonly Assignment[],
    who: OwnershipActor,
  ): Promise<Actor> =>
    actingAs(who.memberId, assignments, {
      facilitator: who.isTeamOwner || (await facilitatorsOf(team, priority)).includes(who.memberId),
    });

  /**
   * Reads the priority's assignments, applies a domain change and writes the rows it changed in one
   * conditional transaction; a concurrent change makes it read again, a few times, then say so.
   */
  const changeAssignments = async (
    team: TeamRef,
    priority: Priority,
    memberId: string,
    change: (current: Assignment[]) => Promise<Result<Assignment[]>> | Result<Assignment[]>,
  ): Promise<BoardOutcome<Assignment>> => {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const rows = await deps.assignments.list(team, priority.id);
      const current = rows.map((row) => row.value.assignment);
      const changed = await change(current);
      if (!changed.ok) return fromDomain(changed);
      const writes: AssignmentWrite[] = [];
      for (const next of changed.value) {
        const index = rows.findIndex((row) => row.value.assignment.memberId === next.memberId);
        const row = rows[index];
        if (row && current[index] === next) continue;
        writes.push({ value: { assignment: next, cards: row?.value.cards ?? [] }, etag: row?.etag ?? null });
      }
      try {
        await deps.assignments.save(team, priority.id, writes);
      } catch (error: unknown) {
        if (error instanceof ConflictError) continue;
        throw error;
      }
      const mine = changed.value.find((each) => each.memberId === memberId);
      if (!mine) throw new Error(`the assignment of ${memberId} vanished from the change`);
      return { ok: true, value: mine };
    }
    return refuse(409, 'assignment', 'the roles changed at the same moment; look again and retry');
  };

  const answer = async (
    team: TeamRef,
    key: AssignmentKey,
    apply: (current: Assignment[], priority: Priority) => Result<Assignment[]>,
  ): Promise<BoardOutcome<Assignment>> => {
    const priority = await priorityOf(team, key.priorityId);
    if (!priority) return refuse(404, 'priorityId', 'no such priority in this team');
    return changeAssignments(team, priority, key.memberId, (current) => apply(current, priority));
  };

  return {
    async current(team) {
      const priority = await priorityOf(team);
      if (!priority) return null;
      const [assignments, actions, facilitators] = await Promise.all([
        deps.assignments.list(team, priority.id),
        deps.actions.list(team, priority.id),
        facilitatorsOf(team, priority),
      ]);
      return { priority, assignments, actions, facilitators };
    },

    async assign(team, who, input) {
      const priority = await priorityOf(team);
      if (!priority) return noActivePriority();
      return changeAssignments(team, priority, input.memberId, async (current) =>
        assignRole(current, {
          priority,
          memberId: input.memberId,
          role: input.role,
          actor: await actorOn(team, priority, current, who),
          now: now(),
        }),
      );
    },

    accept: (team, by, key) =>
      answer(team, key, (current, priority) =>
        acceptAssignment(current, { priority, memberId: key.memberId, by, now: now() }),
      ),

    decline: (team, by, key, reason) =>
      answer(team, key, (current, priority) =>
        declineAssignment(current, { priority, memberId: key.memberId, by, reason, now: now() }),
      ),

    setStatement: (team, by, key, statement) =>
      answer(team, key, (current, priority) =>
        setOwnStatement(current, { priority, memberId: key.memberId, by, statement, now: now() }),
      ),

    async assignment(team, key) {
      const priority = await priorityOf(team, key.priorityId);
      if (!priority) return null;
      const row = (await deps.assignments.list(team, priority.id)).find(
        (each) => each.value.assignment.memberId === key.memberId,
      );
      return row ? { priority, stored: row.value } : null;
    },

    async attachAssignmentCard(team, key, card) {
      for (let attempt = 0; attempt < attempts; attempt += 1) {
        const row = (await deps.assignments.list(team, key.priorityId)).find(
          (each) => each.value.assignment.memberId === key.memberId,
        );
        if (!row) return;
        // A new proposal replaces the old cards: only the latest ones are kept up to date.
        const cards = [...row.value.cards, card].slice(-4);
        try {
          await deps.assignments.save(team, key.priorityId, [
            { value: { ...row.value, cards }, etag: row.etag },
          ]);
          return;
        } catch (error: unknown) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      throw new Error(`could not record the assignment card of ${key.memberId}`);
    },

    async createAction(team, who, input) {
      const priority = await priorityOf(team);
      if (!priority) return noActivePriority();
      const assignments = (await deps.assignments.list(team, priority.id)).map((row) => row.value.assignment);
      const actor = await actorOn(team, priority, assignments, who);
      const isOwner = assignments.some((a) => a.memberId === who.memberId && a.status === 'accepted');
      if (actor.roles.length === 0 && !isOwner) {
        return refuse(403, 'actor', 'only an owner of the priority, its lead or a facilitator adds actions');
      }
      const created = createAction({
        id: deps.newId(),
        priority,
        title: input.title,
        ownerId: input.ownerId,
        ...(input.due === undefined ? {} : { due: input.due }),
        createdBy: who.memberId,
        now: now(),
      });
      if (!created.ok) return fromDomain(created);
      const stored: StoredAction = { action: created.value, card: null };
      const etag = await deps.actions.insert(team, stored);
      await deps.onActionCreated?.(team, created.value);
      return { ok: true, value: { value: stored, etag } };
    },

    async changeActionStatus(team, who, input) {
      const priority = await priorityOf(team, input.priorityId);
      if (!priority) return refuse(404, 'priorityId', 'no such priority in this team');
      for (let attempt = 0; attempt < attempts; attempt += 1) {
        const row = await deps.actions.get(team, priority.id, input.actionId);
        if (!row) return refuse(404, 'actionId', 'no such action on this priority');
        if (input.etag !== undefined && input.etag !== row.etag) return staleRefusal('etag', 'action', row);
        const assignments = (await deps.assignments.list(team, priority.id)).map(
          (each) => each.value.assignment,
        );
        const changed = changeActionStatus(row.value.action, {
          priority,
          status: input.status,
          actor: await actorOn(team, priority, assignments, who),
          now: now(),
        });
        if (!changed.ok) return fromDomain(changed);
        const stored: StoredAction = { ...row.value, action: changed.value };
        try {
          const etag = await deps.actions.replace(team, stored, row.etag);
          return { ok: true, value: { priority, action: { value: stored, etag } } };
        } catch (error: unknown) {
          if (!(error instanceof ConflictError)) throw error;
          if (input.etag !== undefined)
            return staleRefusal('etag', 'action', await deps.actions.get(team, priority.id, input.actionId));
        }
      }
      return refuse(409, 'action', 'the action changed at the same moment; look again and retry');
    },

    async attachActionCard(team, action, card) {
      for (let attempt = 0; attempt < attempts; attempt += 1) {
        const row = await deps.actions.get(team, action.priorityId, action.id);
        if (!row) return;
        try {
          await deps.actions.replace(team, { ...row.value, card }, row.etag);
          return;
        } catch (error: unknown) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      throw new Error(`could not record the card of action ${action.id}`);
    },
  };
}

function noActivePriority(): BoardRefusal {
  return refuse(
    409,
    'priority',
    'the team has no active priority yet: choose one with a vote first, then name its owners',
  );
}

/** A domain refusal: an ended priority is a 409, acting for someone else a 403, the rest 400. */
function fromDomain(failure: ValidationFailure): BoardRefusal {
  const status =
    failure.field === 'priority' ? 409 : failure.field === 'actor' || failure.field === 'by' ? 403 : 400;
  return refuse(status, failure.field, failure.message);
}
