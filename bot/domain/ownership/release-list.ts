import { fail, ok, type ConsentResponses, type Result } from '../voting';
import { parseInstant } from '../voting/time';
import { hasAnyRole, type Actor } from './actor';
import { checkId, checkText } from './text';

/** Where an item of the release list stands (RL-1). */
export type ReleaseStatus = 'proposed' | 'decided' | 'withdrawn';

/** Something the team proposes to stop doing to make time for the priority. */
export type ReleaseItem = {
  readonly id: string;
  readonly teamId: string;
  readonly text: string;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly status: ReleaseStatus;
  /** When decided or withdrawn, and by whom. */
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  /** How the consent round went, once decided. */
  readonly consent: { readonly consents: number; readonly standAsides: number } | null;
};

/** What a consent round on a release item concluded (RL-4, RL-5). */
export type ReleaseOutcome =
  | { readonly kind: 'decided'; readonly item: ReleaseItem }
  | {
      readonly kind: 'objected';
      readonly item: ReleaseItem;
      readonly objections: readonly { readonly memberId: string; readonly reason: string }[];
    };

/** Everything needed to propose an item. */
export type ProposeReleaseItemInput = {
  readonly id: string;
  readonly teamId: string;
  readonly text: string;
  readonly proposedBy: string;
  readonly now: string;
};

export const MAX_RELEASE_TEXT_LENGTH = 300;

/** Puts an item on the release list as proposed (RL-1, RL-2). */
export function proposeReleaseItem(input: ProposeReleaseItemInput): Result<ReleaseItem> {
  const text = checkText('text', input.text, { min: 1, max: MAX_RELEASE_TEXT_LENGTH });
  if (!text.ok) return text;
  const proposedBy = checkId('proposedBy', input.proposedBy);
  if (!proposedBy.ok) return proposedBy;
  if (parseInstant(input.now) === null) return fail('now', 'expected an ISO date-time');
  return ok({
    id: input.id,
    teamId: input.teamId,
    text: text.value,
    proposedBy: proposedBy.value,
    proposedAt: input.now,
    status: 'proposed',
    closedAt: null,
    closedBy: null,
    consent: null,
  });
}

/** The proposer withdraws a proposed item (RL-3). */
export function withdrawReleaseItem(
  item: ReleaseItem,
  acting: { readonly by: string; readonly now: string },
): Result<ReleaseItem> {
  if (item.status !== 'proposed')
    return fail('status', `only a proposed item can be withdrawn, this one is ${item.status}`);
  if (acting.by !== item.proposedBy) return fail('by', 'only the member who proposed it withdraws it');
  if (parseInstant(acting.now) === null) return fail('now', 'expected an ISO date-time');
  return ok({ ...item, status: 'withdrawn', closedAt: acting.now, closedBy: acting.by });
}

/**
 * A facilitator concludes the consent round on a proposed item, with responses recorded by the voting
 * domain's `respondToConsent`: decided when nobody objects, otherwise the objections and the item unchanged (RL-4..RL-6).
 */
export function decideReleaseItem(
  item: ReleaseItem,
  responses: ConsentResponses,
  acting: { readonly actor: Actor; readonly now: string },
): Result<ReleaseOutcome> {
  if (item.status !== 'proposed')
    return fail('status', `only a proposed item can be decided, this one is ${item.status}`);
  if (!hasAnyRole(acting.actor, 'facilitator'))
    return fail('actor', 'only a facilitator closes a consent round');
  if (parseInstant(acting.now) === null) return fail('now', 'expected an ISO date-time');
  const all = [...responses.values()];
  if (all.length === 0) return fail('responses', 'nobody has responded yet');
  const objections = all
    .filter((r) => r.answer === 'object')
    .map((r) => ({ memberId: r.memberId, reason: r.reason ?? '' }));
  if (objections.length > 0) return ok({ kind: 'objected', item, objections });
  return ok({
    kind: 'decided',
    item: {
      ...item,
      status: 'decided',
      closedAt: acting.now,
      closedBy: acting.actor.memberId,
      consent: {
        consents: all.filter((r) => r.answer === 'consent').length,
        standAsides: all.filter((r) => r.answer === 'stand-aside').length,
      },
    },
  });
}

/** The decision-log entry for a release the team decided by consent (RL-7); like ending a priority, not a vote `Decision`. */
export type ReleaseDecision = {
  readonly id: string;
  readonly teamId: string;
  readonly kind: 'release-decided';
  /** What the team stops doing: the item's text. */
  readonly title: string;
  readonly releaseId: string;
  /** The priority it makes room for, when one was active. */
  readonly priority: { readonly id: string; readonly title: string } | null;
  readonly proposedBy: string;
  readonly consents: number;
  readonly standAsides: number;
  readonly decidedAt: string;
  readonly decidedBy: string;
  readonly supersedes: null;
};

/** The decision recording a decided item, for the decision log (RL-7). */
export function releaseDecision(
  item: ReleaseItem,
  input: {
    readonly decisionId: string;
    readonly priority: { readonly id: string; readonly title: string } | null;
  },
): Result<ReleaseDecision> {
  if (item.status !== 'decided' || item.closedAt === null || item.closedBy === null || item.consent === null)
    return fail('status', `only a decided item is a decision, this one is ${item.status}`);
  const decisionId = checkId('decisionId', input.decisionId);
  if (!decisionId.ok) return decisionId;
  return ok({
    id: decisionId.value,
    teamId: item.teamId,
    kind: 'release-decided',
    title: item.text,
    releaseId: item.id,
    priority: input.priority ? { id: input.priority.id, title: input.priority.title } : null,
    proposedBy: item.proposedBy,
    consents: item.consent.consents,
    standAsides: item.consent.standAsides,
    decidedAt: item.closedAt,
    decidedBy: item.closedBy,
    supersedes: null,
  });
}
