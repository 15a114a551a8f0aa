import { parseInstant } from '../voting/time';
import { fail, ok, type Result } from '../voting/result';
import { checkText } from './text';
import {
  formatDate,
  isTimeZone,
  localDay,
  parseDate,
  weekdayOf,
  zonedInstant,
  type DayNumber,
} from './zoned-time';

/** A stretch of local calendar days without check-ins (holidays), both ends included (C-5). */
export type CadenceBreak = {
  readonly from: string;
  readonly to: string;
  readonly name: string;
};

/** When a team checks in: a weekday and wall-clock time in the team's zone, every one to four weeks. */
export type CheckInCadence = {
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
  /** An IANA zone name, e.g. "Europe/London". */
  readonly timeZone: string;
  readonly everyWeeks: number;
  /** The first check-in day ('YYYY-MM-DD', on the weekday); every-N-weeks counts from it (C-4). */
  readonly startsOn: string;
  readonly breaks: readonly CadenceBreak[];
};

/** A cadence as a team sets it; minute, everyWeeks, startsOn and breaks have defaults (C-1). */
export type CadenceInput = {
  readonly weekday: number;
  readonly hour: number;
  readonly minute?: number;
  readonly timeZone: string;
  readonly everyWeeks?: number;
  readonly startsOn?: string;
  readonly breaks?: readonly CadenceBreak[];
  /** Used only to find the default `startsOn`: the first check-in after now. */
  readonly now: string;
};

export const MAX_EVERY_WEEKS = 4;
export const MAX_BREAK_NAME_LENGTH = 100;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// Far more slots than any cadence needs: breaks are jumped over whole, so the loop only ends here on bad data.
const MAX_STEPS = 10_000;

/** Checks a team's cadence and fills in its defaults (C-1..C-5). */
export function createCadence(input: CadenceInput): Result<CheckInCadence> {
  const whole = (field: string, value: unknown, min: number, max: number): Result<number> =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? ok(value as number)
      : fail(field, `expected a whole number ${min} to ${max}`);
  const weekday = whole('weekday', input.weekday, 0, 6);
  if (!weekday.ok) return weekday;
  const hour = whole('hour', input.hour, 0, 23);
  if (!hour.ok) return hour;
  const minute = whole('minute', input.minute ?? 0, 0, 59);
  if (!minute.ok) return minute;
  if (!isTimeZone(input.timeZone)) {
    return fail('timeZone', `"${String(input.timeZone)}" is not a time zone name such as Europe/London`);
  }
  const everyWeeks = whole('everyWeeks', input.everyWeeks ?? 1, 1, MAX_EVERY_WEEKS);
  if (!everyWeeks.ok) return everyWeeks;
  const breaks = checkBreaks(input.breaks ?? []);
  if (!breaks.ok) return breaks;

  let startsOn: string;
  if (input.startsOn !== undefined) {
    const day = parseDate(input.startsOn);
    if (day === null) return fail('startsOn', 'expected a date YYYY-MM-DD');
    if (weekdayOf(day) !== weekday.value) {
      return fail('startsOn', `expected a ${WEEKDAYS[weekday.value]}, as check-ins are on that day`);
    }
    startsOn = input.startsOn;
  } else {
    const now = parseInstant(input.now);
    if (now === null) return fail('now', 'expected an ISO date-time');
    const base = { weekday: weekday.value, hour: hour.value, minute: minute.value, timeZone: input.timeZone };
    // Any day on the weekday before now anchors a weekly search for the first check-in after now.
    const earlier = localDay(now, input.timeZone) - 7;
    const anchor = earlier - ((weekdayOf(earlier) - weekday.value + 7) % 7);
    const first = nextSlot({ ...base, everyWeeks: 1, startsOn: formatDate(anchor), breaks: [] }, now);
    if (first === null) return fail('startsOn', 'no check-in day could be found');
    startsOn = formatDate(first.day);
  }
  return ok({
    weekday: weekday.value,
    hour: hour.value,
    minute: minute.value,
    timeZone: input.timeZone,
    everyWeeks: everyWeeks.value,
    startsOn,
    breaks: breaks.value,
  });
}

