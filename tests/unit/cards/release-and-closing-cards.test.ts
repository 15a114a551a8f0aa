import { describe, expect, it } from 'vitest';
import type { PriorityClosedDecision, ReleaseDecision, ReleaseItem } from '../../../bot/domain/ownership';
import type { ConsentResponse } from '../../../bot/domain/voting';
import { decisionsCard } from '../../../bot/teams/cards/priority-card';
import { priorityClosedCard, priorityClosingFormCard } from '../../../bot/teams/cards/priority-closed-card';
import {
  releaseConsentCard,
  releaseDecisionCard,
  releaseListCard,
} from '../../../bot/teams/cards/release-card';
import {
  EVIL,
  NOW,
  action,
  buttonTitles,
  expectNoUnescapedUserText,
  expectValidCard,
  input,
  visibleText,
} from './card-kit';

const item = (overrides: Partial<ReleaseItem> = {}): ReleaseItem => ({
  id: 'rl-1',
  teamId: 'team-1',
  text: 'The weekly paper newsletter',
  proposedBy: 'bo',
  proposedAt: NOW,
  status: 'proposed',
  closedAt: null,
  closedBy: null,
  consent: null,
  ...overrides,
});
const names = new Map([
  ['bo', 'Bo Teacher'],
  ['cy', 'Cy Coach'],
  ['fay', 'Fay Principal'],
]);
const nameOf = (id: string) => names.get(id) ?? 'A former member';
const response = (memberId: string, answer: ConsentResponse['answer'], reason: string | null = null) =>
  [memberId, { memberId, answer, reason, respondedAt: NOW }] as const;
const view = (overrides: Partial<Parameters<typeof releaseConsentCard>[0]> = {}) => ({
  item: item(),
  priority: { id: 'p-1', title: 'Every student reads' },
  responses: new Map([response('bo', 'consent'), response('cy', 'object', 'The families read it')]),
  objections: [],
  teamSize: 4,
  nameOf,
  ...overrides,
});

const releaseDecision: ReleaseDecision = {
  id: 'release-rl-1',
  teamId: 'team-1',
  kind: 'release-decided',
  title: 'The weekly paper newsletter',
  releaseId: 'rl-1',
  priority: { id: 'p-1', title: 'Every student reads' },
  proposedBy: 'bo',
  consents: 3,
  standAsides: 1,
  decidedAt: NOW,
  decidedBy: 'fay',
  supersedes: null,
};
const closedDecision: PriorityClosedDecision = {
  id: 'closed-p-1',
  teamId: 'team-1',
  kind: 'priority-completed',
  title: 'Every student reads',
  priorityId: 'p-1',
  outcomes: 'Reading up twelve points',
  learned: 'Small groups worked',
  decidedAt: NOW,
  decidedBy: 'fay',
  supersedes: null,
};
const watchList = [
  { candidateId: 'c-2', title: 'Cut chronic absence', place: 2, total: 5, voteId: 'v-1' },
  { candidateId: 'c-3', title: 'Good news home', place: 3, total: 2, voteId: 'v-1' },
];

