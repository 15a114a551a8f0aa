import { describe, expect, it } from 'vitest';
import {
  evaluateConsent,
  openConsentRound,
  respondToConsent,
  type ClosedVote,
  type ConsentResponseInput,
  type ConsentResponses,
  type VoteSettingsInput,
} from '../../../bot/domain/voting';
import type { Candidate } from '../../../bot/domain/candidates';
import {
  consentPersonalCard,
  consentSharedCard,
  type ConsentCardView,
  type ConsentViewer,
} from '../../../bot/teams/cards/consent-card';
import {
  EVIL,
  action,
  at,
  buttonTitles,
  bytes,
  candidate,
  close,
  expectNoUnescapedUserText,
  expectValidCard,
  input,
  inputs,
  longText,
  manyCandidates,
  openTestVote,
  ranked,
  unwrap,
  visibleText,
} from './card-kit';

/** A decided vote: A wins, B is the runner-up. */
function decidedVote(settings: VoteSettingsInput = {}, candidates?: Candidate[]): ClosedVote {
  const vote = close(
    openTestVote({ consentRound: true, ...settings }, candidates),
    ranked(['A', 'B'], ['A', 'B'], ['B', 'C']),
    5,
  );
  expect(vote.outcome.kind).toBe('decided');
  return vote;
}

function respond(answers: readonly ConsentResponseInput[]): ConsentResponses {
  return answers.reduce<ConsentResponses>(
    (current, answer, index) => unwrap(respondToConsent(current, answer, at(200 + index))),
    new Map(),
  );
}

function view(
  vote: ClosedVote,
  overrides: Partial<ConsentCardView> & { candidateId?: string; amendment?: string } = {},
): ConsentCardView {
  const { candidateId, amendment, ...rest } = overrides;
  const round = unwrap(
    openConsentRound({
      id: 'round-1',
      vote,
      now: at(150),
      ...(candidateId ? { candidateId } : {}),
      ...(amendment ? { amendment } : {}),
    }),
  );
  return {
    vote,
    round,
    responses: new Map(),
    teamSize: 5,
    memberNames: new Map([
      ['m1', 'Ann'],
      ['m2', 'Ben'],
      ['m3', 'Cat'],
    ]),
    facilitatorName: 'Fay',
    refreshUserIds: ['u1', 'u2'],
    outcome: null,
    ...rest,
  };
}

function viewer(overrides: Partial<ConsentViewer> = {}): ConsentViewer {
  return { memberId: 'm1', isFacilitator: false, editing: false, ...overrides };
}

const mixed: ConsentResponseInput[] = [
  { memberId: 'm1', answer: 'consent' },
  { memberId: 'm2', answer: 'stand-aside' },
  { memberId: 'm3', answer: 'object', reason: 'We have no time this term' },
];

describe('consentSharedCard', () => {
  it('asks the question about the winner, with counts, turnout, Answer and Finish consent round', () => {
    const card = consentSharedCard(view(decidedVote({ anonymous: false }), { responses: respond(mixed) }));
    expectValidCard(card);
    const text = visibleText(card);
    expect(text).toContain('Can everyone live with this?');
    expect(text).toContain('\nA\n');
    expect(text).toContain('1 consent · 1 stand aside · 1 object');
    expect(text).toContain('3 of 5 have answered');
    expect(text).toContain('Cat: We have no time this term');
    expect(text).not.toContain('As amended');
    expect(buttonTitles(card)).toEqual(['Answer', 'Finish consent round']);
    expect(action(card, 'Answer')).toMatchObject({
      type: 'Action.Execute',
      verb: 'consent.view',
      data: { voteId: 'vote-1' },
      associatedInputs: 'none',
    });
    expect(action(card, 'Finish consent round')).toMatchObject({
      type: 'Action.Execute',
      verb: 'consent.finish',
      data: { voteId: 'vote-1' },
    });
    expect(card.refresh).toMatchObject({
      action: { type: 'Action.Execute', verb: 'consent.view', data: { voteId: 'vote-1' } },
      userIds: ['u1', 'u2'],
    });
    expect(inputs(card).size).toBe(0);
  });

  it('counts nobody yet as 0 of the team', () => {
    const card = consentSharedCard(view(decidedVote()));
    expect(visibleText(card)).toContain('0 consent · 0 stand aside · 0 object');
    expect(visibleText(card)).toContain('0 of 5 have answered');
    expect(visibleText(card)).not.toContain('Objections');
  });

  it('anonymous: lists the objections with their reasons but no names', () => {
    const card = consentSharedCard(view(decidedVote({ anonymous: true }), { responses: respond(mixed) }));
    const text = visibleText(card);
    expect(text).toContain('We have no time this term');
    for (const name of ['Ann', 'Ben', 'Cat']) expect(text).not.toContain(name);
  });

  it('shows the amendment and says when the runner-up is put to consent', () => {
    const amended = consentSharedCard(view(decidedVote(), { amendment: 'A, but only for grade 3' }));
    expect(visibleText(amended)).toContain('As amended: A, but only for grade 3');
    const runnerUp = consentSharedCard(view(decidedVote(), { candidateId: 'B' }));
    expect(visibleText(runnerUp)).toContain('\nB\n');
    expect(visibleText(runnerUp)).toContain('runner-up');
  });

  it('adopted: says so, with no refresh and no actions', () => {
    const v = view(decidedVote(), { responses: respond(mixed.slice(0, 2)) });
    const card = consentSharedCard({ ...v, outcome: evaluateConsent(v.round, v.responses) });
    expectValidCard(card);
    expect(visibleText(card)).toContain('Adopted: nobody objects.');
    expect(card.refresh).toBeUndefined();
    expect(buttonTitles(card)).toEqual([]);
  });

  it('objected: says the facilitator will amend or choose the runner-up, with the objections', () => {
    const v = view(decidedVote({ anonymous: false }), { responses: respond(mixed) });
    const card = consentSharedCard({ ...v, outcome: evaluateConsent(v.round, v.responses) });
    expectValidCard(card);
    expect(visibleText(card)).toContain(
      'Objections were raised: the facilitator will amend or choose the runner-up.',
    );
    expect(visibleText(card)).toContain('Cat: We have no time this term');
    expect(card.refresh).toBeUndefined();
    expect(buttonTitles(card)).toEqual([]);
  });
});

