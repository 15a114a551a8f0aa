import { groupByTotal, placeGroups } from './standings';
import type { RoundCount, TallyOutcome, TotalsTally } from './tally-types';
import type { VoteCandidate } from './vote-types';

/** Tallies dot ballots: each candidate's total is the sum of its dots (DOT-4). */
export function tallyDot(
  ballots: readonly { readonly dots: Readonly<Record<string, number>> }[],
  candidates: readonly VoteCandidate[],
): TotalsTally {
  return totalsTally('dot', ballots.length, candidates, (id) =>
    sumOver(ballots, (b) => ownNumber(b.dots, id)),
  );
}

/** Tallies approval ballots: each candidate's total is the number of ballots approving it (APP-2). */
export function tallyApproval(
  ballots: readonly { readonly approved: readonly string[] }[],
  candidates: readonly VoteCandidate[],
): TotalsTally {
  return totalsTally('approval', ballots.length, candidates, (id) =>
    sumOver(ballots, (b) => (b.approved.includes(id) ? 1 : 0)),
  );
}

/** Tallies score ballots: each candidate's total is the sum of its scores, missing counting as 0 (SC-3). */
export function tallyScore(
  ballots: readonly { readonly scores: Readonly<Record<string, number>> }[],
  candidates: readonly VoteCandidate[],
): TotalsTally {
  return totalsTally('score', ballots.length, candidates, (id) =>
    sumOver(ballots, (b) => ownNumber(b.scores, id)),
  );
}

function totalsTally(
  method: TotalsTally['method'],
  ballotsCounted: number,
  candidates: readonly VoteCandidate[],
  totalFor: (candidateId: string) => number,
): TotalsTally {
  const totals: RoundCount[] = candidates.map((c) => ({ candidateId: c.id, votes: totalFor(c.id) }));
  const groups = groupByTotal(totals.map((t) => ({ candidateId: t.candidateId, total: t.votes })));
  const [first = [], second = []] = groups;
  // T-4: equal top totals are a tie, never broken here.
  const [firstOnly] = first;
  const outcome: TallyOutcome =
    first.length === 1 && firstOnly
      ? { kind: 'winner', candidateId: firstOnly.candidateId }
      : { kind: 'tied', candidateIds: first.map((s) => s.candidateId) };
  const [secondOnly] = second;
  const runnerUp =
    outcome.kind === 'winner' && second.length === 1 && secondOnly ? secondOnly.candidateId : null;
  return { method, ballotsCounted, outcome, standings: placeGroups(groups), runnerUp, totals };
}

function sumOver<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((sum, item) => sum + value(item), 0);
}

// Own properties only, so ids such as "constructor" never read the prototype.
function ownNumber(record: Readonly<Record<string, number>>, key: string): number {
  return Object.hasOwn(record, key) ? (record[key] ?? 0) : 0;
}
