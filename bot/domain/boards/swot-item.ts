import { fail, ok, type Result } from '../voting/result';
import { checkNow, checkOpen, checkText, isFacilitator } from './board-rules';
import {
  QUADRANTS,
  type BoardActor,
  type Evidence,
  type ItemTag,
  type Quadrant,
  type SwotGroup,
  type SwotItem,
  type SwotSession,
} from './swot-types';

export const MAX_ITEM_TEXT_LENGTH = 500;
export const MAX_EVIDENCE = 5;
export const MAX_EVIDENCE_NOTE_LENGTH = 500;
export const MAX_EVIDENCE_URL_LENGTH = 2000;

/** An item's editable parts as a member gives them. */
export type SwotItemText = {
  readonly text: string;
  readonly tag?: ItemTag | null;
  readonly evidence?: readonly Evidence[];
};

export type CreateSwotItemInput = SwotItemText & {
  readonly id: string;
  readonly quadrant: Quadrant;
  readonly groupId?: string | null;
  readonly actor: BoardActor;
  readonly now: string;
};

/** Any member adds an item to an open board (SW-4, SW-5). */
export function createSwotItem(
  session: SwotSession,
  input: CreateSwotItemInput,
  groups: readonly SwotGroup[],
): Result<SwotItem> {
  const open = checkOpen(session);
  if (!open.ok) return open;
  const now = checkNow(input.now);
  if (!now.ok) return now;
  if (!QUADRANTS.includes(input.quadrant)) return fail('quadrant', `expected one of ${QUADRANTS.join(', ')}`);
  const parts = checkItemText(input);
  if (!parts.ok) return parts;
  const groupId = input.groupId ?? null;
  const placed = checkGroup(groupId, input.quadrant, groups);
  if (!placed.ok) return placed;
  return ok({
    id: input.id,
    sessionId: session.id,
    quadrant: input.quadrant,
    ...parts.value,
    groupId,
    authorId: input.actor.memberId,
    authorName: input.actor.name,
    createdAt: input.now,
    updatedAt: input.now,
    updatedBy: input.actor.memberId,
    promotion: null,
  });
}

/** True when the actor may edit or delete the item: its author, the facilitator or a team owner (SW-6). */
export function canChangeItem(session: SwotSession, item: SwotItem, actor: BoardActor): boolean {
  return item.authorId === actor.memberId || isFacilitator(session, actor);
}

/** Edits an item's text, tag or evidence (SW-6); what is left out stays. */
export function editSwotItem(
  session: SwotSession,
  item: SwotItem,
  changes: Partial<SwotItemText>,
  actor: BoardActor,
  now: string,
): Result<SwotItem> {
  const allowed = checkChange(session, item, actor, 'edit');
  if (!allowed.ok) return allowed;
  const parts = checkItemText({
    text: changes.text ?? item.text,
    tag: changes.tag === undefined ? item.tag : changes.tag,
    evidence: changes.evidence ?? item.evidence,
  });
  if (!parts.ok) return parts;
  const checked = checkNow(now);
  if (!checked.ok) return checked;
  return ok({ ...item, ...parts.value, updatedAt: now, updatedBy: actor.memberId });
}

/** Checks that the actor may delete the item (SW-6); the caller removes it. */
export function checkDeleteSwotItem(
  session: SwotSession,
  item: SwotItem,
  actor: BoardActor,
): Result<SwotItem> {
  return checkChange(session, item, actor, 'delete');
}

/**
 * Moves an item into a group, or out of any group into a quadrant (SW-8). Grouping is the team's shared
 * sense-making, so any member may move any item; a group carries its quadrant with it.
 */
export function moveSwotItem(
  session: SwotSession,
  item: SwotItem,
  to: { readonly groupId: string | null; readonly quadrant?: Quadrant },
  groups: readonly SwotGroup[],
  actor: BoardActor,
  now: string,
): Result<SwotItem> {
  const open = checkOpen(session);
  if (!open.ok) return open;
  const checked = checkNow(now);
  if (!checked.ok) return checked;
  const group = to.groupId === null ? null : groups.find((candidate) => candidate.id === to.groupId);
  if (group === undefined) return fail('groupId', 'no such group on this board');
  const quadrant = group?.quadrant ?? to.quadrant ?? item.quadrant;
  if (!QUADRANTS.includes(quadrant)) return fail('quadrant', `expected one of ${QUADRANTS.join(', ')}`);
  if (group && to.quadrant !== undefined && to.quadrant !== group.quadrant)
    return fail('quadrant', `the group "${group.name}" is in ${group.quadrant}`);
  return ok({
    ...item,
    quadrant,
    groupId: group?.id ?? null,
    updatedAt: now,
    updatedBy: actor.memberId,
  });
}

function checkChange(
  session: SwotSession,
  item: SwotItem,
  actor: BoardActor,
  verb: 'edit' | 'delete',
): Result<SwotItem> {
  const open = checkOpen(session);
  if (!open.ok) return open;
  if (!canChangeItem(session, item, actor))
    return fail('item', `only its author (${item.authorName}) or the facilitator can ${verb} this item`);
  return ok(item);
}

function checkGroup(groupId: string | null, quadrant: Quadrant, groups: readonly SwotGroup[]): Result<null> {
  if (groupId === null) return ok(null);
  const group = groups.find((candidate) => candidate.id === groupId);
  if (!group) return fail('groupId', 'no such group on this board');
  if (group.quadrant !== quadrant)
    return fail('groupId', `the group "${group.name}" is in ${group.quadrant}`);
  return ok(null);
}

/** Trims and checks an item's text (1..500), tag and evidence (up to 5 http(s) links or notes) (SW-5). */
export function checkItemText(
  input: SwotItemText,
): Result<{ text: string; tag: ItemTag | null; evidence: readonly Evidence[] }> {
  const text = checkText('text', input.text, MAX_ITEM_TEXT_LENGTH);
  if (!text.ok) return text;
  const tag = input.tag ?? null;
  if (tag !== null && tag !== 'symptom' && tag !== 'root-cause')
    return fail('tag', 'expected symptom, root-cause or none');
  const given = input.evidence ?? [];
  if (given.length > MAX_EVIDENCE) return fail('evidence', `expected at most ${MAX_EVIDENCE} pieces`);
  const evidence: Evidence[] = [];
  for (const [index, piece] of given.entries()) {
    const checked = checkEvidence(`evidence[${index}]`, piece);
    if (!checked.ok) return checked;
    evidence.push(checked.value);
  }
  return ok({ text: text.value, tag, evidence });
}

function checkEvidence(field: string, piece: Evidence): Result<Evidence> {
  if (piece.kind === 'note') {
    const text = checkText(field, piece.text, MAX_EVIDENCE_NOTE_LENGTH);
    return text.ok ? ok({ kind: 'note', text: text.value }) : text;
  }
  const url = typeof piece.url === 'string' ? piece.url.trim() : '';
  if (url.length > MAX_EVIDENCE_URL_LENGTH)
    return fail(field, `expected at most ${MAX_EVIDENCE_URL_LENGTH} characters`);
  return isWebLink(url) ? ok({ kind: 'url', url }) : fail(field, 'expected an http:// or https:// link');
}

function isWebLink(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
}
