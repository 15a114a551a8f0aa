import { describe, expect, it } from 'vitest';
import {
  evaluateConsent,
  openConsentRound,
  respondToConsent,
  type ConsentResponseInput,
  type ConsentResponses,
} from '../../../bot/domain/voting';
import { at, closedVote, rankedBallots, times, unwrap } from '../factories';

// A wins; without A, C wins the re-run, so C is the runner-up.
const decided = closedVote(
  { consentRound: true },
  rankedBallots(...times(3, ['A']), ['B'], ['C', 'B'], ['C', 'B']),
);
const respond = (responses: ConsentResponseInput[]): ConsentResponses =>
  responses.reduce<ConsentResponses>((current, r) => unwrap(respondToConsent(current, r, at(80))), new Map());

describe('consent round', () => {
  it('C-1: opens on the winner of a decided vote by default', () => {
    const round = unwrap(openConsentRound({ id: 'round-1', vote: decided, now: at(70) }));
    expect(round).toEqual({
      id: 'round-1',
      voteId: 'vote-1',
      candidateId: 'A',
      amendment: null,
      openedAt: at(70),
    });
  });

  it('C-1: a tied or no-quorum vote has no consent round', () => {
    const tied = closedVote({ consentRound: true }, rankedBallots(['A'], ['B']));
    expect(openConsentRound({ id: 'r', vote: tied, now: at(70) })).toMatchObject({
      ok: false,
      field: 'vote',
    });
  });

  it('C-2: an objection needs a reason; consent and stand-aside do not', () => {
    expect(respondToConsent(new Map(), { memberId: 'm1', answer: 'object' }, at(80))).toEqual({
      ok: false,
      field: 'reason',
      message: 'reason: an objection needs a reason',
    });
    expect(respondToConsent(new Map(), { memberId: 'm1', answer: 'object', reason: '  ' }, at(80)).ok).toBe(
      false,
    );
    expect(respondToConsent(new Map(), { memberId: 'm1', answer: 'stand-aside' }, at(80)).ok).toBe(true);
  });

  it('C-2: the latest response per member counts', () => {
    const responses = respond([
      { memberId: 'm1', answer: 'object', reason: 'No staff time' },
      { memberId: 'm1', answer: 'consent' },
    ]);
    expect(responses.size).toBe(1);
    expect(responses.get('m1')?.answer).toBe('consent');
  });

  it('C-3: the candidate is adopted when nobody objects', () => {
    const round = unwrap(openConsentRound({ id: 'round-1', vote: decided, now: at(70) }));
    const outcome = evaluateConsent(
      round,
      respond([
        { memberId: 'm1', answer: 'consent' },
        { memberId: 'm2', answer: 'stand-aside' },
        { memberId: 'm3', answer: 'consent' },
      ]),
    );
    expect(outcome).toEqual({
      kind: 'adopted',
      roundId: 'round-1',
      voteId: 'vote-1',
      candidateId: 'A',
      amendment: null,
      consents: 2,
      standAsides: 1,
    });
  });

  it('C-4: a single objection blocks adoption and every objection is listed with its reason', () => {
    const round = unwrap(openConsentRound({ id: 'round-1', vote: decided, now: at(70) }));
    const outcome = evaluateConsent(
      round,
      respond([
        { memberId: 'm1', answer: 'consent' },
        { memberId: 'm2', answer: 'object', reason: 'No staff time this term' },
        { memberId: 'm3', answer: 'object', reason: 'Overlaps with the district plan' },
      ]),
    );
    expect(outcome).toMatchObject({
      kind: 'objected',
      objections: [
        { memberId: 'm2', reason: 'No staff time this term' },
        { memberId: 'm3', reason: 'Overlaps with the district plan' },
      ],
    });
  });

  it('C-5: the facilitator can amend and re-run the round', () => {
    const round = unwrap(
      openConsentRound({ id: 'round-2', vote: decided, amendment: ' Start with grade 6 only ', now: at(90) }),
    );
    expect(round).toMatchObject({ candidateId: 'A', amendment: 'Start with grade 6 only' });
    expect(evaluateConsent(round, new Map())).toMatchObject({
      kind: 'adopted',
      amendment: 'Start with grade 6 only',
    });
  });

  it('C-6: the runner-up may be put to consent, no other candidate', () => {
    expect(decided.tally?.runnerUp).toBe('C');
    expect(
      unwrap(openConsentRound({ id: 'r', vote: decided, candidateId: 'C', now: at(90) })).candidateId,
    ).toBe('C');
    expect(openConsentRound({ id: 'r', vote: decided, candidateId: 'B', now: at(90) })).toMatchObject({
      ok: false,
      field: 'candidateId',
    });
  });
});
