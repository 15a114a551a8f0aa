import { describe, expect, it } from 'vitest';
import {
  evaluateConsent,
  openConsentRound,
  respondToConsent,
  type BallotInput,
  type ClosedVote,
  type ConsentOutcome,
  type ConsentResponseInput,
  type ConsentResponses,
} from '../../../bot/domain/voting';
import { facilitatorCloseCard } from '../../../bot/teams/cards/close-vote-card';
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

describe('facilitatorCloseCard', () => {
  it('decided: the winner and the Announce decision form with a response per concern', () => {
    const ballots: BallotInput[] = [
      ...ranked(['A'], ['A']),
      { method: 'ranked-choice', memberId: 'm9', ranking: ['B'], concern: 'Who has time for this?' },
    ];
    const card = facilitatorCloseCard(close(openTestVote(), ballots));
    expectValidCard(card);
    expect(visibleText(card)).toContain('Winner: A');
    expect(buttonTitles(card)).toEqual(['Announce decision']);
    expect(action(card, 'Announce decision')).toMatchObject({
      type: 'Action.Execute',
      verb: 'decision.announce',
      data: { voteId: 'vote-1' },
    });
    expect(input(card, 'rationale')).toMatchObject({
      type: 'Input.Text',
      label: 'Rationale',
      isRequired: true,
      maxLength: 1000,
      isMultiline: true,
    });
    expect(input(card, 'response_concern-1')).toMatchObject({
      type: 'Input.Text',
      label: 'Who has time for this?',
      placeholder: 'Your response',
      isRequired: true,
    });
  });

  it('tied: the tied candidates, Start runoff and the tie-break form', () => {
    const card = facilitatorCloseCard(close(openTestVote(), ranked(['A'], ['B'])));
    expectValidCard(card);
    expect(visibleText(card)).toContain('Tied between A and B');
    expect(buttonTitles(card)).toEqual(['Start runoff', 'Choose the winner']);
    expect(action(card, 'Start runoff')).toMatchObject({
      verb: 'vote.runoff',
      data: { voteId: 'vote-1' },
      associatedInputs: 'none',
    });
    expect(action(card, 'Choose the winner')).toMatchObject({
      verb: 'vote.tiebreak',
      data: { voteId: 'vote-1' },
    });
    expect(input(card, 'chosenId')).toMatchObject({
      type: 'Input.ChoiceSet',
      label: 'Winner',
      isRequired: true,
    });
    expect(input(card, 'chosenId').choices).toEqual([
      { title: 'A', value: 'A' },
      { title: 'B', value: 'B' },
    ]);
    expect(input(card, 'tieBreakReason')).toMatchObject({
      type: 'Input.Text',
      label: 'How the tie was broken',
      isRequired: true,
    });
  });

  it('no quorum: the explanation and the Extend vote form', () => {
    const card = facilitatorCloseCard(close(openTestVote({ quorum: 0.5 }), ranked(['A']), 6), {
      error: 'hours: expected 1 to 336',
    });
    expectValidCard(card);
    expect(card.body[0]).toMatchObject({ color: 'Attention' });
    expect(visibleText(card)).toContain('Closed without a decision: only 1 of 6 voted, quorum was 3');
    expect(buttonTitles(card)).toEqual(['Extend vote']);
    expect(action(card, 'Extend vote')).toMatchObject({ verb: 'vote.extend', data: { voteId: 'vote-1' } });
    expect(input(card, 'hours')).toMatchObject({
      type: 'Input.Number',
      label: 'Extend by (hours)',
      value: 24,
    });
  });

  it('ranked choice: the head-to-head table in vote order, each pair once', () => {
    const card = facilitatorCloseCard(close(openTestVote(), ranked(['A', 'B'], ['A'], ['B', 'A'])));
    expectValidCard(card);
    const text = visibleText(card);
    expect(text).toContain('Head to head');
    expect(text).toContain('A 2 – 1 B');
    expect(text).toContain('A 3 – 0 C');
    expect(text).toContain('B 2 – 0 C');
    expect(text).not.toContain('B 1 – 2 A');
    expect(text.indexOf('Head to head')).toBeLessThan(text.indexOf('Winner: A'));
  });

  it('other methods and votes without quorum: no head-to-head table', () => {
    const dots = close(openTestVote({ method: 'approval' }), [
      { method: 'approval', memberId: 'm1', approved: ['A'] },
      { method: 'approval', memberId: 'm2', approved: ['A', 'B'] },
    ]);
    expect(visibleText(facilitatorCloseCard(dots))).not.toContain('Head to head');
    const noQuorum = close(openTestVote({ quorum: 0.5 }), ranked(['A']), 6);
    expect(visibleText(facilitatorCloseCard(noQuorum))).not.toContain('Head to head');
  });

  it('uses the given title lookup', () => {
    const card = facilitatorCloseCard(close(openTestVote(), ranked(['A'])), {
      titleOf: (id) => `Title of ${id}`,
    });
    expect(visibleText(card)).toContain('Winner: Title of A');
  });

  it('escapes titles and concerns', () => {
    const vote = openTestVote({}, [candidate('A', EVIL), candidate('B', `B ${EVIL}`)]);
    const concern: BallotInput = { method: 'ranked-choice', memberId: 'm3', ranking: ['B'], concern: EVIL };
    expectNoUnescapedUserText(
      facilitatorCloseCard(close(vote, [...ranked(['A'], ['A']), concern]), { error: EVIL }),
    );
    const tied = facilitatorCloseCard(close(vote, ranked(['A'], ['B'])));
    expect(visibleText(tied)).toContain(`${EVIL} 1 – 1 B ${EVIL}`);
    expectNoUnescapedUserText(tied);
  });

  it('stays under 28 KB with 30 long candidates and 25 concerns of 1000 characters, keeping every response input', () => {
    const candidates = manyCandidates();
    const ballots: BallotInput[] = Array.from({ length: 25 }, (_, i) => ({
      method: 'ranked-choice',
      memberId: `m${i + 1}`,
      ranking: [candidates[i % 30]!.id, candidates[(i + 3) % 30]!.id],
      concern: longText(`concern ${i + 1}`),
    }));
    ballots.push(...ranked(['c1'], ['c1'], ['c1']).map((b, i) => ({ ...b, memberId: `x${i}` })));
    const card = facilitatorCloseCard(close(openTestVote({}, candidates), ballots, 30));
    expectValidCard(card);
    const responses = [...inputs(card).keys()].filter((id) => id.startsWith('response_'));
    expect(responses).toHaveLength(25);
  });
});

