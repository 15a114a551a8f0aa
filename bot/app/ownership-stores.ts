import type { Action, Assignment } from '../domain/ownership';
import type { BallotCardRef } from './priority-stores';
import type { TeamRef, Versioned } from './team-ref';

/** An assignment as stored: the domain assignment plus the cards that asked the member (channel, personal chat). */
export interface StoredAssignment {
  assignment: Assignment;
  cards: BallotCardRef[];
}

/** An action as stored: the domain action plus where its card was posted, so a change from the tab updates it. */
export interface StoredAction {
  action: Action;
  card: BallotCardRef | null;
}

/** A row to write: a new one (etag null) or a replacement of the version read. */
export interface AssignmentWrite {
  value: StoredAssignment;
  etag: string | null;
}

/** The owners and roles of one priority: one row per member. */
export interface AssignmentStore {
  list(team: TeamRef, priorityId: string): Promise<Array<Versioned<StoredAssignment>>>;
  /**
   * Writes the changed rows of one priority together (accepting the lead changes two): all or none,
   * each conditional on its ETag; throws ConflictError when any row changed since it was read.
   */
  save(team: TeamRef, priorityId: string, rows: readonly AssignmentWrite[]): Promise<void>;
}

/** The actions of one priority: one row per action. */
export interface ActionStore {
  list(team: TeamRef, priorityId: string): Promise<Array<Versioned<StoredAction>>>;
  get(team: TeamRef, priorityId: string, actionId: string): Promise<Versioned<StoredAction> | null>;
  /** Inserts a new action and returns its ETag. */
  insert(team: TeamRef, stored: StoredAction): Promise<string>;
  /** Replaces conditionally and returns the new ETag; ConflictError when the ETag is stale. */
  replace(team: TeamRef, stored: StoredAction, etag: string): Promise<string>;
}
