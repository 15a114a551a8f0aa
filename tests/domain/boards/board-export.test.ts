import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  QUADRANTS,
  boardToCsv,
  boardToMarkdown,
  dotTotals,
  layoutBoard,
  type Evidence,
  type SwotBoard,
  type SwotItem,
} from '../../../bot/domain/boards';
import { NOW, at } from '../factories';
import { actor, board, closedSession, dots, group, item, session } from './board-factories';

/** A strict RFC 4180 parser: CRLF records, quoted cells with doubled quotes, nothing else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        if (i + 1 < text.length && !/[,\r]/.test(text[i + 1]!))
          throw new Error(`text after a closing quote at ${i}`);
      } else cell += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (cell !== '') throw new Error(`quote inside an unquoted cell at ${i}`);
      quoted = true;
    } else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i += 1;
    } else if (c === '\r' || c === '\n') throw new Error(`bare line break at ${i}`);
    else cell += c;
    i += 1;
  }
  if (quoted) throw new Error('unclosed quote');
  if (cell !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

const HEADER = ['quadrant', 'group', 'text', 'tag', 'dots', 'evidence', 'author', 'created at'];
const note = (text: string): Evidence => ({ kind: 'note', text });
const url = (href: string): Evidence => ({ kind: 'url', url: href });

/** A small board: two groups in strengths, a loose item, a threat, dots from two members. */
function sample(): SwotBoard {
  const groups = [
    group('g-1', 'strengths', 'Culture', { minute: 1 }),
    group('g-2', 'strengths', 'Empty', { minute: 2 }),
  ];
  const items = [
    item(
      'a',
      { text: 'Staff share plans', groupId: 'g-1', minute: 1, evidence: [url('https://e.example/a')] },
      groups,
    ),
    item('b', {
      text: 'Pupils, "mostly", read',
      minute: 2,
      tag: 'symptom',
      evidence: [note('Survey'), note('Talk')],
    }),
    item('c', {
      quadrant: 'threats',
      text: 'Funding ends',
      tag: 'root-cause',
      minute: 3,
      actor: actor('bob', 'Bob'),
    }),
  ];
  return board({
    items,
    groups,
    allocations: [dots('ann', { a: 1, c: 2 }, items), dots('bob', { c: 1 }, items)],
  });
}

describe('CSV export', () => {
  it('SW-17 one row per item, under a header, in layout order, lines ending in CRLF', () => {
    const csv = boardToCsv(sample());
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      HEADER,
      ['Strengths', 'Culture', 'Staff share plans', '', '1', 'https://e.example/a', 'Ann', at(1)],
      ['Strengths', '', 'Pupils, "mostly", read', 'symptom', '0', 'Survey | Talk', 'Ann', at(2)],
      ['Threats', '', 'Funding ends', 'root-cause', '3', '', 'Bob', at(3)],
    ]);
    expect(csv).toContain('"Pupils, ""mostly"", read"');
  });

  it('SW-17 an empty board exports just the header', () => {
    expect(boardToCsv(board())).toBe(`${HEADER.join(',')}\r\n`);
  });

  it('SW-17 line breaks inside a cell are quoted', () => {
    const swot = board({ items: [item('a', { text: 'one\r\ntwo\nthree' })] });
    expect(parseCsv(boardToCsv(swot))[1]![2]).toBe('one\r\ntwo\nthree');
  });

  it('SW-17 cells starting with = + - @ are defused with a leading apostrophe', () => {
    const groups = [group('g-1', 'strengths', '@home')];
    const swot = board({
      items: [
        item('a', { text: '=HYPERLINK("https://evil.example","x")', groupId: 'g-1' }, groups),
        item('b', { text: '+1 for plans', evidence: [note('-8% budget')], actor: actor('eve', '@eve') }),
        item('c', { text: '-negative', minute: 2 }),
        item('d', { text: 'safe = fine', minute: 3 }),
      ],
      groups,
    });
    const rows = parseCsv(boardToCsv(swot)).slice(1);
    expect(rows.map((row) => row[2])).toEqual([
      `'=HYPERLINK("https://evil.example","x")`,
      "'+1 for plans",
      "'-negative",
      'safe = fine',
    ]);
    expect(rows[0]![1]).toBe("'@home");
    expect(rows[1]![5]).toBe("'-8% budget");
    expect(rows[1]![6]).toBe("'@eve");
  });
});