/** A decided vote that asks for a consent round: A wins, B is the runner-up. */
function consentVote(
  candidates = [candidate('A', 'A'), candidate('B', 'B'), candidate('C', 'C')],
): ClosedVote {
  return close(openTestVote({ consentRound: true }, candidates), ranked(['A', 'B'], ['A', 'B'], ['B', 'C']));
}

/** The outcome of a consent round on `candidateId` with these answers. */
function consentOutcome(
  vote: ClosedVote,
  answers: readonly ConsentResponseInput[],
  round: { candidateId?: string; amendment?: string } = {},
): ConsentOutcome {
  const opened = unwrap(openConsentRound({ id: 'round-1', vote, now: at(150), ...round }));
  const responses = answers.reduce<ConsentResponses>(
    (current, answer, i) => unwrap(respondToConsent(current, answer, at(200 + i))),
    new Map(),
  );
  return evaluateConsent(opened, responses);
}

function objected(outcome: ConsentOutcome): ConsentOutcome & { kind: 'objected' } {
  if (outcome.kind !== 'objected') throw new Error('expected objections');
  return outcome;
}

describe('facilitatorCloseCard with a consent round', () => {
  it('without the option: the announce form as before, noting the consent round', () => {
    const card = facilitatorCloseCard(consentVote());
    expectValidCard(card);
    expect(buttonTitles(card)).toEqual(['Announce decision']);
    expect(visibleText(card)).toContain('This vote asks for a consent round on the winner first.');
  });

  it('needed: Start consent round instead of the announce form', () => {
    const card = facilitatorCloseCard(consentVote(), { consent: { state: 'needed' } });
    expectValidCard(card);
    expect(visibleText(card)).toContain('Winner: A');
    expect(visibleText(card)).toContain(
      'This vote asks for a consent round on the winner before it is announced.',
    );
    expect(buttonTitles(card)).toEqual(['Start consent round']);
    expect(action(card, 'Start consent round')).toMatchObject({
      type: 'Action.Execute',
      verb: 'consent.start',
      data: { voteId: 'vote-1' },
      associatedInputs: 'none',
    });
    expect(inputs(card).size).toBe(0);
  });

  it('adopted: Adopted by consent, the amendment, then the announce form', () => {
    const vote = consentVote();
    const outcome = consentOutcome(
      vote,
      [
        { memberId: 'm1', answer: 'consent' },
        { memberId: 'm2', answer: 'stand-aside' },
      ],
      { amendment: 'A, for grades 1 to 3' },
    );
    const card = facilitatorCloseCard(vote, { consent: { state: 'adopted', outcome } });
    expectValidCard(card);
    const text = visibleText(card);
    expect(text).toContain('Adopted by consent: A (1 consent, 1 stand aside, no objections)');
    expect(text).toContain('As amended: A, for grades 1 to 3');
    expect(text).not.toContain('asks for a consent round');
    expect(text.indexOf('Adopted by consent')).toBeLessThan(text.indexOf('Announce the decision'));
    expect(buttonTitles(card)).toEqual(['Announce decision']);
    expect(action(card, 'Announce decision')).toMatchObject({
      verb: 'decision.announce',
      data: { voteId: 'vote-1' },
    });
    expect(input(card, 'rationale')).toMatchObject({ isRequired: true });
  });

  it('adopted without an amendment says nothing about one', () => {
    const vote = consentVote();
    const outcome = consentOutcome(vote, [{ memberId: 'm1', answer: 'consent' }], { candidateId: 'B' });
    const card = facilitatorCloseCard(vote, { consent: { state: 'adopted', outcome } });
    expect(visibleText(card)).toContain('Adopted by consent: B');
    expect(visibleText(card)).not.toContain('As amended');
  });

  it('objected: the reasons, the amend form and Put the runner-up to consent', () => {
    const vote = consentVote();
    const outcome = objected(
      consentOutcome(vote, [
        { memberId: 'm1', answer: 'object', reason: 'No time this term' },
        { memberId: 'm2', answer: 'object', reason: 'Grade 5 needs it more' },
        { memberId: 'm3', answer: 'consent' },
      ]),
    );
    const card = facilitatorCloseCard(vote, { consent: { state: 'objected', outcome, runnerUpId: 'B' } });
    expectValidCard(card);
    const text = visibleText(card);
    expect(text).toContain('Objections to A (2)');
    expect(text).toContain('No time this term');
    expect(text).toContain('Grade 5 needs it more');
    expect(text).toContain('Runner-up: B');
    expect(buttonTitles(card)).toEqual(['Re-run with amendment', 'Put the runner-up to consent']);
    expect(input(card, 'amendment')).toMatchObject({
      type: 'Input.Text',
      label: 'Amended priority',
      maxLength: 1000,
      isMultiline: true,
      isRequired: true,
    });
    expect(action(card, 'Re-run with amendment')).toMatchObject({
      type: 'Action.Execute',
      verb: 'consent.start',
      data: { voteId: 'vote-1' },
      associatedInputs: 'auto',
    });
    expect(action(card, 'Put the runner-up to consent')).toMatchObject({
      type: 'Action.Execute',
      verb: 'consent.start',
      data: { voteId: 'vote-1', candidateId: 'B' },
      associatedInputs: 'none',
    });
    expect(inputs(card).has('rationale')).toBe(false);
  });

  it('objected with no runner-up: only the amend form', () => {
    const vote = consentVote();
    const outcome = objected(
      consentOutcome(vote, [{ memberId: 'm1', answer: 'object', reason: 'No' }], { amendment: 'A, smaller' }),
    );
    const card = facilitatorCloseCard(vote, { consent: { state: 'objected', outcome, runnerUpId: null } });
    expectValidCard(card);
    expect(visibleText(card)).toContain('As amended: A, smaller');
    expect(visibleText(card)).not.toContain('Runner-up');
    expect(buttonTitles(card)).toEqual(['Re-run with amendment']);
  });

  it('escapes titles, amendments and reasons', () => {
    const vote = consentVote([candidate('A', EVIL), candidate('B', `B ${EVIL}`), candidate('C', 'C')]);
    const adopted = consentOutcome(vote, [{ memberId: 'm1', answer: 'consent', reason: EVIL }], {
      amendment: EVIL,
    });
    const against = objected(
      consentOutcome(vote, [{ memberId: 'm1', answer: 'object', reason: EVIL }], { amendment: EVIL }),
    );
    for (const card of [
      facilitatorCloseCard(vote, { consent: { state: 'needed' }, error: EVIL }),
      facilitatorCloseCard(vote, { consent: { state: 'adopted', outcome: adopted } }),
      facilitatorCloseCard(vote, { consent: { state: 'objected', outcome: against, runnerUpId: 'B' } }),
    ]) {
      expectValidCard(card);
      expectNoUnescapedUserText(card);
    }
  });

  it('stays under 28 KB with 30 long candidates and 200 long objections, cut with "and N more"', () => {
    const candidates = manyCandidates();
    const vote = close(
      openTestVote({ consentRound: true }, candidates),
      ranked(['c1', 'c2'], ['c1', 'c2'], ['c2']),
    );
    const outcome = objected(
      consentOutcome(
        vote,
        Array.from({ length: 200 }, (_, i) => ({
          memberId: `m${i}`,
          answer: 'object' as const,
          reason: longText(`reason ${i}`),
        })),
        { amendment: longText('amendment') },
      ),
    );
    const card = facilitatorCloseCard(vote, { consent: { state: 'objected', outcome, runnerUpId: 'c2' } });
    expectValidCard(card);
    expect(bytes(card)).toBeLessThan(28 * 1024);
    expect(visibleText(card)).toMatch(/and \d+ more/);
    expect(buttonTitles(card)).toEqual(['Re-run with amendment', 'Put the runner-up to consent']);
  });
});
