// Small pieces shared by the vote, decision and candidate cards: words, inputs, limits and size fitting.
import type { VotingMethod } from '../../domain/voting';
import {
  adaptiveCard,
  executeAction,
  maxActionsPerSet,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card';
import { escapeCardText } from './escape';

/** Cards are kept below this many bytes of JSON (28 KB, the Workflows limit, with room for the envelope). */
export const cardByteBudget = 27 * 1024;

/** Longest free text a member may type into a card input (concerns, rationale, responses, reasons). */
export const maxInputText = 1000;

/** How much a card shows; cards try each level in turn until they fit the byte budget. */
export type Detail = {
  /** Characters of a candidate or priority title. */
  readonly titleMax: number;
  /** Characters of a longer text (description, concern, response, rationale). */
  readonly textMax: number;
  /** Entries of a list (standings, concerns, watch list, decisions) before "and N more". */
  readonly listMax: number;
  /** Ranked-choice inputs offered (1st choice, 2nd choice, …). */
  readonly ranksMax: number;
};

/** From everything shown to a compact card for very large votes. */
export const detailLevels: readonly Detail[] = [
  { titleMax: 140, textMax: 1000, listMax: Number.POSITIVE_INFINITY, ranksMax: Number.POSITIVE_INFINITY },
  { titleMax: 140, textMax: 400, listMax: 12, ranksMax: 8 },
  { titleMax: 80, textMax: 200, listMax: 8, ranksMax: 5 },
  { titleMax: 50, textMax: 120, listMax: 5, ranksMax: 4 },
  { titleMax: 30, textMax: 60, listMax: 3, ranksMax: 3 },
];

/** Size of a card as sent, in bytes of UTF-8 JSON. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Builds the card at the first detail level that fits the byte budget (the most compact one otherwise). */
export function fitCard(build: (detail: Detail) => AdaptiveCard): AdaptiveCard {
  let card: AdaptiveCard | null = null;
  for (const detail of detailLevels) {
    card = build(detail);
    if (cardBytes(card) <= cardByteBudget) return card;
  }
  if (card === null) throw new Error('no detail level');
  return card;
}

/** Shortens raw text to `max` characters (ending with "…"), before it is escaped. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Counted in graphemes, so a cut never leaves half an emoji or a letter without its accent.
  const graphemes = Array.from(graphemeSegmenter.segment(text), (piece) => piece.segment);
  return graphemes.length <= max ? text : `${graphemes.slice(0, Math.max(1, max - 1)).join('')}…`;
}

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** User text made safe for a TextBlock, FactSet, label or choice title, optionally shortened first. */
export function safe(text: string, max = Number.POSITIVE_INFINITY): string {
  return escapeCardText(clip(text, max));
}

/**
 * User text for plain-text places (input labels, choice and toggle titles): Teams shows these as typed,
 * without Markdown or template functions, so escaping would only show backslashes. Direction overrides go.
 */
export function plain(text: string, max = Number.POSITIVE_INFINITY): string {
  return clip(text, max).replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}

/** The first `max` items and how many were left out. */
export function limitList<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  const shown = items.slice(0, max);
  return { shown, more: items.length - shown.length };
}

/** "and N more" as a subtle line, or nothing when nothing was left out. */
export function moreLine(more: number): CardElement[] {
  return more > 0 ? [textBlock(`and ${more} more`, { isSubtle: true, spacing: 'Small' })] : [];
}

/** "3. text" that Markdown does not turn into a (renumbered) list item. */
export function numbered(n: number, text: string): string {
  return `${n}\\. ${text}`;
}

/** 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, … 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** "1 vote", "2 votes". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Each voting method in words, as the setup card offers it. */
export const methodNames: Readonly<Record<VotingMethod, string>> = {
  'ranked-choice': 'Ranked choice (instant runoff)',
  dot: 'Dot voting',
  approval: 'Approval',
  score: 'Score 0–5',
};

/** What one candidate's total counts, per method. */
export const methodUnits: Readonly<Record<VotingMethod, string>> = {
  'ranked-choice': 'vote',
  dot: 'dot',
  approval: 'approval',
  score: 'point',
};

/** Looks up a candidate title by id; unknown ids read as "Unknown candidate". */
export type TitleOf = (candidateId: string) => string;

/** A title lookup over candidates (or any id/title pairs). */
export function titleLookup(candidates: readonly { id: string; title: string }[]): TitleOf {
  const titles = new Map(candidates.map((c) => [c.id, c.title]));
  return (id) => titles.get(id) ?? 'Unknown candidate';
}

/** "A, B and C" from candidate ids, escaped and shortened. */
export function joinTitles(ids: readonly string[], titleOf: TitleOf, titleMax: number): string {
  const titles = ids.map((id) => safe(titleOf(id), titleMax));
  return titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
}