describe('consentPersonalCard', () => {
  it('not answered: the answer form with Send answer', () => {
    const card = consentPersonalCard(view(decidedVote()), viewer());
    expectValidCard(card);
    expect(visibleText(card)).toContain('Can everyone live with this?');
    expect(input(card, 'answer')).toMatchObject({
      type: 'Input.ChoiceSet',
      label: 'Your answer',
      style: 'expanded',
      isRequired: true,
    });
    expect(input(card, 'answer').choices).toEqual([
      { title: 'Consent — I can live with it', value: 'consent' },
      { title: "Stand aside — I won't block it", value: 'stand-aside' },
      { title: 'Object — I cannot live with it', value: 'object' },
    ]);
    expect(input(card, 'reason')).toMatchObject({
      type: 'Input.Text',
      label: 'Reason (needed to object)',
      maxLength: 1000,
      isMultiline: true,
    });
    expect(input(card, 'reason').isRequired).toBeUndefined();
    expect(buttonTitles(card)).toEqual(['Send answer']);
    expect(action(card, 'Send answer')).toMatchObject({
      type: 'Action.Execute',
      verb: 'consent.respond',
      data: { voteId: 'vote-1' },
      associatedInputs: 'auto',
    });
    expect(card.refresh).toMatchObject({
      action: { verb: 'consent.view', data: { voteId: 'vote-1' } },
      userIds: ['u1', 'u2'],
    });
  });

  it('the facilitator also gets Finish consent round', () => {
    const card = consentPersonalCard(view(decidedVote()), viewer({ isFacilitator: true }));
    expect(buttonTitles(card)).toEqual(['Send answer', 'Finish consent round']);
    expect(action(card, 'Finish consent round')).toMatchObject({
      verb: 'consent.finish',
      data: { voteId: 'vote-1' },
      associatedInputs: 'none',
    });
  });

  it.each([
    ['m1', 'Your answer: Consent'],
    ['m2', 'Your answer: Stand aside'],
    ['m3', 'Your answer: Object — We have no time this term'],
  ])('answered (%s): "%s" with Change answer', (memberId, expected) => {
    const card = consentPersonalCard(
      view(decidedVote(), { responses: respond(mixed) }),
      viewer({ memberId }),
    );
    expectValidCard(card);
    expect(visibleText(card)).toContain(expected);
    expect(inputs(card).size).toBe(0);
    expect(buttonTitles(card)).toEqual(['Change answer']);
    expect(action(card, 'Change answer')).toMatchObject({
      verb: 'consent.change',
      data: { voteId: 'vote-1' },
      associatedInputs: 'none',
    });
  });

  it('editing: the form again, filled in with the current answer', () => {
    const card = consentPersonalCard(
      view(decidedVote(), { responses: respond(mixed) }),
      viewer({ memberId: 'm3', editing: true, isFacilitator: true }),
    );
    expect(input(card, 'answer').value).toBe('object');
    expect(input(card, 'reason').value).toBe('We have no time this term');
    expect(buttonTitles(card)).toEqual(['Send answer', 'Finish consent round']);
  });

  it('shows an error first', () => {
    const card = consentPersonalCard(
      view(decidedVote()),
      viewer({ error: 'reason: an objection needs a reason' }),
    );
    expect(card.body[0]).toMatchObject({ color: 'Attention' });
    expect(visibleText(card)).toContain('reason: an objection needs a reason');
  });

  it('closed: the same as the shared card once the round has an outcome', () => {
    const v = view(decidedVote(), { responses: respond(mixed) });
    const closed = { ...v, outcome: evaluateConsent(v.round, v.responses) };
    const card = consentPersonalCard(closed, viewer({ isFacilitator: true }));
    expect(card).toEqual(consentSharedCard(closed));
    expect(card.refresh).toBeUndefined();
    expect(buttonTitles(card)).toEqual([]);
  });
});

