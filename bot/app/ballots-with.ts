import type { Ballot, CurrentBallots } from '../domain/voting';

/**
 * `ballots` with one member's ballot put in (or taken out, with null), without copying the others: a
 * district's vote has thousands, and every ballot's answer shows the voter's own next to them.
 */
export function withBallotOf(
  ballots: CurrentBallots,
  memberId: string,
  ballot: Ballot | null,
): CurrentBallots {
  return new BallotsWithOne(ballots, memberId, ballot);
}

class BallotsWithOne implements ReadonlyMap<string, Ballot> {
  constructor(
    private readonly others: CurrentBallots,
    private readonly memberId: string,
    private readonly ballot: Ballot | null,
  ) {}

  get size(): number {
    const had = this.others.has(this.memberId);
    const has = this.ballot !== null;
    return this.others.size + (has === had ? 0 : has ? 1 : -1);
  }

  get(memberId: string): Ballot | undefined {
    return memberId === this.memberId ? (this.ballot ?? undefined) : this.others.get(memberId);
  }

  has(memberId: string): boolean {
    return memberId === this.memberId ? this.ballot !== null : this.others.has(memberId);
  }

  *entries(): MapIterator<[string, Ballot]> {
    for (const entry of this.others) if (entry[0] !== this.memberId) yield entry;
    if (this.ballot) yield [this.memberId, this.ballot];
  }

  *keys(): MapIterator<string> {
    for (const [memberId] of this.entries()) yield memberId;
  }

  *values(): MapIterator<Ballot> {
    for (const [, ballot] of this.entries()) yield ballot;
  }

  [Symbol.iterator](): MapIterator<[string, Ballot]> {
    return this.entries();
  }

  forEach(each: (ballot: Ballot, memberId: string, map: ReadonlyMap<string, Ballot>) => void): void {
    for (const [memberId, ballot] of this.entries()) each(ballot, memberId, this);
  }
}
