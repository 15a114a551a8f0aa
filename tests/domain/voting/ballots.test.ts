import { describe, expect, it } from 'vitest';
import { castBallot, currentBallotsFrom, visibleTally, type Ballot } from '../../../bot/domain/voting';
import { NOW, at, cast, closedVote, rankedBallots, unwrap, vote } from '../factories';

const rankedBy = (memberId: string, ranking: string[]) => ({
  method: 'ranked-choice' as const,
  memberId,
  ranking,
});

describe('ballots', () => {
  it('B-1: a ballot of another method is refused on the method field', () => {
    const result = castBallot(
      vote(),
      new Map(),
      { method: 'approval', memberId: 'm1', approved: ['A'] },
      NOW,
    );
    expect(result).toEqual({
      ok: false,
      field: 'method',
      message: 'method: this vote uses ranked-choice, not approval',
    });
  });

  it('B-2: a ballot at or after closesAt is refused', () => {
    const open = vote({}, { closesAt: at(60) });
    expect(castBallot(open, new Map(), rankedBy('m1', ['A']), at(59)).ok).toBe(true);
    expect(castBallot(open, new Map(), rankedBy('m1', ['A']), at(60))).toMatchObject({
      ok: false,
      field: 'vote',
    });
  });

  it('B-2: a ballot on a closed vote is refused', () => {
    const closed = closedVote({}, rankedBallots(['A']));
    const result = castBallot(closed, new Map(), rankedBy('m2', ['A']), at(61));
    expect(result).toEqual({ ok: false, field: 'vote', message: 'vote: this vote is closed' });
  });

  it('B-3: only the latest ballot per member counts', () => {
    const open = vote();
    const first = unwrap(castBallot(open, new Map(), rankedBy('m1', ['A']), at(1)));
    const second = unwrap(castBallot(open, first, rankedBy('m1', ['B', 'C']), at(2)));
    expect(second.size).toBe(1);
    expect(second.get('m1')).toMatchObject({ ranking: ['B', 'C'], castAt: at(2), voteId: 'vote-1' });
    expect(first.get('m1')).toMatchObject({ ranking: ['A'] });
  });

  it('B-4: a concern is trimmed, blank means none, and more than 1000 characters is refused', () => {
    const open = vote();
    const withConcern = unwrap(
      castBallot(open, new Map(), { ...rankedBy('m1', ['A']), concern: '  time  ' }, NOW),
    );
    expect(withConcern.get('m1')?.concern).toBe('time');
    const blank = unwrap(castBallot(open, new Map(), { ...rankedBy('m1', ['A']), concern: '   ' }, NOW));
    expect(blank.get('m1')?.concern).toBeNull();
    const long = castBallot(open, new Map(), { ...rankedBy('m1', ['A']), concern: 'x'.repeat(1001) }, NOW);
    expect(long).toMatchObject({ ok: false, field: 'concern' });
    expect(castBallot(open, new Map(), { ...rankedBy('m1', ['A']), concern: 'x'.repeat(1000) }, NOW).ok).toBe(
      true,
    );
  });

  it('B-4: a ballot without a member is refused on memberId', () => {
    expect(castBallot(vote(), new Map(), rankedBy(' ', ['A']), NOW)).toMatchObject({
      ok: false,
      field: 'memberId',
    });
  });

  it('B-5: currentBallotsFrom keeps the latest castAt per member, later in the list on equal times', () => {
    const ballot = (memberId: string, castAt: string, first: string): Ballot => ({
      method: 'ranked-choice',
      ranking: [first],
      memberId,
      castAt,
      voteId: 'vote-1',
      concern: null,
    });
    const current = currentBallotsFrom([
      ballot('m1', at(5), 'A'),
      ballot('m1', at(2), 'B'),
      ballot('m2', at(1), 'A'),
      ballot('m2', at(1), 'C'),
    ]);
    expect(current.get('m1')).toMatchObject({ ranking: ['A'] });
    expect(current.get('m2')).toMatchObject({ ranking: ['C'] });
  });

  it('B-6: results stay hidden while open unless the vote shows them live', () => {
    const hidden = vote();
    expect(visibleTally(hidden, cast(hidden, [rankedBy('m1', ['A'])]))).toBeNull();
    const live = vote({ resultsVisibility: 'live' });
    expect(visibleTally(live, cast(live, [rankedBy('m1', ['A'])]))?.outcome).toEqual({
      kind: 'winner',
      candidateId: 'A',
    });
  });
});

