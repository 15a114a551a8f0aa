/** A ranking restricted to the given candidates, each counted once at its first (highest) position. */
export function cleanRanking(ranking: readonly string[], candidateIds: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const cleaned: string[] = [];
  for (const id of ranking) {
    if (candidateIds.has(id) && !seen.has(id)) {
      seen.add(id);
      cleaned.push(id);
    }
  }
  return cleaned;
}