/** `{{DATE(…, SHORT)}} {{TIME(…)}}` for an instant of our own: normalised, so no text can leak into the template. */
export function dateTime(iso: string): string {
  const at = rfc3339(iso);
  return at === null ? 'an unknown time' : `{{DATE(${at}, SHORT)}} {{TIME(${at})}}`;
}

/** `{{DATE(…, SHORT)}}` for an instant of our own. */
export function dateOnly(iso: string): string {
  const at = rfc3339(iso);
  return at === null ? 'an unknown date' : `{{DATE(${at}, SHORT)}}`;
}

// Teams' template functions want RFC 3339 without milliseconds.
function rfc3339(iso: string): string | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "7 of 12 have voted", followed by the names (escaped) unless the vote is anonymous. */
export function turnoutText(
  voted: number,
  teamSize: number,
  voterNames: readonly string[] | null,
  anonymous: boolean,
  detail: Detail,
): string {
  const line = `${voted} of ${teamSize} ${voted === 1 ? 'has' : 'have'} voted`;
  if (anonymous || voterNames === null || voterNames.length === 0) return line;
  const { shown, more } = limitList(voterNames, detail.listMax * 4);
  const names = shown.map((name) => safe(name, 60)).join(', ');
  return `${line}: ${names}${more > 0 ? ` and ${more} more` : ''}`;
}

/** A card title. */
export function heading(text: string, size: 'Medium' | 'Large' = 'Medium'): CardElement {
  return textBlock(text, { size, weight: 'Bolder' });
}

/** A bold section heading with some space above it. */
export function sectionHeading(text: string): CardElement {
  return textBlock(text, { weight: 'Bolder', spacing: 'Medium' });
}

/** Small grey text. */
export function subtle(text: string, options: Record<string, unknown> = {}): CardElement {
  return textBlock(text, { isSubtle: true, size: 'Small', spacing: 'Small', ...options });
}

/** An error shown in red at the top of a card re-shown after a bad submit (escaped: it may echo input). */
export function errorBlocks(error: string | undefined): CardElement[] {
  return error ? [textBlock(safe(error, maxInputText), { color: 'Attention', weight: 'Bolder' })] : [];
}

/** A button that sends no inputs and so is never blocked by a required field elsewhere on the card. */
export function plainAction(title: string, verb: string, data: Record<string, unknown> = {}): CardElement {
  return executeAction(title, verb, data, { associatedInputs: 'none' });
}

/** A button that submits the card's inputs (validated by Teams first). */
export function submitAction(title: string, verb: string, data: Record<string, unknown> = {}): CardElement {
  return executeAction(title, verb, data, { associatedInputs: 'auto' });
}

/** An action set in the body, for a form that sits under its inputs. */
export function actionSet(actions: CardElement[]): CardElement {
  if (actions.length > maxActionsPerSet) throw new Error(`an action set holds at most ${maxActionsPerSet}`);
  return { type: 'ActionSet', actions };
}

/** A text input; `value` is the raw text to edit (an input value is not Markdown). */
export function textInput(
  id: string,
  label: string,
  options: {
    value?: string | null;
    maxLength?: number;
    required?: boolean;
    multiline?: boolean;
    placeholder?: string;
  } = {},
): CardElement {
  return {
    type: 'Input.Text',
    id,
    label,
    maxLength: options.maxLength ?? maxInputText,
    ...(options.multiline ? { isMultiline: true } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    ...(options.value ? { value: options.value } : {}),
    ...(options.required ? { isRequired: true, errorMessage: `${label} is required` } : {}),
  };
}

/** A whole-number input. */
export function numberInput(
  id: string,
  label: string,
  options: { value?: number; min?: number; max?: number; required?: boolean } = {},
): CardElement {
  return {
    type: 'Input.Number',
    id,
    label,
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.min !== undefined ? { min: options.min } : {}),
    ...(options.max !== undefined ? { max: options.max } : {}),
    ...(options.required ? { isRequired: true, errorMessage: `${label} is required` } : {}),
  };
}

/** An on/off toggle sending "true" or "false". */
export function toggleInput(id: string, title: string, value: boolean): CardElement {
  return {
    type: 'Input.Toggle',
    id,
    title,
    value: value ? 'true' : 'false',
    valueOn: 'true',
    valueOff: 'false',
  };
}

/** A compact drop-down of choices. */
export function choiceInput(
  id: string,
  label: string,
  choices: readonly { title: string; value: string }[],
  options: { value?: string | null; required?: boolean; placeholder?: string } = {},
): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    style: 'compact',
    choices: choices.map((choice) => ({ title: choice.title, value: choice.value })),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    ...(options.value ? { value: options.value } : {}),
    ...(options.required ? { isRequired: true, errorMessage: `${label} is required` } : {}),
  };
}

// The base builders, re-exported so a card needs only this one import.
export { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement };
