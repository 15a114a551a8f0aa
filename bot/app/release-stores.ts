import type { ReleaseItem } from '../domain/ownership';
import type { BallotCardRef } from './priority-stores';
import type { TeamRef, Versioned } from './team-ref';

/** A release-list item as stored: the domain item, the priority it makes room for, its card and decision. */
export interface StoredRelease {
  item: ReleaseItem;
  priority: { id: string; title: string };
  /** The consent card in the channel, so every answer updates it for everyone. */
  card: BallotCardRef | null;
  /** The decision-log entry, once decided. */
  decisionId: string | null;
  /** The objections the last close found, while the item stays proposed (RL-5). */
  objections: Array<{ memberId: string; reason: string }>;
}

/** The team's release list: one row per item. */
export interface ReleaseStore {
  list(team: TeamRef): Promise<Array<Versioned<StoredRelease>>>;
  get(team: TeamRef, releaseId: string): Promise<Versioned<StoredRelease> | null>;
  insert(team: TeamRef, stored: StoredRelease): Promise<string>;
  /** Conditional on the ETag read; ConflictError when someone changed it first. */
  replace(team: TeamRef, stored: StoredRelease, etag: string): Promise<string>;
}
