/** The choice part of a ranked-choice ballot: candidate ids, most preferred first. */
export type RankedChoice = { readonly method: 'ranked-choice'; readonly ranking: readonly string[] };

/** The choice part of a dot ballot: dots per candidate id. */
export type DotChoice = { readonly method: 'dot'; readonly dots: Readonly<Record<string, number>> };

/** The choice part of an approval ballot: the candidate ids the member approves. */
export type ApprovalChoice = { readonly method: 'approval'; readonly approved: readonly string[] };

/** The choice part of a score ballot: 0..5 per candidate id (missing counts as 0). */
export type ScoreChoice = { readonly method: 'score'; readonly scores: Readonly<Record<string, number>> };

/** The choice part of any ballot, discriminated by method. */
export type BallotChoice = RankedChoice | DotChoice | ApprovalChoice | ScoreChoice;

/** A ballot as a member submits it (the time is stamped by `castBallot`). */
export type BallotInput = BallotChoice & {
  readonly memberId: string;
  /** Optional concern to be answered by the facilitator when the decision is recorded. */
  readonly concern?: string;
};

/** A validated, accepted ballot. */
export type Ballot = BallotChoice & {
  readonly voteId: string;
  readonly memberId: string;
  readonly castAt: string;
  readonly concern: string | null;
};

/** The ballots that count: the latest one per member, keyed by member id. */
export type CurrentBallots = ReadonlyMap<string, Ballot>;
