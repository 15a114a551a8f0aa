import { describe, expect, it } from 'vitest';
import type { Decision, WatchListEntry } from '../../../bot/domain/decisions';
import { decisionsCard, priorityCard } from '../../../bot/teams/cards/priority-card';
import {
  EVIL,
  action,
  activePriority,
  at,
  buttonTitles,
  close,
  decide,
  expectNoUnescapedUserText,
  expectValidCard,
  openTestVote,
  ranked,
  visibleText,
} from './card-kit';

const tabUrl = 'https://teams.microsoft.com/l/entity/app/tab';

function watch(count: number, title = (i: number) => `Watch ${i}`): WatchListEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    candidateId: `w${i}`,
    voteId: 'vote-1',
    title: title(i),
    place: i + 2,
    total: 1,
  }));
}

describe('priorityCard', () => {
  it('shows the active priority, the watch list and Open in tab', () => {
    const card = priorityCard(
      { activePriority: activePriority('Attendance'), watchList: watch(2) },
      { tabUrl },
    );
    expectValidCard(card);
    const text = visibleText(card);
    expect(text).toContain('Attendance');
    expect(text).toContain('Things to watch');
    expect(text).toContain('Watch 1');
    expect(text).toMatch(/Chosen \{\{DATE\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, SHORT\)\}\}/);
    expect(action(card, 'Open in tab')).toMatchObject({ type: 'Action.OpenUrl', url: tabUrl });
  });

  it('has an empty state and no button without a tab', () => {
    const card = priorityCard({ activePriority: null, watchList: [] }, { tabUrl: null });
    expectValidCard(card);
    expect(visibleText(card)).toContain('No priority yet. Propose candidates, then open a vote.');
    expect(buttonTitles(card)).toEqual([]);
  });

  it('escapes titles and fits a long watch list', () => {
    const card = priorityCard(
      {
        activePriority: { ...activePriority(EVIL), amendment: EVIL },
        watchList: watch(30, () => EVIL.padEnd(140, '*')),
      },
      { tabUrl },
    );
    expectValidCard(card);
    expectNoUnescapedUserText(card);
  });
});

describe('decisionsCard', () => {
  function decision(id: string, decidedAt: string, title = `Decision ${id}`): Decision {
    return { ...decide(close(openTestVote(), ranked(['A'], ['A'], ['B']), 4)), id, decidedAt, title };
  }

  it('lists decisions newest first with date, method and turnout', () => {
    const card = decisionsCard([decision('d1', at(0), 'First'), decision('d2', at(60), 'Second')]);
    expectValidCard(card);
    const text = visibleText(card);
    expect(text.indexOf('Second')).toBeLessThan(text.indexOf('First'));
    expect(text).toContain('Ranked choice (instant runoff)');
    expect(text).toContain('Turnout: 3 of 4 members');
    expect(text).toContain('Decided {{DATE(2025-03-03T10:00:00Z, SHORT)}}');
  });

  it('has an empty state', () => {
    expect(visibleText(decisionsCard([]))).toContain('No decisions yet');
  });

  it('escapes titles and fits a long log', () => {
    const log = Array.from({ length: 60 }, (_, i) => decision(`d${i}`, at(i), EVIL.padEnd(140, '_')));
    const card = decisionsCard(log);
    expectValidCard(card);
    expectNoUnescapedUserText(card);
  });
});
