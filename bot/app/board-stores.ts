import type {
  AdoptedVision,
  DotAllocation,
  SwotBoard,
  SwotGroup,
  SwotItem,
  SwotSession,
  VisionDraft,
  VisionProposal,
} from '../domain/boards';
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

/** A proposal as stored, with the vision it adopted when its consent check closed without objection. */
export interface StoredVisionProposal {
  proposal: VisionProposal;
  adopted: AdoptedVision | null;
}

/** The whole vision board of a team, with each row's ETag and a version for polling. */
export interface StoredVisionBoard {
  drafts: Array<Versioned<VisionDraft>>;
  proposals: Array<Versioned<StoredVisionProposal>>;
  version: string;
}

/** Vision boards: one partition per team (drafts and proposals), so the board is one query. */
export interface VisionBoardStore {
  load(team: TeamRef): Promise<StoredVisionBoard>;
  getDraft(team: TeamRef, draftId: string): Promise<Versioned<VisionDraft> | null>;
  insertDraft(team: TeamRef, draft: VisionDraft): Promise<string>;
  replaceDraft(team: TeamRef, draft: VisionDraft, etag: string): Promise<string>;
  getProposal(team: TeamRef, proposalId: string): Promise<Versioned<StoredVisionProposal> | null>;
  insertProposal(team: TeamRef, stored: StoredVisionProposal): Promise<string>;
  /** Replaces conditionally: closing a check and adopting its vision is this one write. */
  replaceProposal(team: TeamRef, stored: StoredVisionProposal, etag: string): Promise<string>;
}
