import { describe, expect, it } from 'vitest';
import { tallyRankedChoice } from '../../../bot/domain/voting';
import { times, voteCandidates } from '../factories';

const abc = voteCandidates('A', 'B', 'C');
const ballots = (...rankings: string[][]) => rankings.map((ranking) => ({ ranking }));

describe('ranked choice (instant runoff)', () => {
  it('RC-2: counts each ballot for its highest continuing choice and reports exhausted ballots per round', () => {
    const tally = tallyRankedChoice(ballots(...times(3, ['A']), ...times(2, ['B']), ['C']), abc);
    expect(tally.rounds[0]).toMatchObject({ exhausted: 0, continuing: 6 });
    expect(tally.rounds[1]).toMatchObject({
      counts: [
        { candidateId: 'A', votes: 3 },
        { candidateId: 'B', votes: 2 },
      ],
      exhausted: 1,
      continuing: 5,
    });
  });

  it('RC-3: a candidate with more than half of the continuing ballots wins', () => {
    const tally = tallyRankedChoice(ballots(['A', 'B'], ['A'], ['B', 'C']), abc);
    expect(tally.outcome).toEqual({ kind: 'winner', candidateId: 'A' });
    expect(tally.rounds).toHaveLength(1);
  });

  it('RC-3: exactly half of the continuing ballots is not a majority', () => {
    const tally = tallyRankedChoice(ballots(['A'], ['A'], ['B', 'A'], ['C', 'A']), abc);
    expect(tally.rounds[0]).toMatchObject({ continuing: 4, eliminated: 'C' });
    expect(tally.rounds).toHaveLength(2);
    expect(tally.outcome).toEqual({ kind: 'winner', candidateId: 'A' });
  });

  it('RC-4: eliminates the candidate with the fewest votes and transfers its ballots', () => {
    const tally = tallyRankedChoice(ballots(['A'], ['A'], ['B'], ['B'], ['C', 'B']), abc);
    expect(tally.rounds[0]).toMatchObject({ eliminated: 'C', tieBreak: null });
    expect(tally.rounds[1]?.counts).toEqual([
      { candidateId: 'A', votes: 2 },
      { candidateId: 'B', votes: 3 },
    ]);
    expect(tally.outcome).toEqual({ kind: 'winner', candidateId: 'B' });
  });

  it('RC-5: records each round with its number, counts, eliminated candidate and tie-break', () => {
    const tally = tallyRankedChoice(ballots(['A'], ['A'], ['B'], ['B'], ['C', 'B']), abc);
    expect(tally.rounds).toEqual([
      {
        round: 1,
        counts: [
          { candidateId: 'A', votes: 2 },
          { candidateId: 'B', votes: 2 },
          { candidateId: 'C', votes: 1 },
        ],
        exhausted: 0,
        continuing: 5,
        eliminated: 'C',
        tieBreak: null,
      },
      {
        round: 2,
        counts: [
          { candidateId: 'A', votes: 2 },
          { candidateId: 'B', votes: 3 },
        ],
        exhausted: 0,
        continuing: 5,
        eliminated: null,
        tieBreak: null,
      },
    ]);
  });

  it('RC-6: when the final two are level the result is tied, never broken silently', () => {
    const tally = tallyRankedChoice(ballots(['A'], ['A'], ['B'], ['B'], ['C']), abc);
    expect(tally.outcome).toEqual({ kind: 'tied', candidateIds: ['A', 'B'] });
    expect(tally.runnerUp).toBeNull();
  });

  it('RC-6: with no ballots every candidate is tied', () => {
    expect(tallyRankedChoice([], abc).outcome).toEqual({ kind: 'tied', candidateIds: ['A', 'B', 'C'] });
  });

  it('RC-6: three candidates level on first preferences are tied rather than eliminated by rule', () => {
    const tally = tallyRankedChoice(ballots(['A', 'B', 'C'], ['B', 'C', 'A'], ['C', 'A', 'B']), abc);
    expect(tally.outcome).toEqual({ kind: 'tied', candidateIds: ['A', 'B', 'C'] });
    expect(tally.rounds).toHaveLength(1);
  });

  it('RC-7: standings put the winner first, then the last round, then the eliminated, last out first', () => {
    const abcd = voteCandidates('A', 'B', 'C', 'D');
    const tally = tallyRankedChoice(
      ballots(...times(4, ['A']), ...times(3, ['B']), ['C'], ['C'], ['D']),
      abcd,
    );
    expect(tally.outcome).toEqual({ kind: 'winner', candidateId: 'A' });
    expect(tally.standings).toEqual([
      { candidateId: 'A', place: 1, total: 4, eliminatedInRound: null },
      { candidateId: 'B', place: 2, total: 3, eliminatedInRound: null },
      { candidateId: 'C', place: 3, total: 2, eliminatedInRound: 2 },
      { candidateId: 'D', place: 4, total: 1, eliminatedInRound: 1 },
    ]);
  });

  it('RC-8: the runner-up wins the runoff re-run without the winner', () => {
    const tally = tallyRankedChoice(ballots(...times(3, ['A']), ['B'], ['C', 'B'], ['C', 'B']), abc);
    expect(tally.outcome).toEqual({ kind: 'winner', candidateId: 'A' });
    expect(tally.runnerUp).toBe('C');
  });

  it('RC-8: the runner-up is null when the re-run without the winner is tied', () => {
    const tally = tallyRankedChoice(ballots(...times(2, ['A']), ['B'], ['C']), abc);
    expect(tally.outcome).toEqual({ kind: 'winner', candidateId: 'A' });
    expect(tally.runnerUp).toBeNull();
  });

  it('RC-9: the head-to-head table counts ballots ranking one candidate above another, ranked above unranked', () => {
    const tally = tallyRankedChoice(ballots(['A', 'B'], ['B'], ['C']), abc);
    const cell = (a: string, b: string) =>
      tally.headToHead.find((h) => h.candidateId === a && h.opponentId === b)?.preferredBy;
    expect(cell('A', 'B')).toBe(1);
    expect(cell('B', 'A')).toBe(1);
    expect(cell('B', 'C')).toBe(2);
    expect(cell('C', 'A')).toBe(1);
    expect(cell('A', 'C')).toBe(1);
    expect(tally.headToHead).toHaveLength(6);
  });

  it('RC-9: the Condorcet winner beats every other candidate head-to-head; a cycle has none', () => {
    const agreed = tallyRankedChoice(ballots(['A', 'B'], ['A', 'C'], ['B', 'A']), abc);
    expect(agreed.condorcetWinner).toBe('A');
    const cycle = tallyRankedChoice(ballots(['A', 'B', 'C'], ['B', 'C', 'A'], ['C', 'A', 'B']), abc);
    expect(cycle.condorcetWinner).toBeNull();
    expect(cycle.condorcetDisagrees).toBe(false);
  });

  it('RC-10: flags a Condorcet winner that is not the runoff winner (centre squeeze)', () => {
    const tally = tallyRankedChoice(
      ballots(...times(4, ['A', 'B', 'C']), ...times(3, ['C', 'B', 'A']), ...times(2, ['B', 'A', 'C'])),
      abc,
    );
    expect(tally.outcome).toEqual({ kind: 'winner', candidateId: 'A' });
    expect(tally.condorcetWinner).toBe('B');
    expect(tally.condorcetDisagrees).toBe(true);
  });

  it('RC-10: no flag when the Condorcet winner wins the runoff', () => {
    const tally = tallyRankedChoice(ballots(['A', 'B'], ['A', 'C'], ['B', 'A']), abc);
    expect(tally.condorcetDisagrees).toBe(false);
  });

  it('RC-11: the tally ignores ids that are not candidates and repeated ids', () => {
    const tally = tallyRankedChoice(ballots(['z', 'A', 'A', 'B'], ['B', 'B']), abc);
    expect(tally.rounds[0]?.counts).toEqual([
      { candidateId: 'A', votes: 1 },
      { candidateId: 'B', votes: 1 },
      { candidateId: 'C', votes: 0 },
    ]);
  });
});