describe('ranked ballots', () => {
  const open = vote();
  const check = (ranking: string[]) => castBallot(open, new Map(), rankedBy('m1', ranking), NOW);

  it('RC-1: a ranking of distinct candidates, from one to all, is accepted', () => {
    expect(check(['A']).ok).toBe(true);
    expect(check(['C', 'A', 'B']).ok).toBe(true);
  });

  it('RC-1: an id that is not a candidate is refused, naming the field', () => {
    expect(check(['A', 'x'])).toEqual({
      ok: false,
      field: 'ranking',
      message: 'ranking: "x" is not a candidate of this vote',
    });
  });

  it('RC-1: a candidate ranked twice or an empty ranking is refused', () => {
    expect(check(['A', 'A'])).toMatchObject({ ok: false, field: 'ranking' });
    expect(check([])).toMatchObject({ ok: false, field: 'ranking' });
  });
});

describe('dot ballots', () => {
  const open = vote({ method: 'dot', dotsPerMember: 3, maxDotsPerCandidate: 2 });
  const check = (dots: Record<string, number>) =>
    castBallot(open, new Map(), { method: 'dot', memberId: 'm1', dots }, NOW);

  it('DOT-1: dots must be whole numbers of 0 or more on candidates', () => {
    expect(check({ A: 1, B: 0 }).ok).toBe(true);
    expect(check({ A: -1, B: 1 })).toMatchObject({ ok: false, field: 'dots' });
    expect(check({ A: 1.5 })).toMatchObject({ ok: false, field: 'dots' });
    expect(check({ x: 1 })).toMatchObject({ ok: false, field: 'dots' });
    expect(check({ constructor: 1 })).toMatchObject({ ok: false, field: 'dots' });
  });

  it('DOT-2: at most M dots on one candidate and at most N in all', () => {
    expect(check({ A: 2, B: 1 }).ok).toBe(true);
    expect(check({ A: 3 })).toMatchObject({ ok: false, field: 'dots' });
    expect(check({ A: 2, B: 2 })).toMatchObject({ ok: false, field: 'dots' });
  });

  it('DOT-3: at least one dot', () => {
    expect(check({})).toEqual({ ok: false, field: 'dots', message: 'dots: place at least one dot' });
    expect(check({ A: 0 })).toMatchObject({ ok: false, field: 'dots' });
  });
});

describe('approval ballots', () => {
  const open = vote({ method: 'approval' });
  const check = (approved: string[]) =>
    castBallot(open, new Map(), { method: 'approval', memberId: 'm1', approved }, NOW);

  it('APP-1: approved ids are distinct candidates, at least one', () => {
    expect(check(['A', 'C']).ok).toBe(true);
    expect(check([])).toMatchObject({ ok: false, field: 'approved' });
    expect(check(['A', 'A'])).toMatchObject({ ok: false, field: 'approved' });
    expect(check(['x'])).toMatchObject({ ok: false, field: 'approved' });
  });
});

describe('score ballots', () => {
  const open = vote({ method: 'score' });
  const check = (scores: Record<string, number>) =>
    castBallot(open, new Map(), { method: 'score', memberId: 'm1', scores }, NOW);

  it('SC-1: scores are whole numbers from 0 to 5 on candidates', () => {
    expect(check({ A: 5, B: 0 }).ok).toBe(true);
    expect(check({ A: 6 })).toMatchObject({ ok: false, field: 'scores' });
    expect(check({ A: -1 })).toMatchObject({ ok: false, field: 'scores' });
    expect(check({ A: 2.5 })).toMatchObject({ ok: false, field: 'scores' });
    expect(check({ x: 1 })).toMatchObject({ ok: false, field: 'scores' });
  });

  it('SC-2: a candidate missing from the ballot scores 0', () => {
    const accepted = unwrap(check({ B: 4 })).get('m1');
    expect(accepted).toMatchObject({ scores: { A: 0, B: 4, C: 0 } });
  });
});
