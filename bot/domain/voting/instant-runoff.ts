import type { EliminationTieBreak, RankedChoiceRound, RoundCount, TallyOutcome } from './tally-types';
import type { VoteCandidate } from './vote-types';

/** The rounds and outcome of an instant runoff, without the extras of the full tally. */
export type InstantRunoff = {
  readonly rounds: readonly RankedChoiceRound[];
  readonly outcome: TallyOutcome;
};

/** Runs instant runoff (RC-2..RC-6, T-1..T-4) over rankings already limited to the candidates. */
export function runInstantRunoff(
  rankings: readonly (readonly string[])[],
  candidates: readonly VoteCandidate[],
): InstantRunoff {
  const rounds: RankedChoiceRound[] = [];
  let continuing = candidates.map((c) => c.id);

  for (;;) {
    const continuingSet = new Set(continuing);
    const votes = new Map<string, number>(continuing.map((id) => [id, 0]));
    let exhausted = 0;
    for (const ranking of rankings) {
      const top = ranking.find((id) => continuingSet.has(id));
      if (top === undefined) exhausted += 1;
      else votes.set(top, (votes.get(top) ?? 0) + 1);
    }
    const counts: RoundCount[] = continuing.map((id) => ({ candidateId: id, votes: votes.get(id) ?? 0 }));
    const continuingBallots = rankings.length - exhausted;
    const base = { round: rounds.length + 1, counts, exhausted, continuing: continuingBallots };

    const majority = counts.find((c) => c.votes * 2 > continuingBallots);
    const onlyOne = counts.length === 1 ? counts[0] : undefined;
    const winner = majority ?? onlyOne;
    if (winner) {
      rounds.push({ ...base, eliminated: null, tieBreak: null });
      return { rounds, outcome: { kind: 'winner', candidateId: winner.candidateId } };
    }

    const fewest = Math.min(...counts.map((c) => c.votes));
    const lowest = counts.filter((c) => c.votes === fewest).map((c) => c.candidateId);
    if (lowest.length === counts.length) {
      // RC-6 / T-4: everyone left is level, so eliminating by tie-break would pick the winner silently.
      rounds.push({ ...base, eliminated: null, tieBreak: null });
      return { rounds, outcome: { kind: 'tied', candidateIds: lowest } };
    }

    const { eliminated, tieBreak } = chooseElimination(lowest, rounds, candidates);
    rounds.push({ ...base, eliminated, tieBreak });
    continuing = continuing.filter((id) => id !== eliminated);
  }
}

function votesIn(round: RankedChoiceRound, candidateId: string): number {
  return round.counts.find((c) => c.candidateId === candidateId)?.votes ?? 0;
}

function chooseElimination(
  lowest: readonly string[],
  earlierRounds: readonly RankedChoiceRound[],
  candidates: readonly VoteCandidate[],
): { eliminated: string; tieBreak: EliminationTieBreak | null } {
  const [only] = lowest;
  if (lowest.length === 1 && only !== undefined) return { eliminated: only, tieBreak: null };

  // T-2: look back, most recent earlier round first, keeping those with the fewest votes there.
  let stillTied = [...lowest];
  for (let index = earlierRounds.length - 1; index >= 0; index -= 1) {
    const round = earlierRounds[index];
    if (!round) continue;
    const fewest = Math.min(...stillTied.map((id) => votesIn(round, id)));
    const narrowed = stillTied.filter((id) => votesIn(round, id) === fewest);
    const [single] = narrowed;
    if (narrowed.length === 1 && single !== undefined) {
      return {
        eliminated: single,
        tieBreak: { rule: 'earlier-round', tiedIds: lowest, decidingRound: round.round },
      };
    }
    stillTied = narrowed;
  }

  // T-3: the candidate proposed last is eliminated; equal times fall back to the later position in the vote.
  const position = new Map(candidates.map((c, i) => [c.id, i]));
  const proposedAt = new Map(candidates.map((c) => [c.id, Date.parse(c.proposedAt)]));
  const latest = [...stillTied].sort((a, b) => {
    const byTime = (proposedAt.get(b) ?? 0) - (proposedAt.get(a) ?? 0);
    return byTime !== 0 ? byTime : (position.get(b) ?? 0) - (position.get(a) ?? 0);
  })[0];
  return {
    eliminated: latest ?? stillTied[0] ?? '',
    tieBreak: { rule: 'proposed-later', tiedIds: lowest, stillTiedIds: stillTied },
  };
}
