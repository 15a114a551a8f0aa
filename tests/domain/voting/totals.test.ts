import { describe, expect, it } from 'vitest';
import { tallyApproval, tallyDot, tallyScore } from '../../../bot/domain/voting';
import { closedVote, voteCandidates } from '../factories';

const abc = voteCandidates('A', 'B', 'C');

describe('dot voting', () => {
  it('DOT-4: a candidate total is the sum of its dots and the unique highest total wins', () => {
    const tally = tallyDot([{ dots: { A: 2, B: 1 } }, { dots: { B: 3 } }, { dots: { C: 1, A: 1 } }], abc);
    expect(tally.totals).toEqual([
      { candidateId: 'A', votes: 3 },
      { candidateId: 'B', votes: 4 },
      { candidateId: 'C', votes: 1 },
    ]);
    expect(tally.outcome).toEqual({ kind: 'winner', candidateId: 'B' });
    expect(tally.standings.map((s) => [s.candidateId, s.place])).toEqual([
      ['B', 1],
      ['A', 2],
      ['C', 3],
    ]);
  });

  it('T-4: equal top dot totals are a tie', () => {
    const tally = tallyDot([{ dots: { A: 2 } }, { dots: { B: 2 } }], abc);
    expect(tally.outcome).toEqual({ kind: 'tied', candidateIds: ['A', 'B'] });
    expect(tally.runnerUp).toBeNull();
  });
});

describe('approval voting', () => {
  it('APP-2: a candidate total is the number of ballots approving it', () => {
    const tally = tallyApproval(
      [{ approved: ['A', 'B'] }, { approved: ['B'] }, { approved: ['B', 'C'] }],
      abc,
    );
    expect(tally.totals.map((t) => t.votes)).toEqual([1, 3, 1]);
    expect(tally.outcome).toEqual({ kind: 'winner', candidateId: 'B' });
  });

  it('T-4: equal top approvals are a tie', () => {
    const tally = tallyApproval([{ approved: ['A', 'C'] }, { approved: ['C', 'A'] }], abc);
    expect(tally.outcome).toEqual({ kind: 'tied', candidateIds: ['A', 'C'] });
  });
});

describe('score voting', () => {
  it('SC-3: a candidate total is the sum of its scores, missing counting as 0', () => {
    const tally = tallyScore([{ scores: { A: 5, B: 2 } }, { scores: { B: 4 } }, { scores: { C: 1 } }], abc);
    expect(tally.totals.map((t) => t.votes)).toEqual([5, 6, 1]);
    expect(tally.outcome).toEqual({ kind: 'winner', candidateId: 'B' });
  });

  it('SC-4: the runner-up is the unique second-highest total, else null', () => {
    expect(tallyScore([{ scores: { A: 5, B: 3, C: 1 } }], abc).runnerUp).toBe('B');
    expect(tallyScore([{ scores: { A: 5, B: 3, C: 3 } }], abc).runnerUp).toBeNull();
    expect(tallyScore([{ scores: { A: 5, B: 3, C: 3 } }], abc).standings.map((s) => s.place)).toEqual([
      1, 2, 2,
    ]);
  });

  it('T-4: equal top scores close the vote as tied', () => {
    const closed = closedVote({ method: 'score' }, [
      { method: 'score', memberId: 'm1', scores: { A: 4, B: 2 } },
      { method: 'score', memberId: 'm2', scores: { A: 1, B: 3 } },
    ]);
    expect(closed.outcome).toEqual({ kind: 'tied', candidateIds: ['A', 'B'] });
  });
});
