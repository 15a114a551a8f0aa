/** Ballots needed for quorum: the share of the team, rounded up. */
export function quorumNeeded(quorum: number, teamSize: number): number {
  // The small epsilon keeps 0.3 * 10 (= 3.0000000000000004) from needing 4.
  return Math.max(0, Math.ceil(quorum * teamSize - 1e-9));
}

/** True when enough members voted for the vote to count. */
export function hasQuorum(quorum: number, voted: number, teamSize: number): boolean {
  return voted >= quorumNeeded(quorum, teamSize);
}
