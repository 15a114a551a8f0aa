import type { Candidate } from '../domain/candidates';
import type { DecisionLogEntry, LoggedDecision, Priority, WatchListEntry } from '../domain/decisions';
import type {
  Ballot,
  ConsentOutcome,
  ConsentResponse,
  ConsentResponses,
  ConsentRound,
  CurrentBallots,
  Vote,
} from '../domain/voting';
import type { TeamRef, Versioned } from './team-ref';

/** Where a vote's ballot card was posted, so it can be updated for everyone later. */
export interface BallotCardRef {
  conversationId: string;
  activityId: string;
  /** The Teams adapter's conversation reference, opaque here. */
  reference: Record<string, unknown>;
}

/** A vote as stored: the domain vote plus where its card lives. */
export interface StoredVote {
  vote: Vote;
  card: BallotCardRef | null;
  /** Set while a close is in progress, so ballots stop being accepted before the tally is read. */
  closing: boolean;
  /** The ballots the close counted (member → castAt), so a ballot racing the close learns whether it counts. */
  counted: Record<string, string> | null;
  /** The decision announced from this vote, once announced. */
  decisionId: string | null;
  /** The consent round on the winner, when the vote asks for one. */
  consent: { round: ConsentRound; card: BallotCardRef | null; outcome: ConsentOutcome | null } | null;
}

/** Answers to consent rounds: one current answer per member and round. */
export interface ConsentBox {
  respond(team: TeamRef, roundId: string, response: ConsentResponse): Promise<void>;
  responses(team: TeamRef, roundId: string): Promise<ConsentResponses>;
}

/** Proposed priorities of a team. */
export interface CandidateStore {
  create(team: TeamRef, candidate: Candidate): Promise<void>;
  get(team: TeamRef, candidateId: string): Promise<Versioned<Candidate> | null>;
  list(team: TeamRef): Promise<Candidate[]>;
  /** Conditional on the ETag read; throws ConflictError when someone changed it first. */
  update(team: TeamRef, candidate: Candidate, etag: string): Promise<void>;
}

/** Votes of a team. */
export interface VoteStore {
  create(team: TeamRef, vote: StoredVote): Promise<void>;
  get(team: TeamRef, voteId: string): Promise<Versioned<StoredVote> | null>;
  /** Conditional on the ETag read; throws ConflictError when someone changed it first. */
  update(team: TeamRef, vote: StoredVote, etag: string): Promise<string>;
  listOpen(team: TeamRef): Promise<StoredVote[]>;
}

/** What a cast recorded: this ballot, or the one its delivery already recorded (a redelivery). */
export interface CastOutcome {
  recorded: Ballot;
  redelivered: boolean;
}

/** Ballots: one current ballot per member and vote, and every earlier ballot kept as history. */
export interface BallotBox {
  /**
   * Records the member's ballot. `deliveryId` (the invoke's activity id) keys its history row, so the
   * same delivery twice records once and answers the ballot it recorded.
   */
  cast(team: TeamRef, ballot: Ballot, deliveryId: string | null): Promise<CastOutcome>;
  current(team: TeamRef, voteId: string): Promise<CurrentBallots>;
  currentOf(team: TeamRef, voteId: string, memberId: string): Promise<Ballot | null>;
  /** Every ballot cast in the vote, changed ones included, oldest first per member; for verification. */
  history(team: TeamRef, voteId: string): Promise<Ballot[]>;
}

/**
 * The team's append-only, hash-chained decision log (bot/domain/decisions/SPEC.md): vote decisions, and the
 * releases and ended priorities that were not voted on (L-8); narrow with `isVoteDecision` and its siblings.
 */
export interface DecisionLog {
  /**
   * Insert-only: a decision is never replaced or deleted. Chains it after the last entry (L-1, L-3);
   * throws ConflictError when the decision is already in the log.
   */
  append(team: TeamRef, decision: LoggedDecision): Promise<void>;
  /** Newest first. */
  recent(team: TeamRef, limit: number): Promise<LoggedDecision[]>;
  get(team: TeamRef, decisionId: string): Promise<LoggedDecision | null>;
  /** The whole log as stored, oldest first, with each entry's chain link; for verification. */
  entries(team: TeamRef): Promise<DecisionLogEntry[]>;
}

/** What the team has decided so far: the one active priority and the watch list. */
export interface TeamPriorityState {
  activePriority: Priority | null;
  watchList: WatchListEntry[];
  /** Earlier priorities, newest first. */
  pastPriorities: Priority[];
}

export interface TeamStateStore {
  get(team: TeamRef): Promise<Versioned<TeamPriorityState> | null>;
  /** Creates (etag null) or replaces conditionally; throws ConflictError on a concurrent change. */
  save(team: TeamRef, state: TeamPriorityState, etag: string | null): Promise<void>;
}
