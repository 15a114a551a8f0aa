import { fail, ok, type Result } from './result';
import { isBefore, parseInstant } from './time';
import type { OpenVote, Vote } from './vote-types';

/** Optional id and closing time of a runoff; by default `<vote id>:runoff` and the original vote's duration. */
export type RunoffOptions = { readonly id?: string; readonly closesAt?: string };

/** Opens a new vote with the same settings among the candidates tied for the win (T-5). */
export function createRunoff(
  vote: Vote,
  tiedIds: readonly string[],
  now: string,
  options: RunoffOptions = {},
): Result<OpenVote> {
  if (vote.status !== 'closed' || vote.outcome.kind !== 'tied') {
    return fail('vote', 'a runoff follows a vote that closed with a tie');
  }
  if (parseInstant(now) === null) return fail('now', 'expected an ISO date-time');
  const tied = vote.outcome.candidateIds;
  const chosen = new Set(tiedIds);
  if (chosen.size !== tiedIds.length) return fail('tiedIds', 'a candidate is listed more than once');
  if (chosen.size < 2) return fail('tiedIds', 'a runoff needs at least two candidates');
  const stranger = tiedIds.find((id) => !tied.includes(id));
  if (stranger !== undefined) return fail('tiedIds', `"${stranger}" is not tied for the win`);

  const duration = Date.parse(vote.closesAt) - Date.parse(vote.openedAt);
  const closesAt = options.closesAt ?? new Date(Date.parse(now) + duration).toISOString();
  if (parseInstant(closesAt) === null || !isBefore(now, closesAt))
    return fail('closesAt', 'must be after now');

  return ok({
    id: options.id ?? `${vote.id}:runoff`,
    teamId: vote.teamId,
    title: vote.title,
    candidates: vote.candidates.filter((c) => chosen.has(c.id)),
    settings: vote.settings,
    openedBy: vote.closedBy,
    openedAt: now,
    closesAt: new Date(Date.parse(closesAt)).toISOString(),
    currentPriorityDisposition: vote.currentPriorityDisposition,
    runoffOf: vote.id,
    status: 'open',
  });
}
