import { dotTotals, layoutBoard, type SwotBoard } from './swot-board';
import type { SwotItem } from './swot-types';

const HEADINGS = {
  strengths: 'Strengths',
  weaknesses: 'Weaknesses',
  opportunities: 'Opportunities',
  threats: 'Threats',
} as const;

/** The board as Markdown: a section per quadrant, groups as sub-sections, items most dotted first (SW-17). */
export function boardToMarkdown(board: SwotBoard): string {
  const totals = dotTotals(board);
  const { session } = board;
  const lines = [
    `# ${markdownText(session.title)}`,
    '',
    `Facilitated by ${markdownText(session.openedByName)}; opened ${session.openedAt.slice(0, 10)}${
      session.closedAt ? `, closed ${session.closedAt.slice(0, 10)}` : ' (still open)'
    }. Dots per member: ${session.dotsPerMember}.`,
  ];
  const itemLine = (item: SwotItem) => {
    const tag = item.tag === null ? '' : ` _(${item.tag === 'root-cause' ? 'root cause' : 'symptom'})_`;
    const dots = totals[item.id] ?? 0;
    const evidence = item.evidence.map(
      (piece) => `  - Evidence: ${piece.kind === 'url' ? markdownLink(piece.url) : markdownText(piece.text)}`,
    );
    return [
      `- ${markdownText(item.text)}${tag} — ${dots} dot${dots === 1 ? '' : 's'}, by ${markdownText(item.authorName)}`,
      ...evidence,
    ];
  };
  for (const quadrant of layoutBoard(board)) {
    lines.push('', `## ${HEADINGS[quadrant.quadrant]}`);
    if (quadrant.groups.length === 0 && quadrant.ungrouped.length === 0) lines.push('', '_No items._');
    for (const { group, items } of quadrant.groups) {
      lines.push('', `### ${markdownText(group.name)}`, '');
      lines.push(...(items.length === 0 ? ['_No items._'] : items.flatMap(itemLine)));
    }
    if (quadrant.ungrouped.length > 0) {
      if (quadrant.groups.length > 0) lines.push('', '### Not grouped');
      lines.push('', ...quadrant.ungrouped.flatMap(itemLine));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The board as CSV (RFC 4180), one row per item, safe to open in a spreadsheet (SW-17). */
export function boardToCsv(board: SwotBoard): string {
  const totals = dotTotals(board);
  const rows = [['quadrant', 'group', 'text', 'tag', 'dots', 'evidence', 'author', 'created at']];
  for (const quadrant of layoutBoard(board)) {
    const grouped = quadrant.groups.flatMap(({ group, items }) => items.map((item) => ({ group, item })));
    const loose = quadrant.ungrouped.map((item) => ({ group: null, item }));
    for (const { group, item } of [...grouped, ...loose]) {
      rows.push([
        HEADINGS[item.quadrant],
        group?.name ?? '',
        item.text,
        item.tag ?? '',
        String(totals[item.id] ?? 0),
        item.evidence.map((piece) => (piece.kind === 'url' ? piece.url : piece.text)).join(' | '),
        item.authorName,
        item.createdAt,
      ]);
    }
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Quotes a cell, and defuses text a spreadsheet would run as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Keeps member text from turning into Markdown structure (headings, links, emphasis). */
function markdownText(text: string): string {
  // A lone CR ends a line in Markdown too.
  return text.replace(/\s*[\r\n]\s*/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/**
 * A member's link as an autolink. The parsed URL's href percent-encodes spaces, `<` and `>`, so the link
 * cannot end early and let the rest of its text through as Markdown.
 */
function markdownLink(url: string): string {
  return URL.canParse(url) ? `<${new URL(url).href}>` : markdownText(url);
}
