import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withBallotOf } from '../../bot/app/ballots-with';
import type { Ballot } from '../../bot/domain/voting';

const ballotOf = (memberId: string, first: string): Ballot => ({
  method: 'ranked-choice',
  ranking: [first],
  voteId: 'vote-1',
  memberId,
  castAt: '2026-12-07T09:00:00.000Z',
  concern: null,
});

/** What a copied map with the change would hold, as sorted entries. */
const expected = (others: Map<string, Ballot>, memberId: string, ballot: Ballot | null) => {
  const copy = new Map(others);
  if (ballot) copy.set(memberId, ballot);
  else copy.delete(memberId);
  return [...copy.entries()].sort(([a], [b]) => a.localeCompare(b));
};

describe('ballots with one member’s ballot put in or taken out', () => {
  it('should add a new voter’s ballot', () => {
    const others = new Map([['amy', ballotOf('amy', 'a')]]);
    const view = withBallotOf(others, 'ben', ballotOf('ben', 'b'));
    expect(view.size).toBe(2);
    expect(view.get('ben')?.memberId).toBe('ben');
    expect(view.has('ben')).toBe(true);
    expect([...view.keys()]).toEqual(['amy', 'ben']);
  });

  it('should replace a voter’s earlier ballot, counting them once', () => {
    const others = new Map([
      ['amy', ballotOf('amy', 'a')],
      ['ben', ballotOf('ben', 'a')],
    ]);
    const view = withBallotOf(others, 'amy', ballotOf('amy', 'changed'));
    expect(view.size).toBe(2);
    expect(view.get('amy')).toEqual(ballotOf('amy', 'changed'));
    expect([...view.values()].filter((ballot) => ballot.memberId === 'amy')).toHaveLength(1);
  });

  it('should take out a ballot the member no longer has', () => {
    const others = new Map([['amy', ballotOf('amy', 'a')]]);
    const view = withBallotOf(others, 'amy', null);
    expect(view.size).toBe(0);
    expect(view.has('amy')).toBe(false);
    expect(view.get('amy')).toBeUndefined();
    expect([...view]).toEqual([]);
  });

  it('should leave the ballots it was made from as they were', () => {
    const others = new Map([['amy', ballotOf('amy', 'a')]]);
    const view = withBallotOf(others, 'amy', ballotOf('amy', 'changed'));
    view.forEach(() => undefined);
    expect(others.get('amy')).toEqual(ballotOf('amy', 'a'));
    expect(others.size).toBe(1);
  });

  it('should hold exactly what a copy with the change would hold, for any ballots', () => {
    const member = fc.constantFrom('amy', 'ben', 'cat', 'dan', 'eve');
    fc.assert(
      fc.property(
        fc.uniqueArray(member),
        member,
        fc.option(fc.constantFrom('a', 'b')),
        (members, memberId, first) => {
          const others = new Map(members.map((id) => [id, ballotOf(id, 'x')]));
          const ballot = first === null ? null : ballotOf(memberId, first);
          const view = withBallotOf(others, memberId, ballot);
          const entries = [...view.entries()].sort(([a], [b]) => a.localeCompare(b));
          expect(entries).toEqual(expected(others, memberId, ballot));
          expect(view.size).toBe(entries.length);
          const seen: string[] = [];
          view.forEach((_ballot, id, map) => {
            expect(map).toBe(view);
            seen.push(id);
          });
          expect(seen.sort()).toEqual(entries.map(([id]) => id));
        },
      ),
    );
  });
});
