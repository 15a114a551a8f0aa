/** Where a candidate stands: proposed, being voted on, chosen as the priority, kept to watch, or withdrawn. */
export type CandidateStatus = 'open' | 'in-vote' | 'chosen' | 'watch-list' | 'withdrawn';

/** The free-text parts of a candidate: the problem, its evidence and the three coaching questions (CA-1, CA-2). */
export type CandidateText = {
  readonly title: string;
  readonly description: string | null;
  readonly evidence: string | null;
  /** Coaching question 1: the obstacles met. */
  readonly obstacles: string | null;
  /** Coaching question 2: their impact on daily and long-term goals. */
  readonly impact: string | null;
  /** Coaching question 3: the outcome wanted. */
  readonly outcomeWanted: string | null;
};

/** A proposed priority. */
export type Candidate = CandidateText & {
  readonly id: string;
  readonly teamId: string;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly status: CandidateStatus;
  readonly updatedAt: string;
};