describe('elimination ties', () => {
  it('T-1, T-2: a tie for fewest votes is broken by the most recent earlier round where they differ', () => {
    const abcd = voteCandidates('A', 'B', 'C', 'D');
    const tally = tallyRankedChoice(
      ballots(...times(5, ['A']), ...times(3, ['B']), ...times(2, ['C']), ['D', 'C']),
      abcd,
    );
    expect(tally.rounds[0]).toMatchObject({ eliminated: 'D', tieBreak: null });
    expect(tally.rounds[1]).toMatchObject({
      eliminated: 'C',
      tieBreak: { rule: 'earlier-round', tiedIds: ['B', 'C'], decidingRound: 1 },
    });
    expect(tally.outcome).toEqual({ kind: 'winner', candidateId: 'A' });
  });

  it('T-2: looks back past earlier rounds where the tied candidates were level', () => {
    const abcde = voteCandidates('A', 'B', 'C', 'D', 'E');
    // Round 1: A5 B3 C2 D2 E1 -> E out; round 2: B3 C3 D2 -> D out; round 3: B3 C3 level, round 2 level, round 1 C fewer.
    const tally = tallyRankedChoice(
      ballots(...times(5, ['A']), ...times(3, ['B']), ...times(2, ['C']), ...times(2, ['D']), ['E', 'C']),
      abcde,
    );
    expect(tally.rounds.map((r) => r.eliminated)).toEqual(['E', 'D', 'C', null]);
    expect(tally.rounds[2]).toMatchObject({
      eliminated: 'C',
      tieBreak: { rule: 'earlier-round', tiedIds: ['B', 'C'], decidingRound: 1 },
    });
    expect(tally.outcome).toEqual({ kind: 'winner', candidateId: 'A' });
  });

  it('T-3: with no earlier round to decide, the candidate proposed later is eliminated', () => {
    const tally = tallyRankedChoice(ballots(...times(2, ['A']), ['B'], ['C']), abc);
    expect(tally.rounds[0]).toMatchObject({
      eliminated: 'C',
      tieBreak: { rule: 'proposed-later', tiedIds: ['B', 'C'], stillTiedIds: ['B', 'C'] },
    });
  });

  it('T-3: uses proposedAt, not the order of the list', () => {
    const candidates = [
      { id: 'A', title: 'A', proposedAt: '2025-01-01T00:00:00.000Z' },
      { id: 'B', title: 'B', proposedAt: '2025-01-03T00:00:00.000Z' },
      { id: 'C', title: 'C', proposedAt: '2025-01-02T00:00:00.000Z' },
    ];
    const tally = tallyRankedChoice(ballots(...times(2, ['A']), ['B'], ['C']), candidates);
    expect(tally.rounds[0]?.eliminated).toBe('B');
  });

  it('T-3: on equal proposal times the candidate later in the vote is eliminated', () => {
    const same = '2025-01-01T00:00:00.000Z';
    const candidates = ['A', 'B', 'C'].map((id) => ({ id, title: id, proposedAt: same }));
    const tally = tallyRankedChoice(ballots(...times(2, ['A']), ['B'], ['C']), candidates);
    expect(tally.rounds[0]?.eliminated).toBe('C');
  });
});
