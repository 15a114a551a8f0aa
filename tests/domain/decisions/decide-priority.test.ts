import { describe, expect, it } from 'vitest';
import {
  decidePriority,
  standingDecisions,
  supersede,
  supersededBy,
  type DecidePriorityInput,
  type Decision,
  type Priority,
} from '../../../bot/domain/decisions';
import {
  closeVote,
  createRunoff,
  evaluateConsent,
  openConsentRound,
  resolveTieByFacilitator,
  respondToConsent,
  type ClosedVote,
} from '../../../bot/domain/voting';
import { at, cast, closedVote, rankedBallots, times, unwrap, vote } from '../factories';

const won = closedVote({}, rankedBallots(...times(3, ['A']), ['B'], ['C', 'B'], ['C', 'B']));

const input = (overrides: Partial<DecidePriorityInput> = {}): DecidePriorityInput => ({
  vote: won,
  decisionId: 'decision-2',
  priorityId: 'priority-2',
  rationale: 'Most of us ranked it first and it drives the rest.',
  concernResponses: [],
  activePriority: null,
  decidedBy: 'fay',
  now: at(120),
  ...overrides,
});

const activePriority: Priority = {
  id: 'priority-1',
  teamId: 'team-1',
  candidateId: 'old',
  title: 'Old priority',
  amendment: null,
  decisionId: 'decision-1',
  chosenAt: at(-5000),
  status: 'active',
  endedAt: null,
  endReason: null,
};

function closedWithDisposition(
  disposition: NonNullable<Parameters<typeof vote>[1]>['currentPriorityDisposition'],
): ClosedVote {
  const open = vote({}, { activePriorityId: 'priority-1', currentPriorityDisposition: disposition });
  const ballots = cast(open, rankedBallots(['A'], ['A'], ['B']));
  return unwrap(closeVote(open, ballots, { now: at(60), teamSize: 3, closedBy: 'fay' }));
}

describe('deciding the priority', () => {
  it('D-1: a decided vote yields the active priority of its winner', () => {
    const { priority } = unwrap(decidePriority(input()));
    expect(priority).toEqual({
      id: 'priority-2',
      teamId: 'team-1',
      candidateId: 'A',
      title: 'Candidate A',
      amendment: null,
      decisionId: 'decision-2',
      chosenAt: at(120),
      status: 'active',
      endedAt: null,
      endReason: null,
    });
  });

  it('D-1: a tied or no-quorum vote decides nothing', () => {
    const tied = closedVote({}, rankedBallots(['A'], ['B']));
    expect(decidePriority(input({ vote: tied }))).toMatchObject({ ok: false, field: 'vote' });
    const noQuorum = closedVote({}, rankedBallots(['A']), 5);
    expect(decidePriority(input({ vote: noQuorum }))).toMatchObject({ ok: false, field: 'vote' });
  });

  it('D-1: a tie resolved by the facilitator decides, and the resolution is in the result summary', () => {
    const tied = closedVote({}, rankedBallots(['A'], ['B']));
    const resolved = unwrap(resolveTieByFacilitator(tied, 'B', 'B has the stronger evidence'));
    const { decision } = unwrap(decidePriority(input({ vote: resolved })));
    expect(decision.result.tieResolution).toMatchObject({
      chosenId: 'B',
      reason: 'B has the stronger evidence',
    });
  });

  it('D-2: with a consent round the decision needs an adopted outcome of that vote', () => {
    const needsConsent = closedVote(
      { consentRound: true },
      rankedBallots(...times(3, ['A']), ['B'], ['C', 'B'], ['C', 'B']),
    );
    expect(decidePriority(input({ vote: needsConsent }))).toMatchObject({ ok: false, field: 'consent' });

    const round = unwrap(openConsentRound({ id: 'round-1', vote: needsConsent, now: at(70) }));
    const objected = evaluateConsent(
      round,
      unwrap(respondToConsent(new Map(), { memberId: 'm1', answer: 'object', reason: 'No time' }, at(71))),
    );
    expect(decidePriority(input({ vote: needsConsent, consent: objected }))).toMatchObject({
      ok: false,
      field: 'consent',
    });

    const runnerUpRound = unwrap(
      openConsentRound({ id: 'round-2', vote: needsConsent, candidateId: 'C', now: at(80) }),
    );
    const adopted = evaluateConsent(runnerUpRound, new Map());
    const decided = unwrap(decidePriority(input({ vote: needsConsent, consent: adopted })));
    expect(decided.priority.candidateId).toBe('C');
    expect(decided.watchList.map((w) => w.candidateId)).toEqual(['A', 'B']);
  });

  it('D-3: the rationale is required, 1 to 1000 characters', () => {
    expect(decidePriority(input({ rationale: '  ' }))).toMatchObject({ ok: false, field: 'rationale' });
    expect(decidePriority(input({ rationale: 'x'.repeat(1001) }))).toMatchObject({
      ok: false,
      field: 'rationale',
    });
  });

  it('D-4: every concern needs a response, and responses name known concerns', () => {
    const open = vote();
    const ballots = cast(open, [
      { method: 'ranked-choice', memberId: 'm1', ranking: ['A'], concern: 'Staff are tired' },
      { method: 'ranked-choice', memberId: 'm2', ranking: ['A'] },
    ]);
    const withConcern = unwrap(closeVote(open, ballots, { now: at(60), teamSize: 2, closedBy: 'fay' }));
    expect(decidePriority(input({ vote: withConcern }))).toMatchObject({
      ok: false,
      field: 'concernResponses.concern-1',
    });
    expect(
      decidePriority(
        input({ vote: withConcern, concernResponses: [{ concernId: 'concern-9', response: 'x' }] }),
      ),
    ).toMatchObject({ ok: false, field: 'concernResponses' });
    const { decision } = unwrap(
      decidePriority(
        input({
          vote: withConcern,
          concernResponses: [{ concernId: 'concern-1', response: 'We drop two programs.' }],
        }),
      ),
    );
    expect(decision.concerns).toEqual([
      { concernId: 'concern-1', text: 'Staff are tired', response: 'We drop two programs.' },
    ]);
  });

  it('D-5: the decision records what the announcement needs', () => {
    const { decision } = unwrap(decidePriority(input()));
    expect(decision).toMatchObject({
      id: 'decision-2',
      teamId: 'team-1',
      kind: 'priority-chosen',
      title: 'Candidate A',
      rationale: 'Most of us ranked it first and it drives the rest.',
      method: 'ranked-choice',
      turnout: { voted: 6, teamSize: 6 },
      concerns: [],
      previousPriority: null,
      decidedAt: at(120),
      decidedBy: 'fay',
      supersedes: null,
    });
    expect(decision.result.rounds).toHaveLength(2);
    expect(decision.result.standings[0]).toMatchObject({ candidateId: 'A', place: 1 });
  });
});

