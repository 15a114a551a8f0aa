import { fail, ok, type Result } from '../voting/result';
import { checkNow, checkOpen, checkText, isFacilitator } from './board-rules';
import type { BoardActor, SwotSession } from './swot-types';

/** Dots each member gets when the facilitator does not say (SW-11). */
export const DEFAULT_DOTS_PER_MEMBER = 5;
export const MAX_DOTS_PER_MEMBER = 20;
export const MAX_SESSION_TITLE_LENGTH = 100;

export type OpenSwotSessionInput = {
  readonly id: string;
  readonly teamId: string;
  readonly title?: string | null;
  readonly dotsPerMember?: number | null;
  readonly actor: BoardActor;
  readonly now: string;
  /** The team's sessions so far: only one may be open at a time (SW-1). */
  readonly existing: readonly SwotSession[];
};

/** Opens a SWOT session; the member who opens it facilitates it (SW-1, SW-11). */
export function openSwotSession(input: OpenSwotSessionInput): Result<SwotSession> {
  const now = checkNow(input.now);
  if (!now.ok) return now;
  const open = input.existing.find((session) => session.status === 'open');
  if (open) return fail('session', `"${open.title}" is still open; close it before opening another`);
  const title =
    input.title === undefined || input.title === null || input.title.trim() === ''
      ? ok(`SWOT ${input.now.slice(0, 10)}`)
      : checkText('title', input.title, MAX_SESSION_TITLE_LENGTH);
  if (!title.ok) return title;
  const dots = checkDotsPerMember(input.dotsPerMember ?? DEFAULT_DOTS_PER_MEMBER);
  if (!dots.ok) return dots;
  return ok({
    id: input.id,
    teamId: input.teamId,
    title: title.value,
    status: 'open',
    dotsPerMember: dots.value,
    openedBy: input.actor.memberId,
    openedByName: input.actor.name,
    openedAt: input.now,
    closedAt: null,
    closedBy: null,
  });
}

/** Closes a session: only its facilitator or a team owner, and only once (SW-2, SW-3). */
export function closeSwotSession(session: SwotSession, actor: BoardActor, now: string): Result<SwotSession> {
  const open = checkOpen(session);
  if (!open.ok) return open;
  if (!isFacilitator(session, actor))
    return fail('session', `only the facilitator (${session.openedByName}) or a team owner can close it`);
  const checked = checkNow(now);
  if (!checked.ok) return checked;
  return ok({ ...session, status: 'closed', closedAt: now, closedBy: actor.memberId });
}

/** Changes how many dots each member has; dots already placed stay (SW-11). */
export function setDotsPerMember(
  session: SwotSession,
  actor: BoardActor,
  dotsPerMember: number,
): Result<SwotSession> {
  const open = checkOpen(session);
  if (!open.ok) return open;
  if (!isFacilitator(session, actor))
    return fail('dotsPerMember', 'only the facilitator or a team owner can change the dots per member');
  const dots = checkDotsPerMember(dotsPerMember);
  if (!dots.ok) return dots;
  return ok({ ...session, dotsPerMember: dots.value });
}

function checkDotsPerMember(value: number): Result<number> {
  return Number.isInteger(value) && value >= 1 && value <= MAX_DOTS_PER_MEMBER
    ? ok(value)
    : fail('dotsPerMember', `expected a whole number from 1 to ${MAX_DOTS_PER_MEMBER}`);
}
