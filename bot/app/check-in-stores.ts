import type { CadenceBreak, CheckInCadence, CheckInRound, ReminderSent } from '../domain/ownership';
import type { BallotCardRef } from './priority-stores';
import type { TeamRef, Versioned } from './team-ref';

/** The cadence without its breaks: null while check-ins are off. */
export type CheckInSchedule = Omit<CheckInCadence, 'breaks'>;

/** A team's check-in settings: when rounds happen, the school breaks, and the round planned next. */
export interface CheckInSettings {
  schedule: CheckInSchedule | null;
  breaks: CadenceBreak[];
  /** The team's zone (the last one set): reminders count local days in it, even with check-ins off. */
  timeZone: string | null;
  /** The due instant of the round the scheduler will open next; a due job for another instant is stale. */
  nextRoundAt: string | null;
  updatedBy: string;
  updatedAt: string;
}

/** A round as stored: the domain round, the priority's title for the timeline, and where its card is. */
export interface StoredRound {
  round: CheckInRound;
  priorityTitle: string;
  card: BallotCardRef | null;
}

/** One settings row per team, replaced only with the ETag read (ConflictError otherwise). */
export interface CheckInSettingsStore {
  get(team: TeamRef): Promise<Versioned<CheckInSettings> | null>;
  /** Inserts (etag null) or replaces the version read; returns the new ETag. */
  save(team: TeamRef, settings: CheckInSettings, etag: string | null): Promise<string>;
}

/** The check-in rounds of a team, one row per round (its id is derived from its due instant). */
export interface CheckInRoundStore {
  get(team: TeamRef, roundId: string): Promise<Versioned<StoredRound> | null>;
  /** Every round of the team, oldest first. */
  list(team: TeamRef): Promise<Array<Versioned<StoredRound>>>;
  /** Inserts a new round; ConflictError when a round with this id exists. */
  insert(team: TeamRef, stored: StoredRound): Promise<string>;
  replace(team: TeamRef, stored: StoredRound, etag: string): Promise<string>;
}

/** A reminder being sent: proof of the claim, needed to mark it sent. */
export interface ReminderClaim {
  team: TeamRef;
  actionId: string;
  localDate: string;
  etag: string;
}

/**
 * The reminders sent, one row per action and local day. Sending is claim (an ETag-guarded write with a
 * lease), send, mark sent: a crash after the claim is taken over once the lease runs out, and a second
 * instance never sends while a claim holds.
 */
export interface ReminderLog {
  /** Reminders marked sent on `localDate` or later (dates 'YYYY-MM-DD' in the team's zone). */
  sentSince(team: TeamRef, localDate: string): Promise<ReminderSent[]>;
  /** Takes the reminder of an action for a local day; `sent` when it went already, `busy` while another holds it. */
  claim(
    team: TeamRef,
    key: { actionId: string; localDate: string },
    owner: string,
    now: string,
    leaseMs: number,
  ): Promise<ReminderClaim | 'sent' | 'busy'>;
  markSent(claim: ReminderClaim, sentAt: string, via: 'personal' | 'channel'): Promise<void>;
}
