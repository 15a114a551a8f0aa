import { respondToConsent, type ConsentAnswer, type ConsentResponse } from '../voting/consent-round';
import { fail, ok, type Result } from '../voting/result';
import { checkNow, checkText } from './board-rules';
import type { BoardActor } from './swot-types';
import { MAX_VISION_TEXT_LENGTH } from './vision-drafts';
import type { AdoptedVision, VisionDraft, VisionProposal, VisionResponse } from './vision-types';

/**
 * The facilitator merges drafts into one proposed vision and opens its consent check; one check at a time
 * (VI-5). The member who proposes facilitates it.
 */
export function proposeVision(input: {
  readonly id: string;
  readonly teamId: string;
  readonly text: string;
  readonly draftIds: readonly string[];
  readonly drafts: readonly VisionDraft[];
  readonly proposals: readonly VisionProposal[];
  readonly actor: BoardActor;
  readonly now: string;
}): Result<VisionProposal> {
  const now = checkNow(input.now);
  if (!now.ok) return now;
  const open = input.proposals.find((proposal) => proposal.status === 'open');
  if (open) return fail('proposal', 'a consent check is already running; close it first');
  const draftIds = [...new Set(input.draftIds)];
  if (draftIds.length === 0) return fail('draftIds', 'merge at least one draft');
  for (const draftId of draftIds) {
    const draft = input.drafts.find((each) => each.id === draftId);
    if (!draft) return fail('draftIds', `no draft "${draftId}" on this board`);
    if (draft.status !== 'draft')
      return fail('draftIds', `the draft by ${draft.authorName} is ${draft.status}`);
  }
  const text = checkText('text', input.text, MAX_VISION_TEXT_LENGTH);
  if (!text.ok) return text;
  return ok({
    id: input.id,
    teamId: input.teamId,
    text: text.value,
    draftIds,
    facilitatorId: input.actor.memberId,
    facilitatorName: input.actor.name,
    openedAt: input.now,
    status: 'open',
    responses: [],
    closedAt: null,
  });
}

/** A member answers the consent check: consent, stand aside, or object with a reason; the latest counts (VI-6). */
export function respondToVision(
  proposal: VisionProposal,
  input: {
    readonly answer: ConsentAnswer;
    readonly reason?: string;
    readonly actor: BoardActor;
    readonly now: string;
  },
): Result<VisionProposal> {
  if (proposal.status !== 'open') return fail('proposal', 'this consent check is closed');
  const at = checkNow(input.now);
  if (!at.ok) return at;
  const current = new Map<string, ConsentResponse>(
    proposal.responses.map((response) => [response.memberId, { ...response }]),
  );
  const answered = respondToConsent(
    current,
    {
      memberId: input.actor.memberId,
      answer: input.answer,
      ...(input.reason === undefined ? {} : { reason: input.reason }),
    },
    input.now,
  );
  if (!answered.ok) return answered;
  const mine = answered.value.get(input.actor.memberId) as ConsentResponse;
  const response: VisionResponse = { ...mine, memberName: input.actor.name };
  return ok({
    ...proposal,
    responses: [...proposal.responses.filter((each) => each.memberId !== input.actor.memberId), response],
  });
}

/** True for the proposal's facilitator and the team's owners. */
export function facilitatesVision(proposal: VisionProposal, actor: BoardActor): boolean {
  return actor.isTeamOwner || proposal.facilitatorId === actor.memberId;
}

/**
 * The facilitator closes the check once someone has answered: adopted when nobody objects, otherwise
 * objected with the reasons; an adopted vision supersedes the one before (VI-7, VI-8).
 */
export function closeVisionProposal(
  proposal: VisionProposal,
  input: {
    readonly actor: BoardActor;
    readonly now: string;
    readonly adoptionId: string;
    readonly current: AdoptedVision | null;
  },
): Result<{ proposal: VisionProposal; adopted: AdoptedVision | null }> {
  if (proposal.status !== 'open') return fail('proposal', 'this consent check is already closed');
  if (!facilitatesVision(proposal, input.actor))
    return fail(
      'proposal',
      `only the facilitator (${proposal.facilitatorName}) or a team owner can close it`,
    );
  const at = checkNow(input.now);
  if (!at.ok) return at;
  if (proposal.responses.length === 0) return fail('proposal', 'wait until at least one member has answered');
  const objected = proposal.responses.some((response) => response.answer === 'object');
  const closed: VisionProposal = {
    ...proposal,
    status: objected ? 'objected' : 'adopted',
    closedAt: input.now,
  };
  if (objected) return ok({ proposal: closed, adopted: null });
  return ok({
    proposal: closed,
    adopted: {
      id: input.adoptionId,
      teamId: proposal.teamId,
      proposalId: proposal.id,
      text: proposal.text,
      adoptedAt: input.now,
      adoptedBy: input.actor.memberId,
      consents: proposal.responses.filter((response) => response.answer === 'consent').length,
      standAsides: proposal.responses.filter((response) => response.answer === 'stand-aside').length,
      supersedes: input.current?.id ?? null,
    },
  });
}