describe('Markdown export', () => {
  it('SW-17 sections per quadrant and group, items most dotted first, with tags, dots and evidence', () => {
    expect(boardToMarkdown(sample())).toBe(
      [
        '# Spring review',
        '',
        'Facilitated by Fay; opened 2025-03-03 (still open). Dots per member: 5.',
        '',
        '## Strengths',
        '',
        '### Culture',
        '',
        '- Staff share plans — 1 dot, by Ann',
        '  - Evidence: <https://e.example/a>',
        '',
        '### Empty',
        '',
        '_No items._',
        '',
        '### Not grouped',
        '',
        '- Pupils, "mostly", read _(symptom)_ — 0 dots, by Ann',
        '  - Evidence: Survey',
        '  - Evidence: Talk',
        '',
        '## Weaknesses',
        '',
        '_No items._',
        '',
        '## Opportunities',
        '',
        '_No items._',
        '',
        '## Threats',
        '',
        '- Funding ends _(root cause)_ — 3 dots, by Bob',
        '',
      ].join('\n'),
    );
  });

  it('SW-17 a closed board says when it closed', () => {
    const swot = board({ session: closedSession(session({ now: NOW })) });
    expect(boardToMarkdown(swot)).toContain('opened 2025-03-03, closed 2025-03-03. Dots per member: 5.');
  });

  it('SW-17 member text is escaped so it cannot make a heading, a link or emphasis', () => {
    const hostile = '# hi *x* [a](b)';
    const groups = [group('g-1', 'strengths', hostile)];
    const swot = board({
      session: session({ title: hostile }),
      items: [
        item(
          'a',
          { text: hostile, groupId: 'g-1', evidence: [note(hostile)], actor: actor('x', hostile) },
          groups,
        ),
      ],
      groups,
    });
    const escaped = String.raw`\# hi \*x\* \[a\](b)`;
    const markdown = boardToMarkdown(swot);
    expect(markdown).toContain(`# ${escaped}\n`);
    expect(markdown).toContain(`### ${escaped}\n`);
    expect(markdown).toContain(`- ${escaped} — 0 dots, by ${escaped}\n`);
    expect(markdown).toContain(`  - Evidence: ${escaped}\n`);
    expect(markdown).not.toContain(hostile);
  });

  it('SW-17 line breaks in member text, including a lone CR, cannot start a new Markdown line', () => {
    const swot = board({ items: [item('a', { text: 'one\n# two\r- three\r\n> four' })] });
    const markdown = boardToMarkdown(swot);
    expect(markdown).not.toContain('\r');
    expect(markdown).toContain(String.raw`- one \# two - three \> four — 0 dots`);
  });

  it('SW-17 an evidence link cannot break out of its autolink', () => {
    const sneaky = 'https://e.example/>[click](javascript:alert(1)) <b>';
    const swot = board({ items: [item('a', { evidence: [url(sneaky)] })] });
    const line = boardToMarkdown(swot)
      .split('\n')
      .find((each) => each.startsWith('  - Evidence: '))!;
    expect(line).toMatch(/^ {2}- Evidence: <https:\/\/e\.example\/[^\s<>]*>$/);
  });
});

/** Text with plenty of characters that mean something to Markdown or a spreadsheet. */
const memberText = fc
  .string({
    unit: fc.constantFrom(...'#*_[]()<>`\\|!-+=@ \n\r\t",\'a1.é😀'.split(/(?:)/u)),
    minLength: 1,
    maxLength: 30,
  })
  .map((text) => text.trim())
  .filter((text) => text.length > 0);

const evidenceArb: fc.Arbitrary<Evidence> = fc.oneof(
  memberText.map(note),
  fc.constantFrom(
    url('https://e.example/a'),
    url('https://e.example/>[x](javascript:alert(1))'),
    url('http://e.example/a b`c*d_e'),
  ),
);

