// Tiny builders for domain tests: fixed instants, open candidates, votes and ballots.
import { createCandidate, type Candidate } from '../../bot/domain/candidates';
import {
  castBallot,
  closeVote,
  openVote,
  type BallotInput,
  type ClosedVote,
  type CurrentBallots,
  type OpenVote,
  type OpenVoteInput,
  type Result,
  type VoteCandidate,
  type VoteSettingsInput,
} from '../../bot/domain/voting';

/** The fixed "now" of most tests. */
export const NOW = '2025-03-03T09:00:00.000Z';

/** An instant `minutes` after NOW. */
export function at(minutes: number): string {
  return new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
}

/** Unwraps a successful result or fails the test with the refusal message. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.message}`);
  return result.value;
}

/** Vote candidates with these ids, proposed one minute apart in the given order. */
export function voteCandidates(...ids: string[]): VoteCandidate[] {
  return ids.map((id, index) => ({ id, title: `Candidate ${id}`, proposedAt: at(-1000 + index) }));
}

/** An open candidate of team-1, proposed by ann. */
export function candidate(id: string, overrides: Partial<Candidate> = {}): Candidate {
  return {
    ...unwrap(
      createCandidate({
        id,
        teamId: 'team-1',
        title: `Candidate ${id}`,
        proposedBy: 'ann',
        proposedAt: at(-1000),
      }),
    ),
    ...overrides,
  };
}

/** An open vote of team-1 among candidates with these ids (default A, B, C), opened at NOW. */
export function vote(settings: VoteSettingsInput = {}, overrides: Partial<OpenVoteInput> = {}): OpenVote {
  const ids = ['A', 'B', 'C'];
  return unwrap(
    openVote({
      id: 'vote-1',
      teamId: 'team-1',
      candidates: ids.map((id, index) => candidate(id, { proposedAt: at(-1000 + index) })),
      settings,
      openedBy: 'fay',
      now: NOW,
      activePriorityId: null,
      ...overrides,
    }),
  );
}

/** Casts the ballots one after another at NOW + 1 minute each; fails the test on a refusal. */
export function cast(target: OpenVote, ballots: readonly BallotInput[]): CurrentBallots {
  return ballots.reduce<CurrentBallots>(
    (current, ballot, index) => unwrap(castBallot(target, current, ballot, at(index + 1))),
    new Map(),
  );
}

/** Ranked ballots, one per ranking, from members m1, m2, … */
export function rankedBallots(...rankings: string[][]): BallotInput[] {
  return rankings.map((ranking, index) => ({ method: 'ranked-choice', memberId: `m${index + 1}`, ranking }));
}

/** `count` copies of a ranking. */
export function times(count: number, ranking: string[]): string[][] {
  return Array.from({ length: count }, () => [...ranking]);
}

/** Opens a vote, casts the ballots and closes it for a team of `teamSize`. */
export function closedVote(
  settings: VoteSettingsInput,
  ballots: readonly BallotInput[],
  teamSize = Math.max(ballots.length, 1),
): ClosedVote {
  const open = vote(settings);
  return unwrap(closeVote(open, cast(open, ballots), { now: at(60), teamSize, closedBy: 'fay' }));
}
