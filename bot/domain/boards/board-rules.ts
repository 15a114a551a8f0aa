import { fail, ok, type Result } from '../voting/result';
import { parseInstant } from '../voting/time';
import type { BoardActor, SwotSession } from './swot-types';

/** True for the session's facilitator and for the team's owners (SW-3). */
export function isFacilitator(session: SwotSession, actor: BoardActor): boolean {
  return actor.isTeamOwner || session.openedBy === actor.memberId;
}

/** A closed board is read-only (SW-2). */
export function checkOpen(session: SwotSession): Result<SwotSession> {
  return session.status === 'open'
    ? ok(session)
    : fail('session', 'this SWOT board is closed and read-only; open a new session to keep working');
}

/** Trims and checks a required single text field. */
export function checkText(field: string, value: unknown, max: number): Result<string> {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length < 1 || text.length > max) return fail(field, `expected 1 to ${max} characters`);
  return ok(text);
}

/** Checks an ISO instant passed in as "now". */
export function checkNow(now: string): Result<string> {
  return parseInstant(now) === null ? fail('now', 'expected an ISO date-time') : ok(now);
}