const boardArb = fc
  .record({
    title: memberText,
    groups: fc.array(fc.record({ quadrant: fc.constantFrom(...QUADRANTS), name: memberText }), {
      maxLength: 4,
    }),
    items: fc.array(
      fc.record({
        quadrant: fc.constantFrom(...QUADRANTS),
        group: fc.option(fc.nat({ max: 3 })),
        text: memberText,
        author: memberText,
        tag: fc.constantFrom(null, 'symptom' as const, 'root-cause' as const),
        evidence: fc.array(evidenceArb, { maxLength: 3 }),
      }),
      { maxLength: 8 },
    ),
    votes: fc.array(fc.nat({ max: 7 }), { maxLength: 5 }),
  })
  .map(({ title, groups: groupInputs, items: itemInputs, votes }) => {
    const groups = groupInputs.map(({ quadrant, name }, n) =>
      group(`g${n}`, quadrant, `${n}${name}`, { minute: n }),
    );
    const items: SwotItem[] = itemInputs.map(
      ({ quadrant, group: index, text, author, tag, evidence }, n) => ({
        ...item(`i${n}`, { quadrant, text, tag, evidence, actor: actor(`m${n}`, author), minute: n }),
        groupId: index === null ? null : `g${index}`,
      }),
    );
    const voted = votes.filter((index) => index < items.length).map((index) => items[index]!.id);
    const allocations =
      voted.length === 0 ? [] : [{ memberId: 'ann', dots: Object.fromEntries(voted.map((id) => [id, 1])) }];
    return board({ session: session({ title }), items, groups, allocations });
  });

const defused = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

describe('properties of the exports', () => {
  it('SW-17 the CSV round-trips through an RFC 4180 parser, one row per item, cells defused', () => {
    fc.assert(
      fc.property(boardArb, (swot) => {
        const rows = parseCsv(boardToCsv(swot));
        const totals = dotTotals(swot);
        const expected = layoutBoard(swot).flatMap(({ groups, ungrouped }) =>
          [
            ...groups.flatMap(({ group: g, items }) => items.map((x) => [g.name, x] as const)),
            ...ungrouped.map((x) => ['', x] as const),
          ].map(([groupName, x]) =>
            [
              x.quadrant[0]!.toUpperCase() + x.quadrant.slice(1),
              groupName,
              x.text,
              x.tag ?? '',
              String(totals[x.id]),
              x.evidence.map((e) => (e.kind === 'url' ? e.url : e.text)).join(' | '),
              x.authorName,
              x.createdAt,
            ].map(defused),
          ),
        );
        expect(rows).toEqual([HEADER, ...expected]);
        expect(rows).toHaveLength(swot.items.length + 1);
        for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
      }),
    );
  });

  it('SW-17 Markdown keeps member text from making structure: only our own lines, headings and links', () => {
    fc.assert(
      fc.property(boardArb, (swot) => {
        const markdown = boardToMarkdown(swot);
        expect(markdown).not.toContain('\r');
        const lines = markdown.split('\n');
        for (const line of lines)
          expect(line).toMatch(/^(# |## |### |- | {2}- Evidence: |Facilitated by |_No items\._$|$)/);
        expect(lines.filter((line) => line.startsWith('- '))).toHaveLength(swot.items.length);
        expect(lines.filter((line) => line.startsWith('  - Evidence: '))).toHaveLength(
          swot.items.reduce((sum, x) => sum + x.evidence.length, 0),
        );
        expect(lines.filter((line) => line.startsWith('# '))).toHaveLength(1);
        expect(lines.filter((line) => line.startsWith('### '))).toHaveLength(
          swot.groups.length +
            layoutBoard(swot).filter((q) => q.groups.length > 0 && q.ungrouped.length > 0).length,
        );
        const bare = markdown
          .replace(/\\[\s\S]/g, '')
          .replace(/^#{1,3} /gm, '')
          .replace(/ _\((symptom|root cause)\)_ /g, ' ')
          .replace(/^_No items\._$/gm, '')
          .replace(/<https?:\/\/[^\s<>]*>/g, '');
        expect(bare).not.toMatch(/[[\]*_`<>#|\\]/);
      }),
    );
  });
});