describe('consent cards escape user text', () => {
  it('titles, vote title, amendment, reasons, names and errors', () => {
    const vote = close(
      openTestVote({ anonymous: false, consentRound: true }, [candidate('A', EVIL), candidate('B', EVIL)], {
        title: EVIL,
      }),
      ranked(['A', 'B'], ['A', 'B'], ['B']),
      5,
    );
    const answers: ConsentResponseInput[] = [
      { memberId: 'm1', answer: 'object', reason: EVIL },
      { memberId: 'm2', answer: 'consent', reason: EVIL },
    ];
    const v = view(vote, {
      amendment: EVIL,
      responses: respond(answers),
      memberNames: new Map([
        ['m1', EVIL],
        ['m2', EVIL],
      ]),
      facilitatorName: EVIL,
    });
    const closed = { ...v, outcome: evaluateConsent(v.round, v.responses) };
    const cards = [
      consentSharedCard(v),
      consentSharedCard(closed),
      consentPersonalCard(v, viewer({ error: EVIL })),
      consentPersonalCard(v, viewer({ memberId: 'm2' })),
      consentPersonalCard(v, viewer({ editing: true, isFacilitator: true })),
      consentPersonalCard(view(vote, { candidateId: 'B' }), viewer({ memberId: 'm9' })),
    ];
    for (const card of cards) {
      expectValidCard(card);
      expectNoUnescapedUserText(card);
    }
    expect(visibleText(cards[0]!)).toContain(`As amended: ${EVIL}`);
    expect(visibleText(cards[2]!)).toContain(`Your answer: Object — ${EVIL}`);
  });
});

describe('consent cards stay under 28 KB', () => {
  it('with 200 responses, 150 long objections, long names and 30 long candidates', () => {
    const candidates = manyCandidates();
    const vote = close(
      openTestVote({ anonymous: false, consentRound: true }, candidates, { title: longText('title', 140) }),
      ranked(['c1', 'c2'], ['c1', 'c2'], ['c2']),
    );
    const answers: ConsentResponseInput[] = Array.from({ length: 200 }, (_, i) =>
      i < 150
        ? { memberId: `m${i}`, answer: 'object', reason: longText(`reason ${i}`) }
        : { memberId: `m${i}`, answer: i % 2 ? 'consent' : 'stand-aside', reason: longText(`note ${i}`) },
    );
    const v = view(vote, {
      amendment: longText('amendment'),
      teamSize: 200,
      responses: respond(answers),
      memberNames: new Map(answers.map((a) => [a.memberId, `${'[Long] name_'.repeat(8)} ${a.memberId}`])),
      refreshUserIds: Array.from({ length: 60 }, (_, i) => `u${i}`),
    });
    const closed = { ...v, outcome: evaluateConsent(v.round, v.responses) };
    const cards = [
      consentSharedCard(v),
      consentSharedCard(closed),
      consentPersonalCard(v, viewer({ memberId: 'm0' })),
      consentPersonalCard(v, viewer({ memberId: 'm0', editing: true, isFacilitator: true })),
    ];
    for (const card of cards) {
      expectValidCard(card);
      expect(bytes(card)).toBeLessThan(28 * 1024);
      expect(visibleText(card)).toMatch(/and \d+ more/);
      expect(visibleText(card)).toContain('200 of 200 have answered');
      expect(visibleText(card)).toContain('25 consent · 25 stand aside · 150 object');
    }
    expect(cards[0]!.refresh?.userIds).toHaveLength(60);
    expect(input(cards[3]!, 'reason').value).toBe(longText('reason 0'));
  });
});
