import type { Identity } from '../api';
import { requestEarly } from '../early-requests';

/** Where a team's SWOT sessions are listed (and opened). */
export const sessionsPath = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}/swot`;

/** The board of the session the list names `current`. */
export const currentBoardPath = (teamId: string) => `${sessionsPath(teamId)}/current`;

/**
 * Asks for the SWOT view's first data (the sessions and the current board, at once) from the page itself,
 * not the view's lazily loaded code: neither waits for that code, nor the board for the list.
 */
export function requestSwotEarly(identity: Identity, teamId: string): void {
  requestEarly(identity, sessionsPath(teamId));
  requestEarly(identity, currentBoardPath(teamId));
}