/**
 * The next check-in strictly after `after`, as an ISO UTC instant: on the cadence's weekday and local time,
 * every `everyWeeks` weeks from `startsOn`, skipping break days; a time lost to clocks going forward moves to
 * the end of the gap, a time repeated by clocks going back is its first occurrence (C-6..C-9).
 */
export function nextCheckInAt(cadence: CheckInCadence, after: string): Result<string> {
  const afterMs = parseInstant(after);
  if (afterMs === null) return fail('after', 'expected an ISO date-time');
  if (!isTimeZone(cadence.timeZone))
    return fail('timeZone', `"${String(cadence.timeZone)}" is not a time zone name`);
  if (parseDate(cadence.startsOn) === null) return fail('startsOn', 'expected a date YYYY-MM-DD');
  const slot = nextSlot(cadence, afterMs);
  if (slot === null) return fail('cadence', 'no check-in could be found after the breaks');
  return ok(new Date(slot.ms).toISOString());
}

/** True when the local calendar day falls inside one of the breaks (C-5). */
export function isInBreak(cadence: Pick<CheckInCadence, 'breaks'>, date: string): boolean {
  const day = parseDate(date);
  return day !== null && breakEndCovering(cadence.breaks, day) !== null;
}

type Slot = { readonly day: DayNumber; readonly ms: number };

function nextSlot(cadence: CheckInCadence, afterMs: number): Slot | null {
  const start = parseDate(cadence.startsOn) ?? 0;
  const period = 7 * cadence.everyWeeks;
  const alignUp = (day: DayNumber): DayNumber =>
    day <= start ? start : start + Math.ceil((day - start) / period) * period;
  // A slot's instant grows with its day, and a gap shift never crosses more than a day, so the day
  // before `after`'s local day is a safe place to start.
  let day = alignUp(localDay(afterMs, cadence.timeZone) - 1);
  for (let step = 0; step < MAX_STEPS; step++) {
    const breakEnd = breakEndCovering(cadence.breaks, day);
    if (breakEnd !== null) {
      day = alignUp(breakEnd + 1);
      continue;
    }
    const ms = zonedInstant(day, cadence.hour, cadence.minute, cadence.timeZone);
    if (ms > afterMs) return { day, ms };
    day += period;
  }
  return null;
}

// The last day of the breaks covering `day` (overlapping breaks chain), or null when none does.
function breakEndCovering(breaks: readonly CadenceBreak[], day: DayNumber): DayNumber | null {
  let end: DayNumber | null = null;
  for (const b of breaks) {
    const from = parseDate(b.from);
    const to = parseDate(b.to);
    if (from !== null && to !== null && from <= day && day <= to) end = Math.max(end ?? to, to);
  }
  return end;
}

function checkBreaks(breaks: unknown): Result<CadenceBreak[]> {
  if (!Array.isArray(breaks)) return fail('breaks', 'expected a list');
  const checked: CadenceBreak[] = [];
  for (const [index, b] of (breaks as readonly Partial<CadenceBreak>[]).entries()) {
    const from = parseDate(b.from);
    if (from === null) return fail(`breaks.${index}.from`, 'expected a date YYYY-MM-DD');
    const to = parseDate(b.to);
    if (to === null) return fail(`breaks.${index}.to`, 'expected a date YYYY-MM-DD');
    if (to < from) return fail(`breaks.${index}.to`, 'a break cannot end before it starts');
    const name = checkText(`breaks.${index}.name`, b.name, { min: 1, max: MAX_BREAK_NAME_LENGTH });
    if (!name.ok) return name;
    checked.push({ from: formatDate(from), to: formatDate(to), name: name.value });
  }
  return ok(checked);
}
