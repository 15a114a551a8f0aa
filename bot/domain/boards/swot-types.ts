/** The four quadrants of a SWOT board, in the order they are shown. */
export const QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** Whether an item names a symptom or a root cause (DOMAIN.md: "are you diagnosing the problem or the symptom?"). */
export type ItemTag = 'symptom' | 'root-cause';

/** What backs an item up: a link, or a short note (a figure, an observation). */
export type Evidence =
  { readonly kind: 'url'; readonly url: string } | { readonly kind: 'note'; readonly text: string };

/** Who acts on a board, and whether Teams says they own the team (owners stand in for the facilitator). */
export type BoardActor = {
  readonly memberId: string;
  readonly name: string;
  readonly isTeamOwner: boolean;
};

/** A SWOT session: one board, opened and closed by its facilitator; a closed board is read-only (SW-1..SW-3). */
export type SwotSession = {
  readonly id: string;
  readonly teamId: string;
  readonly title: string;
  readonly status: 'open' | 'closed';
  readonly dotsPerMember: number;
  /** The facilitator: the member who opened the session. */
  readonly openedBy: string;
  readonly openedByName: string;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
};

/** Where a promoted item or group went: the candidate priority made from it. */
export type Promotion = {
  readonly candidateId: string;
  readonly promotedBy: string;
  readonly promotedAt: string;
};

/** One sticky note on the board. */
export type SwotItem = {
  readonly id: string;
  readonly sessionId: string;
  readonly quadrant: Quadrant;
  readonly text: string;
  readonly tag: ItemTag | null;
  readonly evidence: readonly Evidence[];
  /** A group of the same quadrant, or null; a group that no longer exists counts as none (SW-9). */
  readonly groupId: string | null;
  readonly authorId: string;
  readonly authorName: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly promotion: Promotion | null;
};

/** A named theme that items of one quadrant are gathered under. */
export type SwotGroup = {
  readonly id: string;
  readonly sessionId: string;
  readonly quadrant: Quadrant;
  readonly name: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly promotion: Promotion | null;
};

/** One member's dots on one board: how many dots each item carries (SW-12). */
export type DotAllocation = {
  readonly memberId: string;
  readonly dots: Readonly<Record<string, number>>;
};
