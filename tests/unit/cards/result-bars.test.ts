import { describe, expect, it } from 'vitest';
import type { RankedChoiceRound, Standing } from '../../../bot/domain/voting';
import { detailLevels, titleLookup } from '../../../bot/teams/cards/card-parts';
import { condorcetNote, resultBars, roundsBlock } from '../../../bot/teams/cards/result-bars';
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
