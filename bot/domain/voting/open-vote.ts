import { fail, ok, type Result } from './result';
import { addHours, isBefore, parseInstant } from './time';
import type { OpenVote, PriorityDisposition, VoteCandidate } from './vote-types';
import { DEFAULT_VOTE_HOURS, resolveVoteSettings, type VoteSettingsInput } from './vote-settings';

/** A candidate as `openVote` needs it (a `Candidate` from the candidates module fits). */
export type CandidateForVote = VoteCandidate & { readonly teamId: string; readonly status: string };

/** What happens to the active priority, as given when opening a vote (P-2). */
export type PriorityDispositionInput =
  { readonly kind: 'completed' } | { readonly kind: 'replaced'; readonly reason: string };

/** Everything needed to open a vote. */
export type OpenVoteInput = {
  readonly id: string;
  readonly teamId: string;
  readonly title?: string;
  readonly candidates: readonly CandidateForVote[];
  readonly settings?: VoteSettingsInput;
  /** Defaults to `now` + 48 hours. */
  readonly closesAt?: string;
  readonly openedBy: string;
  readonly now: string;
  /** The team's active priority, if any: then `currentPriorityDisposition` is required. */
  readonly activePriorityId: string | null;
  readonly currentPriorityDisposition?: PriorityDispositionInput;
};

/** Default title of a vote on the team priority. */
export const DEFAULT_VOTE_TITLE = 'Choose our priority';

/** Opens a vote on choosing one priority among open candidates (S-1, S-2, V-1, P-2). */
export function openVote(input: OpenVoteInput): Result<OpenVote> {
  if (parseInstant(input.now) === null) return fail('now', 'expected an ISO date-time');
  const title = (input.title ?? DEFAULT_VOTE_TITLE).trim();
  if (title.length < 1 || title.length > 140) return fail('title', 'expected 1 to 140 characters');

  const candidatesCheck = checkCandidates(input.candidates, input.teamId);
  if (!candidatesCheck.ok) return candidatesCheck;

  const settings = resolveVoteSettings(input.settings);
  if (!settings.ok) return settings;

  const closesAt = input.closesAt ?? addHours(input.now, DEFAULT_VOTE_HOURS);
  if (parseInstant(closesAt) === null) return fail('closesAt', 'expected an ISO date-time');
  if (!isBefore(input.now, closesAt)) return fail('closesAt', 'must be after now');

  const disposition = checkDisposition(input.activePriorityId, input.currentPriorityDisposition);
  if (!disposition.ok) return disposition;

  return ok({
    id: input.id,
    teamId: input.teamId,
    title,
    candidates: input.candidates.map((c) => ({ id: c.id, title: c.title, proposedAt: c.proposedAt })),
    settings: settings.value,
    openedBy: input.openedBy,
    openedAt: new Date(Date.parse(input.now)).toISOString(),
    closesAt: new Date(Date.parse(closesAt)).toISOString(),
    currentPriorityDisposition: disposition.value,
    runoffOf: null,
    status: 'open',
  });
}

function checkCandidates(candidates: readonly CandidateForVote[], teamId: string): Result<true> {
  if (candidates.length < 2) return fail('candidates', 'a vote needs at least two candidates');
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) return fail('candidates', `"${candidate.id}" is listed more than once`);
    seen.add(candidate.id);
    if (candidate.teamId !== teamId) return fail('candidates', `"${candidate.id}" belongs to another team`);
    if (candidate.status !== 'open') {
      return fail(
        'candidates',
        `"${candidate.id}" is ${candidate.status}, only open candidates can be voted on`,
      );
    }
  }
  return ok(true);
}

function checkDisposition(
  activePriorityId: string | null,
  input: PriorityDispositionInput | undefined,
): Result<PriorityDisposition | null> {
  if (activePriorityId === null) {
    return input === undefined
      ? ok(null)
      : fail('currentPriorityDisposition', 'the team has no active priority');
  }
  if (input === undefined) {
    return fail(
      'currentPriorityDisposition',
      'the team has an active priority: record whether it is completed or replaced first',
    );
  }
  if (input.kind === 'completed') return ok({ priorityId: activePriorityId, kind: 'completed' });
  if (input.kind !== 'replaced')
    return fail('currentPriorityDisposition', 'expected one of completed, replaced');
  const reason = input.reason.trim();
  if (reason.length < 1 || reason.length > 1000) {
    return fail(
      'currentPriorityDisposition.reason',
      'a replaced priority needs a reason of 1 to 1000 characters',
    );
  }
  return ok({ priorityId: activePriorityId, kind: 'replaced', reason });
}
