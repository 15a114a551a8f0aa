import { cleanRanking } from './clean-ranking';
import { condorcetWinnerOf, headToHeadTable } from './head-to-head';
import { runInstantRunoff } from './instant-runoff';
import { placeGroups, type StandingGroup } from './standings';
import type { RankedChoiceRound, RankedChoiceTally, TallyOutcome } from './tally-types';
import type { VoteCandidate } from './vote-types';

/** Tallies ranked-choice ballots by instant runoff, with the head-to-head table and Condorcet check. */
export function tallyRankedChoice(
  ballots: readonly { readonly ranking: readonly string[] }[],
  candidates: readonly VoteCandidate[],
): RankedChoiceTally {
  const ids = candidates.map((c) => c.id);
  const idSet = new Set(ids);
  const rankings = ballots.map((b) => cleanRanking(b.ranking, idSet));
  const { rounds, outcome } = runInstantRunoff(rankings, candidates);
  const headToHead = headToHeadTable(rankings, ids);
  const condorcetWinner = condorcetWinnerOf(headToHead, ids);
  return {
    method: 'ranked-choice',
    ballotsCounted: ballots.length,
    outcome,
    standings: placeGroups(standingGroups(rounds, outcome)),
    runnerUp: runnerUpOf(rankings, candidates, outcome),
    rounds,
    headToHead,
    condorcetWinner,
    condorcetDisagrees:
      condorcetWinner !== null && !(outcome.kind === 'winner' && outcome.candidateId === condorcetWinner),
  };
}

// RC-8: the runner-up is whoever wins the runoff once the winner is taken out of every ranking.
function runnerUpOf(
  rankings: readonly (readonly string[])[],
  candidates: readonly VoteCandidate[],
  outcome: TallyOutcome,
): string | null {
  if (outcome.kind !== 'winner') return null;
  const others = candidates.filter((c) => c.id !== outcome.candidateId);
  if (others.length === 0) return null;
  const rerun = runInstantRunoff(rankings, others);
  return rerun.outcome.kind === 'winner' ? rerun.outcome.candidateId : null;
}

// RC-7: winner (or the tied) first, then the rest of the final round by votes, then the eliminated, last out first.
function standingGroups(rounds: readonly RankedChoiceRound[], outcome: TallyOutcome): StandingGroup[] {
  const last = rounds[rounds.length - 1];
  if (!last) return [];
  const top = outcome.kind === 'winner' ? [outcome.candidateId] : outcome.candidateIds;
  const groups: StandingGroup[] = [
    last.counts
      .filter((c) => top.includes(c.candidateId))
      .map((c) => ({ candidateId: c.candidateId, total: c.votes, eliminatedInRound: null })),
  ];
  const rest = last.counts.filter((c) => !top.includes(c.candidateId));
  const distinctVotes = [...new Set(rest.map((c) => c.votes))].sort((a, b) => b - a);
  for (const votes of distinctVotes) {
    groups.push(
      rest
        .filter((c) => c.votes === votes)
        .map((c) => ({ candidateId: c.candidateId, total: c.votes, eliminatedInRound: null })),
    );
  }
  for (const round of [...rounds].reverse()) {
    if (round.eliminated === null) continue;
    const eliminated = round.eliminated;
    const total = round.counts.find((c) => c.candidateId === eliminated)?.votes ?? 0;
    groups.push([{ candidateId: eliminated, total, eliminatedInRound: round.round }]);
  }
  return groups;
}
