import type { Tally } from './tally-types';

/** The four ways a team can choose one priority; ranked choice (instant runoff) is the default. */
export type VotingMethod = 'ranked-choice' | 'dot' | 'approval' | 'score';

/** All voting methods, in the order a card should offer them. */
export const VOTING_METHODS: readonly VotingMethod[] = ['ranked-choice', 'dot', 'approval', 'score'];

/** When members can see the tally: only once the vote is closed, or live while it is open. */
export type ResultsVisibility = 'after-close' | 'live';

/** The settings a vote runs with, every default already applied. */
export type VoteSettings = {
  readonly method: VotingMethod;
  /** Close as soon as every team member has a ballot in, even before `closesAt`. */
  readonly closeWhenAllVoted: boolean;
  readonly resultsVisibility: ResultsVisibility;
  /** Anonymous ballots: concerns and turnout are shown without names. */
  readonly anonymous: boolean;
  /** Share of team members (0..1) whose ballots are needed for the vote to count. */
  readonly quorum: number;
  /** After the vote, the winner is adopted only if nobody objects in a consent round. */
  readonly consentRound: boolean;
  /** Dot voting: dots each member may place. */
  readonly dotsPerMember: number;
  /** Dot voting: most dots one member may place on one candidate. */
  readonly maxDotsPerCandidate: number;
};

/** A candidate as the vote sees it: a snapshot taken when the vote opened. */
export type VoteCandidate = {
  readonly id: string;
  readonly title: string;
  /** Used by the last-resort elimination tie-break (T-3): the candidate proposed later goes first. */
  readonly proposedAt: string;
};

/** What the team decided about the active priority before voting on a new one (P-2). */
export type PriorityDisposition =
  | { readonly priorityId: string; readonly kind: 'completed' }
  | { readonly priorityId: string; readonly kind: 'replaced'; readonly reason: string };

/** How the facilitator settled a tie for the win (T-6). */
export type TieResolution = {
  readonly tiedCandidateIds: readonly string[];
  readonly chosenId: string;
  readonly reason: string;
};

/** The outcome of a closed vote. */
export type VoteOutcome =
  | { readonly kind: 'decided'; readonly winnerId: string; readonly tieResolution: TieResolution | null }
  | { readonly kind: 'tied'; readonly candidateIds: readonly string[] }
  | { readonly kind: 'no-quorum'; readonly needed: number };

/** How many members voted out of how many could. */
export type Turnout = { readonly voted: number; readonly teamSize: number };

/** A concern written on a ballot; `memberId` is null on anonymous votes. */
export type Concern = { readonly id: string; readonly text: string; readonly memberId: string | null };

type VoteFields = {
  readonly id: string;
  readonly teamId: string;
  readonly title: string;
  /** In proposal order; at least two. */
  readonly candidates: readonly VoteCandidate[];
  readonly settings: VoteSettings;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly closesAt: string;
  readonly currentPriorityDisposition: PriorityDisposition | null;
  /** The vote this one is a runoff of, if any. */
  readonly runoffOf: string | null;
};

/** A vote that accepts ballots. */
export type OpenVote = VoteFields & { readonly status: 'open' };

/** A vote that no longer accepts ballots, with its outcome. */
export type ClosedVote = VoteFields & {
  readonly status: 'closed';
  readonly closedAt: string;
  readonly closedBy: string;
  readonly outcome: VoteOutcome;
  /** Null when the vote closed without quorum: hidden results stay hidden if it is extended. */
  readonly tally: Tally | null;
  readonly turnout: Turnout;
  readonly concerns: readonly Concern[];
};

/** A vote on choosing one priority, open or closed. */
export type Vote = OpenVote | ClosedVote;
