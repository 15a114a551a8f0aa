import { describe, expect, it } from 'vitest';
import { voteSetupCard } from '../../../bot/teams/cards/vote-setup-card';
import {
  EVIL,
  action,
  activePriority,
  buttonTitles,
  candidate,
  expectNoUnescapedUserText,
  expectValidCard,
  input,
  inputs,
  manyCandidates,
  visibleText,
} from './card-kit';

const candidates = [candidate('A', 'Attendance'), candidate('B', 'Reading')];

describe('voteSetupCard', () => {
  it('offers the settings with their defaults and an Open vote button', () => {
    const card = voteSetupCard({ candidates, activePriority: null });
    expectValidCard(card);
    expect(buttonTitles(card)).toEqual(['Open vote']);
    expect(action(card, 'Open vote')).toMatchObject({ type: 'Action.Execute', verb: 'vote.open', data: {} });

    const method = input(card, 'method');
    expect(method).toMatchObject({ type: 'Input.ChoiceSet', label: 'Method', value: 'ranked-choice' });
    expect(method.choices).toEqual([
      { title: 'Ranked choice (instant runoff)', value: 'ranked-choice' },
      { title: 'Dot voting', value: 'dot' },
      { title: 'Approval', value: 'approval' },
      { title: 'Score 0–5', value: 'score' },
    ]);
    expect(input(card, 'closesInHours')).toMatchObject({
      type: 'Input.Number',
      label: 'Closes in (hours)',
      value: 48,
      min: 1,
      max: 336,
    });
    const toggle = { type: 'Input.Toggle', valueOn: 'true', valueOff: 'false' };
    expect(input(card, 'closeWhenAllVoted')).toMatchObject({
      ...toggle,
      title: 'Close when everyone has voted',
      value: 'false',
    });
    expect(input(card, 'resultsLive')).toMatchObject({
      ...toggle,
      title: 'Show results while the vote is open',
      value: 'false',
    });
    expect(input(card, 'anonymous')).toMatchObject({ ...toggle, title: 'Anonymous ballots', value: 'true' });
    expect(input(card, 'consentRound')).toMatchObject({
      ...toggle,
      title: 'Consent round on the winner',
      value: 'false',
    });
    expect(input(card, 'quorumPercent')).toMatchObject({
      type: 'Input.Number',
      label: 'Quorum (% of members who must vote)',
      value: 50,
      min: 0,
      max: 100,
    });
    expect(input(card, 'dotsPerMember')).toMatchObject({
      type: 'Input.Number',
      label: 'Dots per member (dot voting)',
      value: 3,
      min: 1,
      max: 20,
    });
    expect(input(card, 'maxDotsPerCandidate')).toMatchObject({
      type: 'Input.Number',
      label: 'Most dots on one candidate (dot voting)',
      value: 3,
    });
    expect(inputs(card).has('disposition')).toBe(false);
    expect(inputs(card).has('dispositionReason')).toBe(false);
    expect(visibleText(card)).toContain('Attendance');
  });

  it('asks what happens to the active priority', () => {
    const card = voteSetupCard({ candidates, activePriority: activePriority('Reading in grade 3') });
    expectValidCard(card);
    const disposition = input(card, 'disposition');
    expect(disposition).toMatchObject({
      type: 'Input.ChoiceSet',
      label: 'What happens to the current priority?',
    });
    expect(disposition.choices).toEqual([
      { title: 'It is completed', value: 'completed' },
      { title: 'Replace it', value: 'replaced' },
    ]);
    expect(input(card, 'dispositionReason')).toMatchObject({
      type: 'Input.Text',
      label: 'Why it is replaced',
    });
    expect(visibleText(card)).toContain('Reading in grade 3');
  });

  it('shows an error in red on top', () => {
    const card = voteSetupCard({
      candidates,
      activePriority: null,
      error: 'closesInHours: expected 1 to 336',
    });
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect(visibleText(card)).toContain('closesInHours: expected 1 to 336');
  });

  it('escapes candidate and priority titles and errors', () => {
    const card = voteSetupCard({
      candidates: [candidate('A', EVIL), candidate('B', 'B')],
      activePriority: activePriority(EVIL),
      error: EVIL,
    });
    expectNoUnescapedUserText(card);
  });

  it('stays under 28 KB with 30 long candidates', () => {
    const card = voteSetupCard({
      candidates: manyCandidates(),
      activePriority: activePriority('x'.repeat(140)),
    });
    expectValidCard(card);
    expect(inputs(card).size).toBe(11);
  });
});
