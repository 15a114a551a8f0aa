// Wall-clock arithmetic in an IANA time zone with Intl.DateTimeFormat (not I/O: the zone data ships with the runtime).

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A local calendar date as whole days since 1970-01-01 (the same day numbering UTC dates use). */
export type DayNumber = number;

/** The wall-clock reading of an instant in a zone. */
export type LocalParts = {
  readonly day: DayNumber;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
};

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

// Building a formatter is slow and its answers never change, so one per zone is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (error: unknown) {
    // Intl signals an unknown zone with a RangeError; anything else is a real fault.
    if (error instanceof RangeError) return null;
    throw error;
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** True for an IANA zone name the runtime knows ("Europe/London", "UTC"); offsets like "+02:00" are not names. */
export function isTimeZone(timeZone: unknown): timeZone is string {
  return typeof timeZone === 'string' && IANA_NAME.test(timeZone) && formatterFor(timeZone) !== null;
}

/** The wall-clock reading of instant `ms` in `timeZone` (a zone accepted by isTimeZone). */
export function localParts(ms: number, timeZone: string): LocalParts {
  const formatter = formatterFor(timeZone);
  if (formatter === null) throw new RangeError(`unknown time zone "${timeZone}"`);
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    day: dayNumber(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1),
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The zone's offset from UTC at instant `ms`, in milliseconds (positive east of Greenwich). */
export function offsetAt(ms: number, timeZone: string): number {
  const local = localParts(ms, timeZone);
  const wall = local.day * DAY_MS + local.hour * HOUR_MS + local.minute * MINUTE_MS + local.second * 1000;
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The local calendar day of instant `ms` in `timeZone`. */
export function localDay(ms: number, timeZone: string): DayNumber {
  return localParts(ms, timeZone).day;
}

/** The day number of a calendar date (month 1..12). */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / DAY_MS);
}

/** The weekday of a day number, 0 = Sunday. */
export function weekdayOf(day: DayNumber): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

/** Parses a real calendar date written 'YYYY-MM-DD', or null. */
export function parseDate(text: unknown): DayNumber | null {
  if (typeof text !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const number = dayNumber(year, month, day);
  return formatDate(number) === text ? number : null;
}

/** Writes a day number as 'YYYY-MM-DD'. */
export function formatDate(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant at which the local wall clock of `timeZone` reads `hour:minute` on `day`.
 * A reading that happens twice (clocks go back) gives the first; one that never happens (clocks go
 * forward) gives the first instant after the gap, e.g. 02:30 in a 02:00→03:00 gap gives 03:00.
 */
export function zonedInstant(day: DayNumber, hour: number, minute: number, timeZone: string): number {
  const wall = day * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS;
  // Offsets a day either side of the reading cover any transition near it (no zone changes twice a day).
  const offsets = [...new Set([wall - DAY_MS, wall, wall + DAY_MS].map((ms) => offsetAt(ms, timeZone)))];
  const readings = offsets
    .map((offset) => wall - offset)
    .filter((ms) => offsetAt(ms, timeZone) === wall - ms);
  if (readings.length > 0) return Math.min(...readings);
  // In a gap: the transition lies between the reading under the later offset and under the earlier one.
  let before = wall - Math.max(...offsets);
  let after = wall - Math.min(...offsets);
  const offsetBefore = offsetAt(before, timeZone);
  while (after - before > 1000) {
    const middle = before + Math.floor((after - before) / 2000) * 1000;
    if (offsetAt(middle, timeZone) === offsetBefore) before = middle;
    else after = middle;
  }
  return after;
}