describe('the one active priority and the watch list', () => {
  it('P-1: a decision is refused when a priority is active and the vote did not say what happens to it', () => {
    expect(decidePriority(input({ activePriority }))).toMatchObject({ ok: false, field: 'activePriority' });
  });

  it('P-3: deciding completes the active priority as recorded when the vote opened', () => {
    const decided = unwrap(
      decidePriority(input({ vote: closedWithDisposition({ kind: 'completed' }), activePriority })),
    );
    expect(decided.endedPriority).toMatchObject({
      id: 'priority-1',
      status: 'completed',
      endedAt: at(120),
      endReason: null,
    });
    expect(decided.decision.previousPriority).toEqual({ priorityId: 'priority-1', kind: 'completed' });
    expect(activePriority.status).toBe('active');
  });

  it('P-3: a disposition about another priority is refused', () => {
    const other = { ...activePriority, id: 'priority-9' };
    expect(
      decidePriority(input({ vote: closedWithDisposition({ kind: 'completed' }), activePriority: other })),
    ).toMatchObject({ ok: false, field: 'activePriority' });
  });

  it('P-4: every other candidate goes to the watch list with its place and total, best first', () => {
    const { watchList, decision } = unwrap(decidePriority(input()));
    expect(watchList).toEqual([
      { candidateId: 'C', title: 'Candidate C', place: 2, total: 2, voteId: 'vote-1' },
      { candidateId: 'B', title: 'Candidate B', place: 3, total: 1, voteId: 'vote-1' },
    ]);
    expect(decision.watchList).toEqual(watchList);
  });
});

describe('the decision log', () => {
  const first = unwrap(decidePriority(input({ decisionId: 'decision-1', now: at(100) }))).decision;
  const second = unwrap(decidePriority(input({ decisionId: 'decision-2', now: at(200) }))).decision;

  it('D-6: superseding returns the later decision carrying supersedes and leaves the earlier one unchanged', () => {
    const before = structuredClone(first);
    const linked = unwrap(supersede(first, second));
    expect(linked.supersedes).toBe('decision-1');
    expect(second.supersedes).toBeNull();
    expect(first).toEqual(before);
    const log: Decision[] = [first, linked];
    expect(supersededBy(first, log)?.id).toBe('decision-2');
    expect(standingDecisions(log).map((d) => d.id)).toEqual(['decision-2']);
  });

  it('D-6: a decision cannot supersede itself, a later one, or one of another team', () => {
    expect(supersede(first, first)).toMatchObject({ ok: false, field: 'by' });
    expect(supersede(second, first)).toMatchObject({ ok: false, field: 'by' });
    expect(supersede(first, { ...second, teamId: 'team-2' })).toMatchObject({ ok: false, field: 'by' });
  });

  it('D-7: replacing the active priority supersedes the decision that chose it; completing it does not', () => {
    const replaced = unwrap(
      decidePriority(
        input({ vote: closedWithDisposition({ kind: 'replaced', reason: 'Data changed' }), activePriority }),
      ),
    );
    expect(replaced.decision.supersedes).toBe('decision-1');
    expect(replaced.endedPriority).toMatchObject({ status: 'replaced', endReason: 'Data changed' });
    const completed = unwrap(
      decidePriority(input({ vote: closedWithDisposition({ kind: 'completed' }), activePriority })),
    );
    expect(completed.decision.supersedes).toBeNull();
  });
});

describe('a runoff decision', () => {
  it('P-5: needs the vote it followed, whose other candidates join the watch list after the runoff', () => {
    const tied = closedVote({}, rankedBallots(['A'], ['B'], ['A', 'C'], ['B', 'C']));
    const runoff = unwrap(createRunoff(tied, ['A', 'B'], at(70)));
    const ballots = cast(runoff, rankedBallots(['A'], ['A'], ['B']));
    const decidedRunoff = unwrap(closeVote(runoff, ballots, { now: at(200), teamSize: 4, closedBy: 'fay' }));
    expect(decidePriority(input({ vote: decidedRunoff }))).toMatchObject({
      ok: false,
      field: 'earlierVotes',
    });
    const { priority, watchList } = unwrap(
      decidePriority(input({ vote: decidedRunoff, earlierVotes: [tied] })),
    );
    expect(priority.candidateId).toBe('A');
    expect(watchList).toEqual([
      { candidateId: 'B', title: 'Candidate B', place: 2, total: 1, voteId: 'vote-1:runoff' },
      { candidateId: 'C', title: 'Candidate C', place: 3, total: 0, voteId: 'vote-1' },
    ]);
  });
});
