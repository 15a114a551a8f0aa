import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  tallyApproval,
  tallyDot,
  tallyRankedChoice,
  tallyScore,
  validateBallot,
  type VoteCandidate,
} from '../../../bot/domain/voting';
import { vote, voteCandidates } from '../factories';

const IDS = ['A', 'B', 'C', 'D', 'E'];

/** 2..5 candidates with ids A, B, … */
const candidatesArb = fc.integer({ min: 2, max: 5 }).map((n) => voteCandidates(...IDS.slice(0, n)));

const rankingArb = (candidates: VoteCandidate[]) =>
  fc.shuffledSubarray(
    candidates.map((c) => c.id),
    { minLength: 1 },
  );

const rankedCase = candidatesArb.chain((candidates) =>
  fc.record({
    candidates: fc.constant(candidates),
    rankings: fc.array(rankingArb(candidates), { maxLength: 25 }),
  }),
);

/** A list and a permutation of it. */
function withPermutation<T>(items: T[]) {
  return fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
}

const ballotsOf = (rankings: string[][]) => rankings.map((ranking) => ({ ranking }));

describe('properties of the tallies', () => {
  it('G-3: permuting ranked ballots never changes the result', () => {
    fc.assert(
      fc.property(
        rankedCase.chain((c) => fc.tuple(fc.constant(c), withPermutation(c.rankings))),
        ([{ candidates, rankings }, permuted]) => {
          expect(tallyRankedChoice(ballotsOf(permuted), candidates)).toEqual(
            tallyRankedChoice(ballotsOf(rankings), candidates),
          );
        },
      ),
    );
  });

  it('G-3: permuting dot, approval and score ballots never changes the result', () => {
    const scoresArb = (candidates: VoteCandidate[]) =>
      fc.array(fc.record(Object.fromEntries(candidates.map((c) => [c.id, fc.integer({ min: 0, max: 5 })]))), {
        maxLength: 20,
      });
    fc.assert(
      fc.property(
        candidatesArb.chain((candidates) =>
          scoresArb(candidates).chain((ballots) =>
            fc.tuple(fc.constant(candidates), fc.constant(ballots), withPermutation(ballots)),
          ),
        ),
        ([candidates, ballots, permuted]) => {
          const asScores = (list: Record<string, number>[]) => list.map((scores) => ({ scores }));
          const asDots = (list: Record<string, number>[]) => list.map((dots) => ({ dots }));
          const asApprovals = (list: Record<string, number>[]) =>
            list.map((s) => ({ approved: Object.keys(s).filter((id) => (s[id] ?? 0) > 2) }));
          expect(tallyScore(asScores(permuted), candidates)).toEqual(
            tallyScore(asScores(ballots), candidates),
          );
          expect(tallyDot(asDots(permuted), candidates)).toEqual(tallyDot(asDots(ballots), candidates));
          expect(tallyApproval(asApprovals(permuted), candidates)).toEqual(
            tallyApproval(asApprovals(ballots), candidates),
          );
        },
      ),
    );
  });

  it('RC-3: a candidate ranked first on more than half of the ballots wins the runoff in round 1', () => {
    fc.assert(
      fc.property(rankedCase, ({ candidates, rankings }) => {
        const firsts = new Map<string, number>();
        for (const ranking of rankings) {
          const first = ranking[0];
          if (first !== undefined) firsts.set(first, (firsts.get(first) ?? 0) + 1);
        }
        const majority = [...firsts].find(([, count]) => count * 2 > rankings.length);
        fc.pre(majority !== undefined);
        const tally = tallyRankedChoice(ballotsOf(rankings), candidates);
        expect(tally.outcome).toEqual({ kind: 'winner', candidateId: majority?.[0] });
        expect(tally.rounds).toHaveLength(1);
      }),
    );
  });

  it('RC-3: adding a ballot that ranks the winner first never makes it lose', () => {
    fc.assert(
      fc.property(
        rankedCase.chain((c) => fc.tuple(fc.constant(c), rankingArb(c.candidates))),
        ([{ candidates, rankings }, extra]) => {
          const before = tallyRankedChoice(ballotsOf(rankings), candidates);
          fc.pre(before.outcome.kind === 'winner');
          const winner = before.outcome.kind === 'winner' ? before.outcome.candidateId : '';
          const ranking = [winner, ...extra.filter((id) => id !== winner)];
          const after = tallyRankedChoice(ballotsOf([...rankings, ranking]), candidates);
          expect(after.outcome).toEqual({ kind: 'winner', candidateId: winner });
        },
      ),
    );
  });

  it('RC-2: in every round the counts and the exhausted ballots add up to all ballots', () => {
    fc.assert(
      fc.property(rankedCase, ({ candidates, rankings }) => {
        for (const round of tallyRankedChoice(ballotsOf(rankings), candidates).rounds) {
          const counted = round.counts.reduce((sum, c) => sum + c.votes, 0);
          expect(counted).toBe(round.continuing);
          expect(counted + round.exhausted).toBe(rankings.length);
        }
      }),
    );
  });

  it('T-4: an instant runoff ends with a winner or a tie, and every candidate has a standing', () => {
    fc.assert(
      fc.property(rankedCase, ({ candidates, rankings }) => {
        const tally = tallyRankedChoice(ballotsOf(rankings), candidates);
        expect(tally.standings.map((s) => s.candidateId).sort()).toEqual(candidates.map((c) => c.id).sort());
        if (tally.outcome.kind === 'tied') expect(tally.outcome.candidateIds.length).toBeGreaterThan(1);
      }),
    );
  });

  it('DOT-2: a dot ballot that validates never exceeds the allowance', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }))),
        fc.dictionary(fc.constantFrom('A', 'B', 'C', 'x'), fc.integer({ min: -1, max: 7 })),
        ([dotsPerMember, maxDotsPerCandidate], dots) => {
          const target = vote({ method: 'dot', dotsPerMember, maxDotsPerCandidate });
          const result = validateBallot(target, { method: 'dot', memberId: 'm1', dots });
          if (!result.ok || result.value.method !== 'dot') return;
          const values = Object.values(result.value.dots);
          expect(values.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(dotsPerMember);
          expect(values.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
          for (const value of values) expect(value).toBeLessThanOrEqual(maxDotsPerCandidate);
        },
      ),
    );
  });

  it('SC-3, APP-2: score and approval totals equal the sums over the ballots', () => {
    fc.assert(
      fc.property(
        candidatesArb.chain((candidates) =>
          fc.tuple(
            fc.constant(candidates),
            fc.array(
              fc.record(Object.fromEntries(candidates.map((c) => [c.id, fc.integer({ min: 0, max: 5 })])), {
                requiredKeys: [],
              }),
              { maxLength: 20 },
            ),
          ),
        ),
        ([candidates, scoreBallots]) => {
          const scores = tallyScore(
            scoreBallots.map((s) => ({ scores: s as Record<string, number> })),
            candidates,
          );
          const approvals = tallyApproval(
            scoreBallots.map((s) => ({ approved: Object.keys(s) })),
            candidates,
          );
          for (const candidate of candidates) {
            const scoreSum = scoreBallots.reduce(
              (sum, s) => sum + ((s as Record<string, number>)[candidate.id] ?? 0),
              0,
            );
            const approvalSum = scoreBallots.filter((s) => candidate.id in s).length;
            expect(scores.totals.find((t) => t.candidateId === candidate.id)?.votes).toBe(scoreSum);
            expect(approvals.totals.find((t) => t.candidateId === candidate.id)?.votes).toBe(approvalSum);
          }
        },
      ),
    );
  });
});
