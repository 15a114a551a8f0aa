import { fail, ok, type Result } from '../voting/result';
import { checkNow, checkText } from './board-rules';
import type { BoardActor } from './swot-types';
import type { VisionDraft } from './vision-types';

export const MAX_VISION_TEXT_LENGTH = 1000;
export const MAX_COMMENT_LENGTH = 500;
export const MAX_COMMENTS = 100;

/** Any member drafts a vision statement (VI-1). */
export function createVisionDraft(input: {
  readonly id: string;
  readonly teamId: string;
  readonly text: string;
  readonly actor: BoardActor;
  readonly now: string;
}): Result<VisionDraft> {
  const now = checkNow(input.now);
  if (!now.ok) return now;
  const text = checkText('text', input.text, MAX_VISION_TEXT_LENGTH);
  if (!text.ok) return text;
  return ok({
    id: input.id,
    teamId: input.teamId,
    text: text.value,
    authorId: input.actor.memberId,
    authorName: input.actor.name,
    createdAt: input.now,
    updatedAt: input.now,
    supporters: [],
    comments: [],
    status: 'draft',
  });
}

/** True when the actor may edit or withdraw the draft: its author or a team owner (VI-2). */
export function canChangeDraft(draft: VisionDraft, actor: BoardActor): boolean {
  return draft.authorId === actor.memberId || actor.isTeamOwner;
}

/** Its author (or a team owner) rewrites a draft while it is still a draft (VI-2). */
export function editVisionDraft(
  draft: VisionDraft,
  text: string,
  actor: BoardActor,
  now: string,
): Result<VisionDraft> {
  const allowed = checkDraftChange(draft, actor);
  if (!allowed.ok) return allowed;
  const checked = checkText('text', text, MAX_VISION_TEXT_LENGTH);
  if (!checked.ok) return checked;
  const at = checkNow(now);
  return at.ok ? ok({ ...draft, text: checked.value, updatedAt: now }) : at;
}

/** Withdraws a draft; it stays visible as withdrawn (VI-2). */
export function withdrawVisionDraft(draft: VisionDraft, actor: BoardActor, now: string): Result<VisionDraft> {
  const allowed = checkDraftChange(draft, actor);
  if (!allowed.ok) return allowed;
  const at = checkNow(now);
  return at.ok ? ok({ ...draft, status: 'withdrawn', updatedAt: now }) : at;
}

/** Gives or takes back a +1; idempotent; nobody +1s their own draft (VI-3). */
export function supportVisionDraft(draft: VisionDraft, actor: BoardActor, on: boolean): Result<VisionDraft> {
  if (draft.status !== 'draft') return fail('draft', `this draft is ${draft.status}`);
  if (draft.authorId === actor.memberId) return fail('draft', 'react to other members’ drafts, not your own');
  const others = draft.supporters.filter((memberId) => memberId !== actor.memberId);
  // A +1 given again keeps its place: giving it twice changes nothing.
  if (on && others.length < draft.supporters.length)
    return ok({ ...draft, supporters: [...draft.supporters] });
  return ok({ ...draft, supporters: on ? [...others, actor.memberId] : others });
}

/** Any member comments on a draft, up to 100 comments (VI-4). */
export function commentOnVisionDraft(
  draft: VisionDraft,
  input: { readonly id: string; readonly text: string; readonly actor: BoardActor; readonly now: string },
): Result<VisionDraft> {
  if (draft.status === 'withdrawn') return fail('draft', 'this draft was withdrawn');
  if (draft.comments.length >= MAX_COMMENTS)
    return fail('draft', `a draft takes at most ${MAX_COMMENTS} comments`);
  const text = checkText('text', input.text, MAX_COMMENT_LENGTH);
  if (!text.ok) return text;
  const at = checkNow(input.now);
  if (!at.ok) return at;
  const comment = {
    id: input.id,
    authorId: input.actor.memberId,
    authorName: input.actor.name,
    text: text.value,
    at: input.now,
  };
  return ok({ ...draft, comments: [...draft.comments, comment] });
}

function checkDraftChange(draft: VisionDraft, actor: BoardActor): Result<VisionDraft> {
  if (draft.status !== 'draft')
    return fail('draft', `this draft is ${draft.status} and can no longer change`);
  if (!canChangeDraft(draft, actor))
    return fail('draft', `only its author (${draft.authorName}) can change it`);
  return ok(draft);
}
