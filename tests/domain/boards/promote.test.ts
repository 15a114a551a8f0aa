import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH, createCandidate } from '../../../bot/domain/candidates';
import {
  candidateFromGroup,
  candidateFromItem,
  markPromoted,
  type Promotion,
  type SwotBoard,
} from '../../../bot/domain/boards';
import type { CandidateTextInput } from '../../../bot/domain/candidates';
import { at, unwrap } from '../factories';
import { board, closedSession, dots, group, item, refusal } from './board-factories';

const LINK = 'https://teams.example/boards/swot-1#i-1';
/** No lone UTF-16 surrogate (String.prototype.isWellFormed is not in the ES2023 lib). */
const wellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
const promotion: Promotion = { candidateId: 'cand-1', promotedBy: 'ann', promotedAt: at(10) };

/** The candidate as it would be proposed: it must pass the candidate rules (CA-1, CA-2). */
const propose = (text: CandidateTextInput) =>
  createCandidate({ id: 'c', teamId: 'team-1', proposedBy: 'ann', proposedAt: at(10), ...text });

describe('promoting an item', () => {
  it('SW-15 the title is the item’s text; the description names the quadrant, tag, board and link', () => {
    const source = item('i-1', {
      quadrant: 'weaknesses',
      text: 'Homework is rarely marked',
      tag: 'root-cause',
    });
    const text = candidateFromItem(board({ items: [source] }), source, LINK);
    expect(text).toEqual({
      title: 'Homework is rarely marked',
      description: `Weakness (root cause) from the SWOT board "Spring review": ${LINK}`,
      evidence: null,
    });
    expect(unwrap(propose(text))).toMatchObject({ title: 'Homework is rarely marked', status: 'open' });
  });

  it('SW-15 each quadrant and tag is named', () => {
    const named = [
      ['strengths', null, 'Strength from'],
      ['opportunities', 'symptom', 'Opportunity (symptom) from'],
      ['threats', null, 'Threat from'],
    ] as const;
    for (const [quadrant, tag, start] of named) {
      const source = item('i-1', { quadrant, tag });
      expect(candidateFromItem(board(), source, LINK).description!.startsWith(start)).toBe(true);
    }
  });

  it('SW-15 a long text is cut to 140 characters with "…" and kept whole in the description', () => {
    const long = `${'word '.repeat(60)}end`;
    const source = item('i-1', { text: long });
    const text = candidateFromItem(board(), source, LINK);
    expect(text.title).toHaveLength(MAX_TITLE_LENGTH);
    expect(text.title.endsWith('…')).toBe(true);
    expect(long.startsWith(text.title.slice(0, -1))).toBe(true);
    expect(text.description).toContain(`\n\n${long}`);
    expect(text.description).toContain(LINK);
    expect(unwrap(propose(text)).title).toBe(text.title);
  });

  it('SW-15 a text of exactly 140 characters is not cut and not repeated', () => {
    const exact = 'x'.repeat(MAX_TITLE_LENGTH);
    const text = candidateFromItem(board(), item('i-1', { text: exact }), LINK);
    expect(text.title).toBe(exact);
    expect(text.description).not.toContain(exact);
  });

  it('SW-15 the cut never splits a character made of two UTF-16 units', () => {
    const text = candidateFromItem(board(), item('i-1', { text: `${'x'.repeat(138)}😀😀😀` }), LINK);
    expect(wellFormed(text.title)).toBe(true);
    expect(text.title.endsWith('…')).toBe(true);
    expect(text.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  });

  it('SW-15 the evidence is carried over, links and notes one per line', () => {
    const source = item('i-1', {
      evidence: [
        { kind: 'url', url: 'https://data.example/report' },
        { kind: 'note', text: 'Two in five pupils' },
      ],
    });
    expect(candidateFromItem(board(), source, LINK).evidence).toBe(
      'https://data.example/report\nTwo in five pupils',
    );
  });
});

describe('promoting a group', () => {
  const groups = [group('g-1', 'threats', 'Funding'), group('g-2', 'threats', 'Other')];
  const items = [
    item('a', { quadrant: 'threats', groupId: 'g-1', text: 'Grant ends', minute: 1 }, groups),
    item(
      'b',
      {
        quadrant: 'threats',
        groupId: 'g-1',
        text: 'Budget cut',
        minute: 2,
        evidence: [{ kind: 'note', text: '-8%' }],
      },
      groups,
    ),
    item('c', { quadrant: 'threats', groupId: 'g-2', text: 'Not in it', minute: 3 }, groups),
    item('d', { quadrant: 'threats', groupId: 'g-1', text: 'Fees rise', minute: 4 }, groups),
  ];
  const withDots = (): SwotBoard =>
    board({ items, groups, allocations: [dots('ann', { d: 3, b: 1 }, items), dots('bob', { b: 1 }, items)] });

  it('SW-15 the title is the group’s name; the description lists its items, most dotted first', () => {
    const text = candidateFromGroup(withDots(), groups[0]!, LINK);
    expect(text).toEqual({
      title: 'Funding',
      description: [
        `Threat theme from the SWOT board "Spring review": ${LINK}`,
        '- Fees rise',
        '- Budget cut',
        '- Grant ends',
      ].join('\n'),
      evidence: '-8%',
    });
    expect(unwrap(propose(text)).title).toBe('Funding');
  });

  it('SW-15 items of the group that moved to another quadrant are not listed (SW-9)', () => {
    const moved = items.map((each) => (each.id === 'a' ? { ...each, quadrant: 'strengths' as const } : each));
    const text = candidateFromGroup(board({ items: moved, groups }), groups[0]!, LINK);
    expect(text.description).not.toContain('Grant ends');
    expect(text.description).toContain('Budget cut');
  });

  it('SW-15 an empty group still makes a candidate, with no evidence', () => {
    const text = candidateFromGroup(board({ groups }), groups[1]!, LINK);
    expect(text).toEqual({
      title: 'Other',
      description: `Threat theme from the SWOT board "Spring review": ${LINK}`,
      evidence: null,
    });
  });

  it('SW-15 a group of many long items still fits the candidate limits', () => {
    const many = Array.from({ length: 12 }, (_, n) =>
      item(
        `m${n}`,
        {
          quadrant: 'threats',
          groupId: 'g-1',
          text: `${n} ${'y'.repeat(400)}`,
          evidence: [{ kind: 'url', url: `https://e.example/${'p'.repeat(900)}` }],
        },
        groups,
      ),
    );
    const text = candidateFromGroup(board({ items: many, groups }), groups[0]!, LINK);
    expect(propose(text).ok).toBe(true);
  });
});

describe('marking a promotion', () => {
  it('SW-16 an item or a group is marked with the candidate it became', () => {
    expect(unwrap(markPromoted(board(), item('i-1'), promotion))).toEqual({ ...item('i-1'), promotion });
    expect(unwrap(markPromoted(board(), group('g-1'), promotion))).toEqual({ ...group('g-1'), promotion });
  });

  it('SW-16 an item or a group is promoted once', () => {
    const promoted = unwrap(markPromoted(board(), item('i-1'), promotion));
    expect(markPromoted(board(), promoted, { ...promotion, candidateId: 'cand-2' })).toMatchObject(
      refusal('promotion'),
    );
    const theme = unwrap(markPromoted(board(), group('g-1'), promotion));
    expect(markPromoted(board(), theme, promotion)).toMatchObject(refusal('promotion'));
  });

  it('SW-16 nothing is promoted once the board is closed (SW-2)', () => {
    const closed = board({ session: closedSession() });
    expect(markPromoted(closed, item('i-1'), promotion)).toMatchObject(refusal('session'));
    expect(markPromoted(closed, group('g-1'), promotion)).toMatchObject(refusal('session'));
  });

  it('SW-16 a bad promotion time is refused', () => {
    expect(markPromoted(board(), item('i-1'), { ...promotion, promotedAt: 'now' })).toMatchObject(
      refusal('now'),
    );
  });
});

describe('properties of promotion', () => {
  it('SW-15 any item text makes a valid candidate whose title is the text or its cut, never longer than 140', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }).filter((s) => {
          const trimmed = s.trim();
          return trimmed.length >= 1 && trimmed.length <= 500;
        }),
        (raw) => {
          const source = item('i-1', { text: raw });
          const text = candidateFromItem(board(), source, LINK);
          expect(text.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
          expect(wellFormed(text.title)).toBe(true);
          if (source.text.length <= MAX_TITLE_LENGTH) expect(text.title).toBe(source.text);
          else {
            expect(text.title.endsWith('…')).toBe(true);
            expect(source.text.startsWith(text.title.slice(0, -1))).toBe(true);
            expect(text.description).toContain(source.text);
          }
          expect(text.description).toContain(LINK);
          expect(propose(text).ok).toBe(true);
        },
      ),
    );
  });
});
