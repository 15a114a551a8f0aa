import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCadence, isInBreak, nextCheckInAt, type CheckInCadence } from '../../../bot/domain/ownership';
import { unwrap } from '../factories';

const ZONES = [
  'Europe/London',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'UTC',
];
const DAY_MS = 86_400_000;
const QUARTER_MS = 15 * 60_000;
const FROM = Date.parse('2015-01-01T00:00:00Z');
const TO = Date.parse('2030-12-31T00:00:00Z');

type Wall = { date: string; weekday: number; hour: number; minute: number };

// An independent reading of the wall clock, so the checks do not reuse the code under test.
const readers = new Map<string, Intl.DateTimeFormat>();
function wall(ms: number, timeZone: string): Wall {
  let reader = readers.get(timeZone);
  if (!reader) {
    reader = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    readers.set(timeZone, reader);
  }
  const p = Object.fromEntries(reader.formatToParts(ms).map((part) => [part.type, part.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  return {
    date,
    weekday: new Date(`${date}T00:00:00Z`).getUTCDay(),
    hour: Number(p.hour),
    minute: Number(p.minute),
  };
}

const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** True when local `date` is a check-in day of the cadence (weekday, period from startsOn, not in a break). */
function isCheckInDay(cadence: CheckInCadence, date: string): boolean {
  const since = daysBetween(cadence.startsOn, date);
  return since >= 0 && since % (7 * cadence.everyWeeks) === 0 && !isInBreak(cadence, date);
}

/** True when `ms` is the first instant showing its wall time (not the repeat after clocks go back). */
function isFirstOccurrence(ms: number, timeZone: string): boolean {
  const shown = wall(ms, timeZone);
  for (let back = 1; back <= 12; back++) {
    const earlier = wall(ms - back * QUARTER_MS, timeZone);
    if (earlier.date === shown.date && earlier.hour === shown.hour && earlier.minute === shown.minute)
      return false;
  }
  return true;
}

/** True when `ms` is a clock-forward transition that swallowed the cadence's wall time on that day. */
function isGapShift(cadence: CheckInCadence, ms: number): boolean {
  const minutes = (w: Wall) => Date.parse(`${w.date}T00:00:00Z`) / 60_000 + w.hour * 60 + w.minute;
  const shown = wall(ms, cadence.timeZone);
  const wanted = minutes({ ...shown, hour: cadence.hour, minute: cadence.minute });
  // The wanted reading lies after what the clock showed just before `ms` and before what it shows at `ms`.
  return minutes(wall(ms - 1, cadence.timeZone)) < wanted && wanted < minutes(shown);
}

const cadenceArb = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weekday: fc.integer({ min: 0, max: 6 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.constantFrom(0, 15, 30, 45),
    everyWeeks: fc.integer({ min: 1, max: 4 }),
    createdAt: fc.integer({ min: FROM, max: TO - 400 * DAY_MS }),
    breaks: fc.array(
      fc.record({ start: fc.integer({ min: 0, max: 420 }), length: fc.integer({ min: 0, max: 14 }) }),
      { maxLength: 3 },
    ),
  })
  .map(({ createdAt, breaks, ...rest }) =>
    unwrap(
      createCadence({
        ...rest,
        now: new Date(createdAt).toISOString(),
        breaks: breaks.map((b, index) => ({
          from: isoDate(createdAt + b.start * DAY_MS),
          to: isoDate(createdAt + (b.start + b.length) * DAY_MS),
          name: `Break ${index + 1}`,
        })),
      }),
    ),
  );

/** Minutes the zone is ahead of UTC at `ms` (at quarter-hour precision, which all listed zones use). */
function offsetMinutes(ms: number, timeZone: string): number {
  const shown = wall(ms, timeZone);
  const local = Date.parse(`${shown.date}T00:00:00Z`) + (shown.hour * 60 + shown.minute) * 60_000;
  return Math.round((local - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

const transitionsCache = new Map<string, number[]>();
/** The instants in `year` when the zone's clocks change, found by scanning every six hours and refining. */
function transitions(timeZone: string, year: number): number[] {
  const key = `${timeZone} ${year}`;
  const cached = transitionsCache.get(key);
  if (cached) return cached;
  const found: number[] = [];
  const step = 6 * 60 * 60_000;
  const end = Date.UTC(year + 1, 0, 1);
  for (let t = Date.UTC(year, 0, 1); t < end; t += step) {
    if (offsetMinutes(t, timeZone) === offsetMinutes(t + step, timeZone)) continue;
    let at = t;
    while (offsetMinutes(at, timeZone) === offsetMinutes(t, timeZone)) at += QUARTER_MS;
    found.push(at);
  }
  transitionsCache.set(key, found);
  return found;
}

const DST_ZONES = ZONES.filter((zone) => zone !== 'UTC' && zone !== 'Asia/Kolkata');

/**
 * A weekly or longer cadence whose local time sits within two hours of a real clock change (inside a
 * gap, inside a repeated hour, or next to one), and an instant in the week before it.
 */
const transitionCaseArb = fc
  .record({
    timeZone: fc.constantFrom(...DST_ZONES),
    year: fc.integer({ min: 2015, max: 2030 }),
    pick: fc.nat(),
    quarters: fc.integer({ min: -8, max: 8 }),
    everyWeeks: fc.integer({ min: 1, max: 4 }),
    before: fc.integer({ min: 1, max: 7 * 24 * 4 }),
  })
  .filter(({ timeZone, year }) => transitions(timeZone, year).length > 0)
  .map(({ timeZone, year, pick, quarters, everyWeeks, before }) => {
    const list = transitions(timeZone, year);
    const change = list[pick % list.length] ?? 0;
    const shown = wall(change, timeZone);
    const minutes = (((shown.hour * 60 + shown.minute + quarters * 15) % 1440) + 1440) % 1440;
    const weekday = shown.weekday;
    // Start far enough back, on the weekday and in phase with the day of the change.
    const startsOn = isoDate(Date.parse(`${shown.date}T00:00:00Z`) - 7 * everyWeeks * 10 * DAY_MS);
    const cadence = unwrap(
      createCadence({
        timeZone,
        weekday,
        hour: Math.floor(minutes / 60),
        minute: minutes % 60,
        everyWeeks,
        startsOn,
        now: new Date(change).toISOString(),
      }),
    );
    return [cadence, change - before * QUARTER_MS] as const;
  });

/** A cadence and an instant around its start: before it, in its first year, or anywhere in the years covered. */
const randomCaseArb = cadenceArb.chain((cadence) =>
  fc.tuple(fc.constant(cadence), fc.oneof(nearStart(cadence), fc.integer({ min: FROM, max: TO }))),
);

const caseArb = fc.oneof(randomCaseArb, transitionCaseArb);

/** A cadence and an instant from a month before its start to a year after, where brute force stays quick. */
const nearCaseArb = fc.oneof(
  cadenceArb.chain((cadence) => fc.tuple(fc.constant(cadence), nearStart(cadence))),
  transitionCaseArb,
);

function nearStart(cadence: CheckInCadence) {
  const start = Date.parse(`${cadence.startsOn}T00:00:00Z`);
  return fc.integer({ min: start - 30 * DAY_MS, max: start + 400 * DAY_MS });
}

describe('properties of the check-in cadence', () => {
  it('C-6, C-7: the next check-in is after `after`, on a check-in day at the local time or the gap-shifted time', () => {
    fc.assert(
      fc.property(caseArb, ([cadence, afterMs]) => {
        const next = Date.parse(unwrap(nextCheckInAt(cadence, new Date(afterMs).toISOString())));
        expect(next).toBeGreaterThan(afterMs);
        const shown = wall(next, cadence.timeZone);
        expect(isCheckInDay(cadence, shown.date)).toBe(true);
        expect(shown.weekday).toBe(cadence.weekday);
        const onTime = shown.hour === cadence.hour && shown.minute === cadence.minute;
        expect(onTime || isGapShift(cadence, next)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 20_000);

  it('C-8: an on-time check-in is the first occurrence of its local time', () => {
    fc.assert(
      fc.property(caseArb, ([cadence, afterMs]) => {
        const next = Date.parse(unwrap(nextCheckInAt(cadence, new Date(afterMs).toISOString())));
        expect(isFirstOccurrence(next, cadence.timeZone)).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 20_000);

  it('C-9: the next check-in is never inside a break', () => {
    fc.assert(
      fc.property(caseArb, ([cadence, afterMs]) => {
        const next = Date.parse(unwrap(nextCheckInAt(cadence, new Date(afterMs).toISOString())));
        expect(isInBreak(cadence, wall(next, cadence.timeZone).date)).toBe(false);
      }),
      { numRuns: 300 },
    );
  }, 20_000);

  it('C-6: no earlier check-in was skipped (brute force over every quarter hour in between)', () => {
    fc.assert(
      fc.property(nearCaseArb, ([cadence, afterMs]) => {
        const next = Date.parse(unwrap(nextCheckInAt(cadence, new Date(afterMs).toISOString())));
        // Every zone in the list is a whole number of quarter hours from UTC, as are the cadence's times.
        for (let t = Math.floor(afterMs / QUARTER_MS + 1) * QUARTER_MS; t < next; t += QUARTER_MS) {
          const shown = wall(t, cadence.timeZone);
          const skipped =
            shown.hour === cadence.hour &&
            shown.minute === cadence.minute &&
            isCheckInDay(cadence, shown.date) &&
            isFirstOccurrence(t, cadence.timeZone);
          if (skipped)
            expect.fail(`skipped ${new Date(t).toISOString()} before ${new Date(next).toISOString()}`);
        }
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('G-3: the next check-in depends only on its inputs', () => {
    fc.assert(
      fc.property(caseArb, ([cadence, afterMs]) => {
        const after = new Date(afterMs).toISOString();
        expect(nextCheckInAt(cadence, after)).toEqual(nextCheckInAt(structuredClone(cadence), after));
      }),
      { numRuns: 50 },
    );
  });

  it('C-1, C-4: the default startsOn is on the weekday and the first check-in after now', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: FROM, max: TO }),
        (timeZone, weekday, hour, nowMs) => {
          const now = new Date(nowMs).toISOString();
          const cadence = unwrap(createCadence({ weekday, hour, timeZone, now }));
          expect(new Date(`${cadence.startsOn}T00:00:00Z`).getUTCDay()).toBe(weekday);
          const first = Date.parse(unwrap(nextCheckInAt(cadence, now)));
          expect(wall(first, timeZone).date).toBe(cadence.startsOn);
          expect(first - nowMs).toBeLessThanOrEqual(8 * DAY_MS);
        },
      ),
      { numRuns: 200 },
    );
  }, 20_000);
});
