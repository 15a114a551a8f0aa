import type {
  ConsentOutcome,
  HeadToHead,
  PriorityDisposition,
  RankedChoiceRound,
  Standing,
  TieResolution,
  Turnout,
  VotingMethod,
} from '../voting';

/** Whether a priority is the team's current one, or how it ended (`retired`: set aside without a vote). */
export type PriorityStatus = 'active' | 'completed' | 'replaced' | 'retired';

/** The one thing the team works on before all others (P-1). */
export type Priority = {
  readonly id: string;
  readonly teamId: string;
  readonly candidateId: string;
  readonly title: string;
  /** The amendment agreed in the consent round, if any. */
  readonly amendment: string | null;
  readonly decisionId: string;
  readonly chosenAt: string;
  readonly status: PriorityStatus;
  readonly endedAt: string | null;
  /** Why it was replaced; null while active or when completed. */
  readonly endReason: string | null;
};

/** A candidate kept to watch until the priority is tackled, with how it did in the vote (P-4). */
export type WatchListEntry = {
  readonly candidateId: string;
  readonly title: string;
  readonly place: number;
  readonly total: number;
  /** The vote the place and total come from (a runoff, or the vote before it). */
  readonly voteId: string;
};

/** A concern raised on a ballot and the facilitator's response to it (D-4). */
export type DecisionConcern = {
  readonly concernId: string;
  readonly text: string;
  readonly response: string;
};

/** What the announcement card shows of the vote behind a decision. */
export type DecisionResultSummary = {
  readonly voteId: string;
  readonly standings: readonly Standing[];
  /** Ranked choice only. */
  readonly rounds: readonly RankedChoiceRound[] | null;
  readonly condorcetWinner: string | null;
  readonly condorcetDisagrees: boolean;
  /** Ranked choice only: how many ballots rank each candidate above each other one. */
  readonly headToHead: readonly HeadToHead[] | null;
  readonly tieResolution: TieResolution | null;
  readonly consent: ConsentOutcome | null;
};

/** The kinds of decision in the log; more will join (release list, vision). */
export type DecisionKind = 'priority-chosen';

/** An entry in the team's append-only decision log (D-6). */
export type Decision = {
  readonly id: string;
  readonly teamId: string;
  readonly kind: DecisionKind;
  readonly title: string;
  readonly rationale: string;
  readonly method: VotingMethod;
  readonly turnout: Turnout;
  readonly result: DecisionResultSummary;
  readonly concerns: readonly DecisionConcern[];
  readonly watchList: readonly WatchListEntry[];
  /** What happened to the priority that was active before, if any. */
  readonly previousPriority: PriorityDisposition | null;
  readonly decidedAt: string;
  readonly decidedBy: string;
  /** The earlier decision this one supersedes; both stay in the log. */
  readonly supersedes: string | null;
};
