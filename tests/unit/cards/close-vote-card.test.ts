import { describe, expect, it } from 'vitest';
import type { BallotInput } from '../../../bot/domain/voting';
import { facilitatorCloseCard } from '../../../bot/teams/cards/close-vote-card';
import {
  EVIL,
  action,
  buttonTitles,
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
    expectNoUnescapedUserText(facilitatorCloseCard(close(vote, ranked(['A'], ['B']))));
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
