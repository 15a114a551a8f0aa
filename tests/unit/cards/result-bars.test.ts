import { describe, expect, it } from 'vitest';
import type { HeadToHead, RankedChoiceRound, Standing } from '../../../bot/domain/voting';
import { detailLevels, titleLookup } from '../../../bot/teams/cards/card-parts';
import {
  condorcetNote,
  headToHeadBlock,
  resultBars,
  roundsBlock,
} from '../../../bot/teams/cards/result-bars';
import { EVIL, expectNoUnescapedUserText, nodes } from './card-kit';

const full = detailLevels[0]!;
const titleOf = titleLookup([
  { id: 'A', title: 'Attendance' },
  { id: 'B', title: 'Reading' },
  { id: 'C', title: EVIL },
]);

function text(elements: unknown): string {
  return nodes(elements)
    .filter((n) => n.type === 'TextBlock')
    .map((n) => String(n.text))
    .join('\n');
}

describe('resultBars', () => {
  const standings: Standing[] = [
    { candidateId: 'A', place: 1, total: 6, eliminatedInRound: null },
    { candidateId: 'B', place: 2, total: 3, eliminatedInRound: null },
    { candidateId: 'C', place: 3, total: 0, eliminatedInRound: null },
  ];

  it('draws a bar per candidate, proportional to the top total, and the total', () => {
    const bars = resultBars(standings, { method: 'dot', titleOf, detail: full, ballotsCounted: 3 });
    const widths = nodes(bars)
      .filter((n) => n.type === 'ColumnSet')
      .map((set) => (set.columns as { width: string }[]).map((c) => c.width));
    expect(widths).toEqual([['100'], ['50', '50'], ['1', '100']]);
    expect(nodes(bars).filter((n) => n.style === 'accent')).toHaveLength(2);
    expect(text(bars)).toContain('Attendance — 6 dots');
    expect(text(bars)).toContain('Total: 9 dots from 3 ballots');
    expectNoUnescapedUserText(bars);
  });

  it('says "and N more" past the list limit', () => {
    const many: Standing[] = Array.from({ length: 20 }, (_, i) => ({
      candidateId: 'A',
      place: i + 1,
      total: 20 - i,
      eliminatedInRound: null,
    }));
    expect(
      text(resultBars(many, { method: 'approval', titleOf, detail: { ...full, listMax: 5 } })),
    ).toContain('and 15 more');
  });
});

describe('roundsBlock', () => {
  it('shows counts, exhausted ballots, the eliminated and the tie-break used', () => {
    const rounds: RankedChoiceRound[] = [
      {
        round: 1,
        counts: [
          { candidateId: 'A', votes: 2 },
          { candidateId: 'B', votes: 1 },
          { candidateId: 'C', votes: 1 },
        ],
        exhausted: 0,
        continuing: 4,
        eliminated: 'C',
        tieBreak: { rule: 'proposed-later', tiedIds: ['B', 'C'], stillTiedIds: ['B', 'C'] },
      },
      {
        round: 2,
        counts: [
          { candidateId: 'A', votes: 2 },
          { candidateId: 'B', votes: 1 },
        ],
        exhausted: 1,
        continuing: 3,
        eliminated: 'B',
        tieBreak: { rule: 'earlier-round', tiedIds: ['B'], decidingRound: 1 },
      },
    ];
    const block = text(roundsBlock(rounds, titleOf, full));
    expect(block).toContain('Round 1: Attendance 2, Reading 1');
    expect(block).toContain('still tied: the later-proposed candidate was eliminated');
    expect(block).toContain('exhausted ballots 1');
    expect(block).toContain('Reading eliminated');
    expect(block).toContain('tie for fewest broken by round 1');
    expectNoUnescapedUserText(roundsBlock(rounds, titleOf, full));
  });
});

describe('condorcetNote', () => {
  it('names the head-to-head winner only when it disagrees with the runoff', () => {
    expect(text(condorcetNote('B', true, titleOf, full))).toBe(
      'Reading beats every other candidate head to head but did not win the runoff',
    );
    expect(condorcetNote('B', false, titleOf, full)).toEqual([]);
    expect(condorcetNote(null, true, titleOf, full)).toEqual([]);
  });
});

describe('headToHeadBlock', () => {
  // A over B on 2 ballots, B over A on 1; A over C 3–0; B over C 2–1.
  const table: HeadToHead[] = [
    { candidateId: 'A', opponentId: 'B', preferredBy: 2 },
    { candidateId: 'A', opponentId: 'C', preferredBy: 3 },
    { candidateId: 'B', opponentId: 'A', preferredBy: 1 },
    { candidateId: 'B', opponentId: 'C', preferredBy: 2 },
    { candidateId: 'C', opponentId: 'A', preferredBy: 0 },
    { candidateId: 'C', opponentId: 'B', preferredBy: 1 },
  ];
  const plainTitles = titleLookup([
    { id: 'A', title: 'A' },
    { id: 'B', title: 'B' },
    { id: 'C', title: 'C' },
  ]);

  it('shows each pair once, in candidate order, with both counts', () => {
    const block = headToHeadBlock(table, ['A', 'B', 'C'], plainTitles, full);
    expect(text(block).split('\n')).toEqual(['Head to head', 'A 2 – 1 B', 'A 3 – 0 C', 'B 2 – 1 C']);
  });

  it('follows the candidate order given', () => {
    const block = headToHeadBlock(table, ['C', 'B', 'A'], plainTitles, full);
    expect(text(block).split('\n')).toEqual(['Head to head', 'C 1 – 2 B', 'C 0 – 3 A', 'B 1 – 2 A']);
  });

  it('escapes and shortens titles', () => {
    const block = headToHeadBlock(table, ['A', 'B', 'C'], titleOf, { ...full, titleMax: 20 });
    expectNoUnescapedUserText(block);
    expect(text(block)).toContain('Attendance 2 – 1 Reading');
    expect(text(block)).toContain('Attendance 3 – 0 \\[x\\]\\(javascript:aler…');
  });

  it('shows the first pairs and "and N more" past the list limit', () => {
    const ids = Array.from({ length: 8 }, (_, i) => `c${i}`);
    const many: HeadToHead[] = ids.flatMap((a) =>
      ids.filter((b) => b !== a).map((b) => ({ candidateId: a, opponentId: b, preferredBy: 1 })),
    );
    const block = headToHeadBlock(many, ids, titleOf, { ...full, listMax: 5 });
    const lines = text(block).split('\n');
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines.at(-1)).toBe('and 23 more');
  });

  it('is empty with fewer than two candidates or no counts', () => {
    expect(headToHeadBlock(table, ['A'], plainTitles, full)).toEqual([]);
    expect(headToHeadBlock(table, [], plainTitles, full)).toEqual([]);
    expect(headToHeadBlock([], ['A', 'B'], plainTitles, full)).toEqual([]);
    expect(headToHeadBlock(table, ['X', 'Y'], plainTitles, full)).toEqual([]);
  });
});
