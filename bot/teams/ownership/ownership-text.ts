// The text of `assign @person as <role>` and `action <text> for @person by <date>`: who, what and when.
import { OWNER_ROLES, isTimeZone, type OwnerRole } from '../../domain/ownership';
import { dayNumber, localDay, weekdayOf, zonedInstant } from '../../domain/ownership/zoned-time';
import type { Mention } from '../bot-turn';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const mentionHint = 'type @ and pick them from the list, so I know exactly who';

/** The dates `by <date>` understands, for the error message. */
export const dueDateFormats =
  'YYYY-MM-DD (for example 2026-12-04), today, tomorrow, a weekday (Friday), next Friday, in 3 days or in 2 weeks';

/**
 * The one person a `<at>…</at>` fragment names, by Teams' mention entities: the display text alone is
 * never trusted (two members may share a name, and anyone can type `<at>`).
 */
export function mentionedPerson(fragment: string, mentions: readonly Mention[]): Parsed<Mention> {
  const trimmed = fragment.trim();
  if (!/^<at>[\s\S]*<\/at>$/i.test(trimmed) || (trimmed.match(/<at>/gi) ?? []).length !== 1)
    return { ok: false, message: `Mention one person: ${mentionHint}.` };
  const found = mentions.filter((mention) => mention.text.trim() === trimmed);
  const person = found[0];
  if (!person || found.some((other) => other.id !== person.id))
    return { ok: false, message: `I could not tell who that is: ${mentionHint}.` };
  return { ok: true, value: person };
}

/** Reads `@person as <role>`. */
export function parseAssign(
  argument: string,
  mentions: readonly Mention[],
): Parsed<{ person: Mention; role: OwnerRole }> {
  const usage = `Say assign @person as <role>, where the role is ${OWNER_ROLES.join(', ')}.`;
  const match = /^([\s\S]+?)\s+as\s+(.+)$/i.exec(argument.trim());
  if (!match) return { ok: false, message: usage };
  const person = mentionedPerson(match[1] ?? '', mentions);
  if (!person.ok) return person;
  const role = parseRole(match[2] ?? '');
  if (!role) return { ok: false, message: `role: expected one of ${OWNER_ROLES.join(', ')}. ${usage}` };
  return { ok: true, value: { person: person.value, role } };
}

/** "co-owner", "Co owner", "the lead", "a contributor" → the role; null for anything else. */
export function parseRole(text: string): OwnerRole | null {
  const words = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(/^(a|an|the)\s+/, '')
    .replace(/[\s_]+/g, '-');
  const role = words === 'coowner' ? 'co-owner' : words;
  return OWNER_ROLES.find((each) => each === role) ?? null;
}

/** Reads `<text> for @person [by <date>]`; the date stays text here (see parseDueDate). */
export function parseActionCommand(
  argument: string,
  mentions: readonly Mention[],
): Parsed<{ title: string; person: Mention; due: string | null }> {
  const usage =
    'Say action <what to do> for @person by <date>, for example: action Call the families for @Sam by Friday';
  const match = /^([\s\S]+?)\s+for\s+(<at>[\s\S]*?<\/at>)(?:\s+by\s+([\s\S]+))?\s*$/i.exec(argument.trim());
  if (!match) return { ok: false, message: usage };
  const person = mentionedPerson(match[2] ?? '', mentions);
  if (!person.ok) return person;
  return {
    ok: true,
    value: { title: (match[1] ?? '').trim(), person: person.value, due: match[3]?.trim() ?? null },
  };
}

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * A due date as typed, read as the end of that day (23:59) in the member's time zone (UTC when Teams did
 * not say). A weekday is the coming one (tomorrow at the earliest); "next Friday" is the one a week later.
 * Whether it is in the past is the domain's call.
 */
export function parseDueDate(text: string, nowMs: number, timeZone: string | null): Parsed<string> {
  const zone = timeZone !== null && isTimeZone(timeZone) ? timeZone : 'UTC';
  const today = localDay(nowMs, zone);
  const words = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ');
  const day = dayOf(words, today);
  if (day === null)
    return {
      ok: false,
      message: `due: I did not understand "${text.slice(0, 40)}"; write ${dueDateFormats}.`,
    };
  return { ok: true, value: new Date(zonedInstant(day, 23, 59, zone)).toISOString() };
}

function dayOf(words: string, today: number): number | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(words);
  if (iso) {
    const [year, month, date] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const day = dayNumber(year, month, date);
    // 2026-02-31 is not a date: it would roll over into March.
    const check = new Date(day * 86_400_000);
    return check.getUTCMonth() + 1 === month && check.getUTCDate() === date ? day : null;
  }
  if (words === 'today') return today;
  if (words === 'tomorrow') return today + 1;
  const inMatch = /^in (\d{1,3}) (day|days|week|weeks)$/.exec(words);
  if (inMatch) return today + Number(inMatch[1]) * (inMatch[2]?.startsWith('week') ? 7 : 1);
  const weekdayMatch = /^(next |this )?([a-z]+)$/.exec(words);
  if (weekdayMatch) {
    const name = weekdayMatch[2] ?? '';
    const target = weekdays.findIndex((each) => each === name || (name.length >= 3 && each.startsWith(name)));
    if (target < 0) return null;
    const ahead = (target - weekdayOf(today) + 7) % 7 || 7;
    return today + ahead + (weekdayMatch[1] === 'next ' ? 7 : 0);
  }
  return null;
}
