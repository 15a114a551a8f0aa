import type { ConsentAnswer } from '../voting/consent-round';

/** A comment on a vision draft. */
export type VisionComment = {
  readonly id: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly text: string;
  readonly at: string;
};

/** A vision statement a member drafts for the team to react to and merge (VI-1..VI-4). */
export type VisionDraft = {
  readonly id: string;
  readonly teamId: string;
  readonly text: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Members who gave it a +1 (never its author). */
  readonly supporters: readonly string[];
  readonly comments: readonly VisionComment[];
  /** `merged` once a vision built from it is adopted. */
  readonly status: 'draft' | 'merged' | 'withdrawn';
};

/** A member's answer in a vision's consent check (the vote domain's consent answers). */
export type VisionResponse = {
  readonly memberId: string;
  readonly memberName: string;
  readonly answer: ConsentAnswer;
  readonly reason: string | null;
  readonly respondedAt: string;
};

/** One proposed vision, merged from drafts by its facilitator and put to a consent check (VI-5..VI-8). */
export type VisionProposal = {
  readonly id: string;
  readonly teamId: string;
  readonly text: string;
  readonly draftIds: readonly string[];
  readonly facilitatorId: string;
  readonly facilitatorName: string;
  readonly openedAt: string;
  readonly status: 'open' | 'adopted' | 'objected';
  readonly responses: readonly VisionResponse[];
  readonly closedAt: string | null;
};

/** The team's vision as adopted: a decision, kept with every earlier version (VI-8, VI-9). */
export type AdoptedVision = {
  readonly id: string;
  readonly teamId: string;
  readonly proposalId: string;
  readonly text: string;
  readonly adoptedAt: string;
  readonly adoptedBy: string;
  readonly consents: number;
  readonly standAsides: number;
  /** The vision this one replaces; both stay in the history. */
  readonly supersedes: string | null;
};
