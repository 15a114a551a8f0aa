import { describe, expect, it } from 'vitest';
import { candidateCard, candidateEditCard, candidateListCard } from '../../../bot/teams/cards/candidate-card';
import {
  EVIL,
  action,
  buttonTitles,
  candidate,
  expectNoUnescapedUserText,
  expectValidCard,
  input,
  inputs,
  manyCandidates,
  nodes,
  visibleText,
} from './card-kit';

const full = candidate('A', 'Chronic absence in grade 6', {
  description: 'One in five misses a day a week.',
  evidence: 'Attendance data, fall term.',
  obstacles: 'Bus routes changed.',
  impact: 'Lost instruction time.',
  outcomeWanted: 'Absence under 10%.',
});

describe('candidateCard', () => {
  it('shows the title and the texts as facts, with Edit and Withdraw when the viewer may change it', () => {
    const card = candidateCard(full, { canChange: true });
    expectValidCard(card);
    expect(visibleText(card)).toContain('Chronic absence in grade 6');
    const facts = nodes(card).find((n) => n.type === 'FactSet')?.facts as { title: string }[];
    expect(facts.map((f) => f.title)).toEqual([
      'Description',
      'Evidence',
      'Obstacles met',
      'Impact on daily and long-term goals',
      'Outcome wanted',
    ]);
    expect(buttonTitles(card)).toEqual(['Edit', 'Withdraw']);
    expect(action(card, 'Edit')).toMatchObject({
      type: 'Action.Execute',
      verb: 'candidate.edit',
      data: { candidateId: 'A' },
    });
    expect(action(card, 'Withdraw')).toMatchObject({
      verb: 'candidate.withdraw',
      data: { candidateId: 'A' },
    });
  });

  it('leaves out missing texts and the buttons when the viewer may not change it', () => {
    const card = candidateCard(candidate('B', 'Reading', { evidence: 'Scores' }), {
      canChange: false,
      notice: 'Saved.',
    });
    expect(buttonTitles(card)).toEqual([]);
    const facts = nodes(card).find((n) => n.type === 'FactSet')?.facts as { title: string }[];
    expect(facts.map((f) => f.title)).toEqual(['Evidence']);
    expect(visibleText(card)).toContain('Saved.');
  });

  it('escapes every text', () => {
    const evil = candidate('E', EVIL, {
      description: EVIL,
      evidence: EVIL,
      obstacles: EVIL,
      impact: EVIL,
      outcomeWanted: EVIL,
    });
    expectNoUnescapedUserText(candidateCard(evil, { canChange: true, notice: EVIL }));
  });
});

describe('candidateEditCard', () => {
  it('offers every field prefilled with the raw text, and saves with candidate.save', () => {
    const card = candidateEditCard(full, 'title: expected 1 to 140 characters');
    expectValidCard(card);
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect(input(card, 'title')).toMatchObject({
      type: 'Input.Text',
      label: 'Title',
      maxLength: 140,
      isRequired: true,
      value: 'Chronic absence in grade 6',
    });
    const labels = {
      description: 'Description',
      evidence: 'Evidence',
      obstacles: 'Obstacles met',
      impact: 'Impact on daily and long-term goals',
      outcomeWanted: 'Outcome wanted',
    };
    for (const [id, label] of Object.entries(labels)) {
      expect(input(card, id)).toMatchObject({ type: 'Input.Text', label, maxLength: 1000 });
    }
    expect(input(card, 'outcomeWanted').value).toBe('Absence under 10%.');
    expect(inputs(card).size).toBe(6);
    expect(action(card, 'Save')).toMatchObject({ verb: 'candidate.save', data: { candidateId: 'A' } });
  });

  it('keeps user text raw only in input values, escaped everywhere else', () => {
    const card = candidateEditCard(candidate('E', EVIL, { description: EVIL }), EVIL);
    expectNoUnescapedUserText(card);
    expect(input(card, 'title').value).toBe(EVIL);
  });
});

describe('candidateListCard', () => {
  it('numbers the open candidates and offers Open a vote', () => {
    const list = [
      candidate('A', 'Attendance'),
      candidate('W', 'Gone', { status: 'withdrawn' }),
      candidate('B', 'Reading'),
    ];
    const card = candidateListCard(list, { canOpenVote: true });
    expectValidCard(card);
    const text = visibleText(card);
    expect(text).toContain('1. Attendance');
    expect(text).toContain('2. Reading');
    expect(text).not.toContain('Gone');
    expect(buttonTitles(card)).toEqual(['Open a vote']);
    expect(action(card, 'Open a vote')).toMatchObject({
      type: 'Action.Execute',
      verb: 'vote.setup',
      data: {},
    });
  });

  it('offers no vote to members who may not open one, or with fewer than two open candidates', () => {
    const two = [candidate('A'), candidate('B')];
    expect(buttonTitles(candidateListCard(two, { canOpenVote: false }))).toEqual([]);
    expect(buttonTitles(candidateListCard([candidate('A')], { canOpenVote: true }))).toEqual([]);
  });

  it('has a friendly empty state', () => {
    const card = candidateListCard([candidate('W', 'Gone', { status: 'withdrawn' })], { canOpenVote: true });
    expectValidCard(card);
    expect(visibleText(card)).toContain('No candidates yet. Propose one: propose <what should come first>');
  });

  it('escapes titles and fits 30 long candidates', () => {
    const card = candidateListCard([candidate('E', EVIL), ...manyCandidates()], { canOpenVote: true });
    expectValidCard(card);
    expectNoUnescapedUserText(card);
  });
});
