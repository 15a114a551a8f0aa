// The text of `check-ins <weekday> <HH:MM> [every N weeks] [timezone <zone>]`, `check-ins off` and
// `school break <from> to <to> [name]`.
import {
  isTimeZone,
  MAX_BREAK_NAME_LENGTH,
  MAX_EVERY_WEEKS,
  type CadenceBreak,
} from '../../domain/ownership';
import type { Parsed } from '../ownership/ownership-text';

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** What `check-ins …` asks for. */
export type CheckInsCommand =
  | { kind: 'show' }
  | { kind: 'off' }
  | {
      kind: 'set';
      weekday: number;
      hour: number;
      minute: number;
      everyWeeks: number;
      timeZone: string | null;
    };

export const checkInsUsage =
  'Say check-ins Tuesday 15:30 (and optionally every 2 weeks, timezone Europe/London), check-ins off, or check-ins to see them.';

/** Reads the argument of `check-ins`. */
export function parseCheckIns(argument: string): Parsed<CheckInsCommand> {
  const text = argument.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: true, value: { kind: 'show' } };
  if (/^(off|stop|pause)$/i.test(text)) return { ok: true, value: { kind: 'off' } };
  let rest = text;
  let timeZone: string | null = null;
  const zone = /\s*\b(?:time ?zone|tz)\s+(\S+)\s*$/i.exec(rest);
  if (zone) {
    const name: string = zone[1] ?? '';
    if (!isTimeZone(name))
      return {
        ok: false,
        message: `timezone: "${zone[1] ?? ''}" is not a time zone name such as Europe/London.`,
      };
    timeZone = name;
    rest = rest.slice(0, zone.index).trim();
  }
  let everyWeeks = 1;
  const every = /\s*\bevery\s+(?:(\d+)\s+weeks?|(other)\s+week|week)\s*$/i.exec(rest);
  if (every) {
    everyWeeks = every[2] ? 2 : every[1] ? Number(every[1]) : 1;
    if (!Number.isInteger(everyWeeks) || everyWeeks < 1 || everyWeeks > MAX_EVERY_WEEKS)
      return { ok: false, message: `every: expected 1 to ${MAX_EVERY_WEEKS} weeks.` };
    rest = rest.slice(0, every.index).trim();
  }
  const match = /^(?:on\s+)?([a-z]+?)s?\s+(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(rest);
  if (!match) return { ok: false, message: checkInsUsage };
  const day = (match[1] ?? '').toLowerCase();
  const weekday = weekdays.findIndex((name) => name === day || (day.length >= 3 && name.startsWith(day)));
  if (weekday === -1) return { ok: false, message: `weekday: "${match[1]}" is not a day of the week.` };
  let hour = Number(match[2]);
  const minute = match[3] === undefined ? 0 : Number(match[3]);
  const half = match[4]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return { ok: false, message: 'time: expected 1 to 12 before am or pm.' };
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return { ok: false, message: 'time: expected HH:MM, for example 15:30.' };
  return { ok: true, value: { kind: 'set', weekday, hour, minute, everyWeeks, timeZone } };
}

export const breakUsage = 'Say school break 2026-12-21 to 2027-01-01 Winter break.';

/** Reads the argument of `school` (`break <from> to <to> [name]`). */
export function parseSchoolBreak(argument: string): Parsed<CadenceBreak> {
  const match =
    /^break\s+(\d{4}-\d{2}-\d{2})\s+(?:to|-|–|until)\s+(\d{4}-\d{2}-\d{2})(?:\s+([\s\S]+))?$/i.exec(
      argument.trim(),
    );
  if (!match) return { ok: false, message: breakUsage };
  const name = (match[3] ?? 'School break').trim().replace(/\s+/g, ' ');
  if ([...name].length > MAX_BREAK_NAME_LENGTH)
    return { ok: false, message: `name: expected at most ${MAX_BREAK_NAME_LENGTH} characters.` };
  return { ok: true, value: { from: match[1] ?? '', to: match[2] ?? '', name } };
}

/** "Tuesdays at 15:30, every week (America/New_York)". */
export function describeSchedule(schedule: {
  weekday: number;
  hour: number;
  minute: number;
  everyWeeks: number;
  timeZone: string;
}): string {
  const day = weekdays[schedule.weekday] ?? '';
  const time = `${String(schedule.hour).padStart(2, '0')}:${String(schedule.minute).padStart(2, '0')}`;
  const every = schedule.everyWeeks === 1 ? 'every week' : `every ${schedule.everyWeeks} weeks`;
  return `${day.charAt(0).toUpperCase()}${day.slice(1)}s at ${time}, ${every} (${schedule.timeZone})`;
}

/** An instant on the team's clock: "Tuesday 24 November 2026, 15:30". */
export function localDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
