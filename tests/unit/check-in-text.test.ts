import { describe, expect, it } from 'vitest';
import {
  describeSchedule,
  localDateTime,
  parseCheckIns,
  parseSchoolBreak,
} from '../../bot/teams/check-ins/check-in-text';

/** The message of a refusal ('' when it was not refused, which the test then reports). */
const refusal = (parsed: { ok: true } | { ok: false; message: string }): string =>
  parsed.ok ? '' : parsed.message;

describe('check-ins command text', () => {
  it('reads a weekday and a 24-hour time, weekly by default, the zone left to Teams', () => {
    expect(parseCheckIns('Tuesday 15:30')).toEqual({
      ok: true,
      value: { kind: 'set', weekday: 2, hour: 15, minute: 30, everyWeeks: 1, timeZone: null },
    });
  });

  it('reads short and plural weekdays, am/pm, "every N weeks" and a time zone', () => {
    expect(parseCheckIns('on Thursdays at 3pm every 2 weeks timezone Europe/London')).toEqual({
      ok: true,
      value: { kind: 'set', weekday: 4, hour: 15, minute: 0, everyWeeks: 2, timeZone: 'Europe/London' },
    });
    expect(parseCheckIns('mon 12:15am every other week')).toMatchObject({
      ok: true,
      value: { weekday: 1, hour: 0, minute: 15, everyWeeks: 2 },
    });
  });

  it('shows with no argument and stops with off', () => {
    expect(parseCheckIns('')).toEqual({ ok: true, value: { kind: 'show' } });
    expect(parseCheckIns(' OFF ')).toEqual({ ok: true, value: { kind: 'off' } });
  });

  it('refuses an unknown day, an impossible time, too many weeks and an unknown zone, naming the part', () => {
    expect(refusal(parseCheckIns('Funday 15:30'))).toContain('weekday');
    expect(refusal(parseCheckIns('Tuesday 25:00'))).toContain('time');
    expect(refusal(parseCheckIns('Tuesday 13pm'))).toContain('time');
    expect(refusal(parseCheckIns('Tuesday 15:30 every 5 weeks'))).toContain('every');
    expect(refusal(parseCheckIns('Tuesday 15:30 timezone Mars/Olympus'))).toContain('timezone');
    expect(parseCheckIns('sometimes').ok).toBe(false);
  });
});

describe('school break command text', () => {
  it('reads two dates and a name, "School break" when none is given', () => {
    expect(parseSchoolBreak('break 2026-12-21 to 2027-01-01 Winter  break')).toEqual({
      ok: true,
      value: { from: '2026-12-21', to: '2027-01-01', name: 'Winter break' },
    });
    expect(parseSchoolBreak('break 2026-12-21 to 2026-12-22')).toMatchObject({
      ok: true,
      value: { name: 'School break' },
    });
  });

  it('refuses anything else with the usage', () => {
    expect(refusal(parseSchoolBreak('break next week'))).toContain('school break 2026-12-21 to 2027-01-01');
    expect(parseSchoolBreak(`break 2026-12-21 to 2027-01-01 ${'x'.repeat(101)}`).ok).toBe(false);
  });
});

describe('schedule words', () => {
  it("describes a schedule and an instant on the team's clock", () => {
    expect(
      describeSchedule({ weekday: 2, hour: 9, minute: 5, everyWeeks: 3, timeZone: 'America/Chicago' }),
    ).toBe('Tuesdays at 09:05, every 3 weeks (America/Chicago)');
    expect(localDateTime('2026-11-03T20:30:00.000Z', 'America/New_York')).toBe(
      'Tuesday, 3 November 2026 at 15:30',
    );
  });
});
