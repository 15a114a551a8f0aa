import type { HeadToHead } from './tally-types';

/** The head-to-head table: for every ordered pair, how many rankings put the first above the second (RC-9). */
export function headToHeadTable(
  rankings: readonly (readonly string[])[],
  candidateIds: readonly string[],
): HeadToHead[] {
  const table: HeadToHead[] = [];
  for (const candidateId of candidateIds) {
    for (const opponentId of candidateIds) {
      if (candidateId === opponentId) continue;
      const preferredBy = rankings.filter((ranking) => prefers(ranking, candidateId, opponentId)).length;
      table.push({ candidateId, opponentId, preferredBy });
    }
  }
  return table;
}

/** The candidate that beats every other head-to-head, or null (RC-9). */
export function condorcetWinnerOf(
  table: readonly HeadToHead[],
  candidateIds: readonly string[],
): string | null {
  const preferred = (a: string, b: string): number =>
    table.find((cell) => cell.candidateId === a && cell.opponentId === b)?.preferredBy ?? 0;
  const winner = candidateIds.find((a) =>
    candidateIds.every((b) => a === b || preferred(a, b) > preferred(b, a)),
  );
  return winner ?? null;
}

// A ranked candidate is preferred to an unranked one; two unranked candidates are not compared.
function prefers(ranking: readonly string[], a: string, b: string): boolean {
  const positionA = ranking.indexOf(a);
  if (positionA < 0) return false;
  const positionB = ranking.indexOf(b);
  return positionB < 0 || positionA < positionB;
}
