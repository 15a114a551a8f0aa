import type { DotAllocation, SwotBoard, SwotGroup, SwotItem, SwotSession } from '../domain/boards';
import type { TeamRef, Versioned } from './team-ref';

/** A board as stored: the domain values, each row's ETag, and a version that changes with any row. */
export interface StoredSwotBoard {
  board: SwotBoard;
  etags: {
    session: string;
    items: Readonly<Record<string, string>>;
    groups: Readonly<Record<string, string>>;
  };
  /** Changes whenever any row of the board changes: the polling tab's ETag. */
  version: string;
}

/** SWOT boards: one partition per board, so a whole board is one query and an item one point read. */
export interface SwotBoardStore {
  /** The team's sessions, newest first. */
  listSessions(team: TeamRef, limit: number): Promise<SwotSession[]>;
  createSession(team: TeamRef, session: SwotSession): Promise<void>;
  replaceSession(team: TeamRef, session: SwotSession, etag: string): Promise<void>;
  load(team: TeamRef, sessionId: string): Promise<StoredSwotBoard | null>;
  getItem(team: TeamRef, sessionId: string, itemId: string): Promise<Versioned<SwotItem> | null>;
  insertItem(team: TeamRef, item: SwotItem): Promise<string>;
  replaceItem(team: TeamRef, item: SwotItem, etag: string): Promise<string>;
  removeItem(team: TeamRef, sessionId: string, itemId: string, etag: string): Promise<void>;
  getGroup(team: TeamRef, sessionId: string, groupId: string): Promise<Versioned<SwotGroup> | null>;
  insertGroup(team: TeamRef, group: SwotGroup): Promise<string>;
  replaceGroup(team: TeamRef, group: SwotGroup, etag: string): Promise<string>;
  removeGroup(team: TeamRef, sessionId: string, groupId: string, etag: string): Promise<void>;
  getDots(team: TeamRef, sessionId: string, memberId: string): Promise<Versioned<DotAllocation> | null>;
  /** Inserts (etag null) or replaces a member's dots; ConflictError when someone else wrote first. */
  saveDots(team: TeamRef, sessionId: string, allocation: DotAllocation, etag: string | null): Promise<void>;
}
