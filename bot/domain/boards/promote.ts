import type { CandidateTextInput } from '../candidates/candidate-text';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from '../candidates/candidate-text';
import { fail, ok, type Result } from '../voting/result';
import { checkNow, checkOpen } from './board-rules';
import { dotTotals, effectiveGroupId, sortByDots, type SwotBoard } from './swot-board';
import type { Evidence, Promotion, SwotGroup, SwotItem } from './swot-types';

const QUADRANT_NAMES = {
  strengths: 'Strength',
  weaknesses: 'Weakness',
  opportunities: 'Opportunity',
  threats: 'Threat',
} as const;

/**
 * The candidate an item becomes: its text as the title (cut at 140 characters, the whole text then kept in
 * the description), its evidence, and a link back to the board (SW-15).
 */
export function candidateFromItem(board: SwotBoard, item: SwotItem, linkBack: string): CandidateTextInput {
  const tag = item.tag === null ? '' : ` (${item.tag === 'root-cause' ? 'root cause' : 'symptom'})`;
  const lines = [
    `${QUADRANT_NAMES[item.quadrant]}${tag} from the SWOT board "${board.session.title}": ${linkBack}`,
  ];
  if (item.text.length > MAX_TITLE_LENGTH) lines.push('', item.text);
  return {
    title: shorten(item.text, MAX_TITLE_LENGTH),
    description: shorten(lines.join('\n'), MAX_TEXT_LENGTH),
    evidence: evidenceText(item.evidence),
  };
}

/** The candidate a group becomes: its name as the title, its items (most dotted first) and their evidence (SW-15). */
export function candidateFromGroup(board: SwotBoard, group: SwotGroup, linkBack: string): CandidateTextInput {
  const items = sortByDots(
    board.items.filter((item) => effectiveGroupId(item, board.groups) === group.id),
    dotTotals(board),
  );
  const lines = [
    `${QUADRANT_NAMES[group.quadrant]} theme from the SWOT board "${board.session.title}": ${linkBack}`,
    ...items.map((item) => `- ${item.text}`),
  ];
  return {
    title: shorten(group.name, MAX_TITLE_LENGTH),
    description: shorten(lines.join('\n'), MAX_TEXT_LENGTH),
    evidence: evidenceText(items.flatMap((item) => item.evidence)),
  };
}

/** Records that an item or group became a candidate; each is promoted once, while the board is open (SW-16). */
export function markPromoted<T extends SwotItem | SwotGroup>(
  board: SwotBoard,
  subject: T,
  promotion: Promotion,
): Result<T> {
  const open = checkOpen(board.session);
  if (!open.ok) return open;
  const now = checkNow(promotion.promotedAt);
  if (!now.ok) return now;
  if (subject.promotion !== null) return fail('promotion', 'this is already a candidate priority');
  return ok({ ...subject, promotion });
}

function evidenceText(evidence: readonly Evidence[]): string | null {
  if (evidence.length === 0) return null;
  return shorten(
    evidence.map((piece) => (piece.kind === 'url' ? piece.url : piece.text)).join('\n'),
    MAX_TEXT_LENGTH,
  );
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never keep half of a character made of two UTF-16 units.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end).trimEnd()}…`;
}
