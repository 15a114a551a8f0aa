/** Who comes out on top of a tally: one winner, or a tie that only the facilitator may settle (T-4). */
export type TallyOutcome =
  | { readonly kind: 'winner'; readonly candidateId: string }
  | { readonly kind: 'tied'; readonly candidateIds: readonly string[] };

/** How a tie for elimination was broken in an instant-runoff round (T-1..T-3). */
export type EliminationTieBreak =
  | {
      readonly rule: 'earlier-round';
      /** Every candidate that had the fewest votes in this round. */
      readonly tiedIds: readonly string[];
      /** The earlier round (1-based) whose counts decided. */
      readonly decidingRound: number;
    }
  | {
      readonly rule: 'proposed-later';
      readonly tiedIds: readonly string[];
      /** The candidates still level after looking back; the one proposed last was eliminated. */
      readonly stillTiedIds: readonly string[];
    };

/** One candidate's first-preference count in a round. */
export type RoundCount = { readonly candidateId: string; readonly votes: number };

/** One instant-runoff round. */
export type RankedChoiceRound = {
  /** 1-based. */
  readonly round: number;
  /** Continuing candidates, in vote order. */
  readonly counts: readonly RoundCount[];
  /** Ballots with no continuing candidate left. */
  readonly exhausted: number;
  /** Ballots still counting (total minus exhausted); a majority is more than half of this. */
  readonly continuing: number;
  readonly eliminated: string | null;
  readonly tieBreak: EliminationTieBreak | null;
};

/** A cell of the head-to-head table: how many ballots rank `candidateId` above `opponentId`. */
export type HeadToHead = {
  readonly candidateId: string;
  readonly opponentId: string;
  readonly preferredBy: number;
};

/** A candidate's place in the final standings (competition ranking: 1, 1, 3). */
export type Standing = {
  readonly candidateId: string;
  readonly place: number;
  /** Dots, approvals, score points, or for ranked choice the votes in the last round it took part in. */
  readonly total: number;
  /** Ranked choice only: the round in which it was eliminated. */
  readonly eliminatedInRound: number | null;
};

/** The tally of a ranked-choice (instant runoff) vote. */
export type RankedChoiceTally = {
  readonly method: 'ranked-choice';
  readonly ballotsCounted: number;
  readonly outcome: TallyOutcome;
  readonly standings: readonly Standing[];
  /** Who would win without the winner (RC-8); null when that is tied or there is no winner. */
  readonly runnerUp: string | null;
  readonly rounds: readonly RankedChoiceRound[];
  readonly headToHead: readonly HeadToHead[];
  readonly condorcetWinner: string | null;
  /** A Condorcet winner exists and it is not the runoff winner (RC-10). */
  readonly condorcetDisagrees: boolean;
};

/** The tally of a dot, approval or score vote: a total per candidate. */
export type TotalsTally = {
  readonly method: 'dot' | 'approval' | 'score';
  readonly ballotsCounted: number;
  readonly outcome: TallyOutcome;
  readonly standings: readonly Standing[];
  /** The unique next-highest total after the winner; null when tied or there is no winner. */
  readonly runnerUp: string | null;
  /** Per candidate, in vote order. */
  readonly totals: readonly RoundCount[];
};

/** The tally of any vote, discriminated by method. */
export type Tally = RankedChoiceTally | TotalsTally;
