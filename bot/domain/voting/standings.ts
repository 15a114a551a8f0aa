import type { Standing } from './tally-types';

/** A group of candidates that share a place, best group first. */
export type StandingGroup = readonly {
  candidateId: string;
  total: number;
  eliminatedInRound: number | null;
}[];

/** Turns ordered groups into standings with competition places (1, 1, 3). */
export function placeGroups(groups: readonly StandingGroup[]): Standing[] {
  const standings: Standing[] = [];
  for (const group of groups) {
    const place = standings.length + 1;
    for (const entry of group) standings.push({ ...entry, place });
  }
  return standings;
}

/** Groups candidates by equal total, highest total first, keeping vote order inside a group. */
export function groupByTotal(
  totals: readonly { candidateId: string; total: number }[],
): { candidateId: string; total: number; eliminatedInRound: null }[][] {
  const distinct = [...new Set(totals.map((t) => t.total))].sort((a, b) => b - a);
  return distinct.map((value) =>
    totals
      .filter((t) => t.total === value)
      .map((t) => ({ candidateId: t.candidateId, total: t.total, eliminatedInRound: null })),
  );
}