describe('release consent card', () => {
  it('shows the item, the counts and every objection with its reason, with Consent, Stand aside, Object, Close and Withdraw', () => {
    const card = releaseConsentCard(view());
    expectValidCard(card);
    expect(buttonTitles(card)).toEqual(['Consent', 'Stand aside', 'Object', 'Close', 'Withdraw']);
    expect(action(card, 'Object').data).toEqual({ releaseId: 'rl-1', answer: 'object' });
    expect(action(card, 'Object').associatedInputs).toBe('auto');
    expect(action(card, 'Close').associatedInputs).toBe('none');
    expect(input(card, 'reason').label).toBe('Reason (needed to object)');
    const shown = visibleText(card);
    expect(shown).toContain('1 consent · 0 stand aside · 1 object');
    expect(shown).toContain('2 of 4 have answered');
    expect(shown).toContain('Cy Coach: The families read it');
    expect(shown).toContain('to make room for our priority: Every student reads');
  });

  it("shows the member's own answer and an error to them", () => {
    const card = releaseConsentCard(view(), { memberId: 'cy', error: 'reason: an objection needs a reason' });
    expect(visibleText(card)).toContain('Your answer: Object — The families read it');
    expect(visibleText(card)).toContain('reason: an objection needs a reason');
  });

  it('closes without buttons once decided or withdrawn', () => {
    const decided = releaseConsentCard(
      view({ item: item({ status: 'decided', closedAt: NOW, closedBy: 'fay' }) }),
    );
    expect(buttonTitles(decided)).toEqual([]);
    expect(visibleText(decided)).toContain('Decided by consent: the team stops doing this.');
    const withdrawn = releaseConsentCard(
      view({ item: item({ status: 'withdrawn', closedAt: NOW, closedBy: 'bo' }) }),
    );
    expect(visibleText(withdrawn)).toContain('Withdrawn by Bo Teacher.');
  });

  it('escapes what members typed', () => {
    const card = releaseConsentCard(
      view({
        item: item({ text: EVIL }),
        priority: { id: 'p-1', title: EVIL },
        responses: new Map([response('cy', 'object', EVIL)]),
      }),
    );
    expectNoUnescapedUserText(card);
    expectNoUnescapedUserText(
      releaseDecisionCard({ ...releaseDecision, title: EVIL }, { nameOf, tabUrl: null }),
    );
  });
});

describe('release decision and list cards', () => {
  it('announces what the team stops, for which priority, and the consent behind it', () => {
    const card = releaseDecisionCard(releaseDecision, { nameOf, tabUrl: 'https://example.org/tab' });
    expectValidCard(card);
    const shown = visibleText(card);
    expect(shown).toContain('Decision: we stop The weekly paper newsletter');
    expect(shown).toContain('To make room for our priority: Every student reads');
    expect(shown).toContain('3 consent · 1 stand aside · nobody objects');
    expect(buttonTitles(card)).toEqual(['Open in tab']);
  });

  it('lists decided items first, then those being decided; says when there is no priority', () => {
    const card = releaseListCard({ title: 'Every student reads' }, [
      item({ id: 'a', text: 'Second meeting' }),
      item({ id: 'b', text: 'Paper newsletter', status: 'decided', closedAt: NOW, closedBy: 'fay' }),
    ]);
    const shown = visibleText(card);
    expect(shown.indexOf('We stop: Paper newsletter')).toBeLessThan(
      shown.indexOf('Proposed: Second meeting'),
    );
    expect(visibleText(releaseListCard(null, []))).toContain('There is no active priority');
  });
});

describe('completing or retiring the priority', () => {
  it('asks for the outcomes and the learning, both required', () => {
    const card = priorityClosingFormCard({
      priority: { id: 'p-1', title: 'Every student reads' },
      outcome: 'retired',
    });
    expectValidCard(card);
    expect(input(card, 'outcomes').isRequired).toBe(true);
    expect(input(card, 'learned').isRequired).toBe(true);
    expect(action(card, 'Retire priority').data).toEqual({ priorityId: 'p-1', outcome: 'retired' });
  });

  it('announces the outcomes and learning, and offers one click to vote on the watch list', () => {
    const card = priorityClosedCard(closedDecision, {
      watchList,
      decidedByName: 'Fay Principal',
      tabUrl: null,
    });
    expectValidCard(card);
    const shown = visibleText(card);
    expect(shown).toContain('Priority completed: Every student reads');
    expect(shown).toContain('Reading up twelve points');
    expect(shown).toContain('Small groups worked');
    expect(shown).toContain('Cut chronic absence');
    expect(action(card, 'Open a vote on the watch list').data).toEqual({ decisionId: 'closed-p-1' });
  });

  it('offers no vote when the watch list has fewer than two candidates', () => {
    const card = priorityClosedCard(closedDecision, {
      watchList: watchList.slice(0, 1),
      decidedByName: 'Fay Principal',
      tabUrl: null,
    });
    expect(buttonTitles(card)).toEqual([]);
    expect(visibleText(card)).toContain('propose at least one more');
  });

  it('lists every kind of decision in the decisions card', () => {
    const shown = visibleText(decisionsCard([closedDecision, releaseDecision]));
    expect(shown).toContain('Priority completed');
    expect(shown).toContain('Released by consent');
  });
});
