import { describe, expect, it } from 'vitest';
import { decidePriority } from '../../../bot/domain/decisions';
import { editCandidate, withdrawCandidate } from '../../../bot/domain/candidates';
import {
  castBallot,
  closeVote,
  createRunoff,
  extendVote,
  openVote,
  resolveTieByFacilitator,
  respondToConsent,
  tallyVote,
  type ConsentResponses,
  type CurrentBallots,
} from '../../../bot/domain/voting';
import { NOW, at, candidate, cast, closedVote, rankedBallots, unwrap, vote } from '../factories';

/** Freezes a value and everything inside it, so any write throws in strict mode. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}

const snapshot = (ballots: CurrentBallots) => structuredClone([...ballots.entries()]);

describe('inputs are never mutated', () => {
  it('G-1: opening, casting, tallying and closing leave their inputs as they were', () => {
    const candidates = deepFreeze([candidate('A'), candidate('B'), candidate('C')]);
    const open = deepFreeze(
      unwrap(
        openVote({
          id: 'v',
          teamId: 'team-1',
          candidates,
          openedBy: 'fay',
          now: NOW,
          activePriorityId: null,
        }),
      ),
    );
    const openCopy = structuredClone(open);
    const ballots = cast(open, rankedBallots(['A', 'B'], ['B'], ['C', 'B']));
    const ballotsCopy = snapshot(ballots);
    const ballot = deepFreeze({ method: 'ranked-choice' as const, memberId: 'm9', ranking: ['C'] });

    unwrap(castBallot(open, ballots, ballot, at(5)));
    tallyVote(open, ballots);
    const closed = deepFreeze(
      unwrap(closeVote(open, ballots, { now: at(60), teamSize: 3, closedBy: 'fay' })),
    );
    unwrap(extendVote(open, at(5000), at(1)));

    expect(open).toEqual(openCopy);
    expect(snapshot(ballots)).toEqual(ballotsCopy);
    expect(ballots.has('m9')).toBe(false);
    expect(closed.status).toBe('closed');
  });

  it('G-1: tie handling, consent, candidates and decisions return new values', () => {
    const tied = deepFreeze(closedVote({}, rankedBallots(['A'], ['B'])));
    const tiedCopy = structuredClone(tied);
    unwrap(createRunoff(tied, ['A', 'B'], at(70)));
    const resolved = deepFreeze(unwrap(resolveTieByFacilitator(tied, 'A', 'Stated rule')));
    expect(tied).toEqual(tiedCopy);

    const responses: ConsentResponses = new Map();
    unwrap(respondToConsent(responses, { memberId: 'm1', answer: 'consent' }, at(80)));
    expect(responses.size).toBe(0);

    const original = deepFreeze(candidate('A'));
    unwrap(editCandidate(original, { title: 'Changed' }, { by: 'ann', now: at(1) }));
    unwrap(withdrawCandidate(original, { by: 'ann', now: at(1) }));
    expect(original).toMatchObject({ title: 'Candidate A', status: 'open' });

    const resolvedCopy = structuredClone(resolved);
    unwrap(
      decidePriority({
        vote: resolved,
        decisionId: 'd',
        priorityId: 'p',
        rationale: 'Because',
        concernResponses: [],
        activePriority: null,
        decidedBy: 'fay',
        now: at(90),
      }),
    );
    expect(resolved).toEqual(resolvedCopy);
  });

  it('G-2: refusals are returned as values, never thrown', () => {
    const open = vote();
    expect(() =>
      castBallot(open, new Map(), { method: 'dot', memberId: 'm1', dots: { A: 1 } }, NOW),
    ).not.toThrow();
    expect(castBallot(open, new Map(), { method: 'dot', memberId: 'm1', dots: { A: 1 } }, NOW)).toMatchObject(
      {
        ok: false,
        field: 'method',
        message: expect.stringMatching(/^method: /) as unknown,
      },
    );
  });
});
