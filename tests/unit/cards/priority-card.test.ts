import { describe, expect, it } from 'vitest';
import type { Decision, WatchListEntry } from '../../../bot/domain/decisions';
import { decisionsCard, priorityCard } from '../../../bot/teams/cards/priority-card';
import {
  EVIL,
  action,
  activePriority,
  at,
  buttonTitles,
  buttons,
  close,
  decide,
  expectNoUnescapedUserText,
  expectValidCard,
  nodes,
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

describe('priorityCard with canRepropose', () => {
  it('gives each thing to watch a Propose again button', () => {
    const card = priorityCard(
      { activePriority: activePriority('Attendance'), watchList: watch(3) },
      { tabUrl, canRepropose: true },
    );
    expectValidCard(card);
    const again = buttons(card).filter((b) => b.title === 'Propose again');
    expect(again).toHaveLength(3);
    again.forEach((button, i) =>
      expect(button).toEqual({
        type: 'Action.Execute',
        title: 'Propose again',
        verb: 'candidate.repropose',
        data: { candidateId: `w${i}` },
        associatedInputs: 'none',
      }),
    );
    expect(visibleText(card)).toContain('Watch 2');
    expect(action(card, 'Open in tab')).toMatchObject({ type: 'Action.OpenUrl', url: tabUrl });
  });

  it('has no Propose again without the option or when it is false', () => {
    const state = { activePriority: activePriority(), watchList: watch(3) };
    expect(buttonTitles(priorityCard(state, { tabUrl }))).toEqual(['Open in tab']);
    expect(buttonTitles(priorityCard(state, { tabUrl: null, canRepropose: false }))).toEqual([]);
  });

  it('escapes titles and fits long watch lists, a button for each entry shown', () => {
    const long = priorityCard(
      { activePriority: activePriority(EVIL), watchList: watch(200, () => EVIL.padEnd(140, '*')) },
      { tabUrl, canRepropose: true },
    );
    expectValidCard(long);
    const shown = buttons(long).filter((b) => b.title === 'Propose again').length;
    expect(shown).toBeLessThan(200);
    expect(visibleText(long)).toContain(`and ${200 - shown} more`);

    const card = priorityCard(
      { activePriority: activePriority(EVIL), watchList: watch(30, () => EVIL.padEnd(140, '*')) },
      { tabUrl, canRepropose: true },
    );
    expectValidCard(card);
    expectNoUnescapedUserText(card);
    const again = buttons(card).filter((b) => b.title === 'Propose again');
    expect(again.length).toBeGreaterThan(0);
    if (again.length < 30) expect(visibleText(card)).toContain(`and ${30 - again.length} more`);
    for (const set of nodes(card).filter((n) => n.type === 'ActionSet')) {
      expect(set.actions).toHaveLength(1);
    }
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

  it('gives a decision with a link an Open button', () => {
    const url = 'https://teams.microsoft.com/l/entity/app/tab?context=%7B%22subEntityId%22%3A%22d2%22%7D';
    const card = decisionsCard([decision('d1', at(0), 'First'), decision('d2', at(60), 'Second')], {
      links: new Map([['d2', url]]),
    });
    expectValidCard(card);
    expect(buttons(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Open', url }]);
    const row = nodes(card).find(
      (n) =>
        n.type === 'ColumnSet' && JSON.stringify(n).includes('Second') && JSON.stringify(n).includes(url),
    );
    expect(row, 'the button sits in the row of its decision').toBeDefined();
    expect(JSON.stringify(row)).not.toContain('First');
  });

  it('has no buttons without links, or for a link that is not a web address', () => {
    const log = [decision('d1', at(0)), decision('d2', at(60)), decision('d3', at(120))];
    expect(buttons(decisionsCard(log))).toEqual([]);
    expect(buttons(decisionsCard(log, {}))).toEqual([]);
    const links = new Map([
      ['d1', 'javascript:alert(1)'],
      ['d2', 'not a url'],
      ['other', 'https://example.com'],
    ]);
    expect(buttons(decisionsCard(log, { links }))).toEqual([]);
  });

  it('fits 50 decisions with long titles and links, one button per action set', () => {
    const log = Array.from({ length: 50 }, (_, i) => decision(`d${i}`, at(i), EVIL.padEnd(140, '_')));
    const links = new Map(
      log.map((d) => [
        d.id,
        `https://teams.microsoft.com/l/entity/app/tab?context=${'%7B'.repeat(60)}${d.id}`,
      ]),
    );
    const card = decisionsCard(log, { links });
    expectValidCard(card);
    expectNoUnescapedUserText(card);
    const open = buttons(card);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((b) => b.title === 'Open' && b.type === 'Action.OpenUrl')).toBe(true);
    expect(open[0]!.url).toBe(links.get('d49'));
    for (const set of nodes(card).filter((n) => n.type === 'ActionSet')) {
      expect(set.actions).toHaveLength(1);
    }
  });

  it('escapes titles and fits a long log', () => {
    const log = Array.from({ length: 60 }, (_, i) => decision(`d${i}`, at(i), EVIL.padEnd(140, '_')));
    const card = decisionsCard(log);
    expectValidCard(card);
    expectNoUnescapedUserText(card);
  });
});
