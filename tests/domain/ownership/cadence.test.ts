import { describe, expect, it } from 'vitest';
import { createCadence, isInBreak, nextCheckInAt, type CadenceInput } from '../../../bot/domain/ownership';
import { unwrap } from '../factories';

const NOW = '2025-01-01T12:00:00.000Z';
const cadence = (input: Partial<CadenceInput>) =>
  unwrap(createCadence({ weekday: 1, hour: 9, timeZone: 'Europe/London', now: NOW, ...input }));
const next = (input: Partial<CadenceInput>, after: string) => unwrap(nextCheckInAt(cadence(input), after));

describe('check-in cadence', () => {
  it('C-1: minute 0, weekly, no breaks and the first check-in after now by default', () => {
    // 2025-01-01 is a Wednesday: the first Monday after it is the 6th.
    expect(cadence({})).toEqual({
      weekday: 1,
      hour: 9,
      minute: 0,
      timeZone: 'Europe/London',
      everyWeeks: 1,
      startsOn: '2025-01-06',
      breaks: [],
    });
    // A Wednesday check-in at 13:00 London is still ahead at 12:00Z the same day; one at 11:00 is not.
    expect(cadence({ weekday: 3, hour: 13 }).startsOn).toBe('2025-01-01');
    expect(cadence({ weekday: 3, hour: 11 }).startsOn).toBe('2025-01-08');
  });

  it('C-2: weekday, hour, minute and everyWeeks are whole numbers in range', () => {
    const base = { weekday: 1, hour: 9, timeZone: 'UTC', now: NOW };
    for (const [field, value] of [
      ['weekday', 7],
      ['weekday', -1],
      ['weekday', 1.5],
      ['hour', 24],
      ['minute', 60],
      ['everyWeeks', 0],
      ['everyWeeks', 5],
    ] as const) {
      expect(createCadence({ ...base, [field]: value })).toMatchObject({ ok: false, field });
    }
    expect(createCadence({ ...base, weekday: 0, hour: 23, minute: 59, everyWeeks: 4 }).ok).toBe(true);
  });

  it('C-3: an unknown time zone is refused', () => {
    for (const timeZone of ['Mars/Olympus_Mons', '', '+02:00', 'Europe/London; DROP']) {
      expect(createCadence({ weekday: 1, hour: 9, timeZone, now: NOW })).toMatchObject({
        ok: false,
        field: 'timeZone',
        message: expect.stringMatching(/^timeZone: /) as unknown,
      });
    }
    expect(createCadence({ weekday: 1, hour: 9, timeZone: 'Asia/Kolkata', now: NOW }).ok).toBe(true);
  });

  it('C-4: startsOn must be on the weekday; none before it, and every N weeks counts from it', () => {
    expect(
      createCadence({ weekday: 1, hour: 9, timeZone: 'UTC', startsOn: '2025-01-07', now: NOW }),
    ).toMatchObject({
      ok: false,
      field: 'startsOn',
      message: 'startsOn: expected a Monday, as check-ins are on that day',
    });
    expect(
      createCadence({ weekday: 1, hour: 9, timeZone: 'UTC', startsOn: '2025-02-30', now: NOW }),
    ).toMatchObject({
      ok: false,
      field: 'startsOn',
    });
    const fortnightly = { timeZone: 'UTC', everyWeeks: 2, startsOn: '2025-01-13' };
    expect(next(fortnightly, '2024-06-01T00:00:00Z')).toBe('2025-01-13T09:00:00.000Z');
    expect(next(fortnightly, '2025-01-13T09:00:00Z')).toBe('2025-01-27T09:00:00.000Z');
    expect(next(fortnightly, '2025-01-20T00:00:00Z')).toBe('2025-01-27T09:00:00.000Z');
  });

  it('C-5: a break ending before it starts is refused; overlapping breaks are allowed', () => {
    const breaks = (list: CadenceInput['breaks']) =>
      createCadence({ weekday: 1, hour: 9, timeZone: 'UTC', now: NOW, breaks: list });
    expect(breaks([{ from: '2025-04-18', to: '2025-04-07', name: 'Easter' }])).toMatchObject({
      ok: false,
      field: 'breaks.0.to',
    });
    expect(breaks([{ from: '2025-4-7', to: '2025-04-18', name: 'Easter' }])).toMatchObject({
      ok: false,
      field: 'breaks.0.from',
    });
    expect(breaks([{ from: '2025-04-07', to: '2025-04-18', name: ' ' }])).toMatchObject({
      ok: false,
      field: 'breaks.0.name',
    });
    const overlapping = unwrap(
      breaks([
        { from: '2025-04-07', to: '2025-04-18', name: 'Easter' },
        { from: '2025-04-14', to: '2025-04-28', name: 'Exams' },
      ]),
    );
    expect(isInBreak(overlapping, '2025-04-07')).toBe(true);
    expect(isInBreak(overlapping, '2025-04-28')).toBe(true);
    expect(isInBreak(overlapping, '2025-04-29')).toBe(false);
    expect(unwrap(nextCheckInAt(overlapping, '2025-04-01T00:00:00Z'))).toBe('2025-05-05T09:00:00.000Z');
  });

  it('C-6: the next check-in is strictly after `after`, at the local time in the team zone', () => {
    // London is on summer time (UTC+1) from 30 March 2025.
    expect(next({}, '2025-04-01T00:00:00Z')).toBe('2025-04-07T08:00:00.000Z');
    expect(next({}, '2025-04-07T08:00:00Z')).toBe('2025-04-14T08:00:00.000Z');
    expect(next({}, '2025-04-07T07:59:59.999Z')).toBe('2025-04-07T08:00:00.000Z');
    expect(next({ timeZone: 'Asia/Kolkata', minute: 30 }, '2025-04-01T00:00:00Z')).toBe(
      '2025-04-07T04:00:00.000Z',
    );
    expect(nextCheckInAt(cadence({}), 'soon')).toMatchObject({ ok: false, field: 'after' });
  });

  it('C-7: a local time lost when clocks go forward moves to the end of the gap', () => {
    // New York, 9 March 2025: 02:00 EST jumps to 03:00 EDT, so 02:30 becomes 03:00 EDT (07:00Z).
    expect(
      next({ weekday: 0, hour: 2, minute: 30, timeZone: 'America/New_York' }, '2025-03-05T00:00:00Z'),
    ).toBe('2025-03-09T07:00:00.000Z');
    // Lord Howe, 5 October 2025: 02:00 jumps half an hour to 02:30 (+11).
    expect(
      next({ weekday: 0, hour: 2, minute: 15, timeZone: 'Australia/Lord_Howe' }, '2025-10-01T00:00:00Z'),
    ).toBe('2025-10-04T15:30:00.000Z');
    // São Paulo, 4 November 2018: midnight did not exist, the day started at 01:00 (-02).
    expect(
      next(
        { weekday: 0, hour: 0, timeZone: 'America/Sao_Paulo', startsOn: '2018-01-07' },
        '2018-10-30T00:00:00Z',
      ),
    ).toBe('2018-11-04T03:00:00.000Z');
  });

  it('C-8: a local time repeated when clocks go back is its first occurrence', () => {
    const early = { weekday: 0, hour: 1, minute: 30, timeZone: 'America/New_York' };
    // 2 November 2025: 01:30 EDT (05:30Z), then 01:30 EST (06:30Z).
    expect(next(early, '2025-10-28T00:00:00Z')).toBe('2025-11-02T05:30:00.000Z');
    expect(next(early, '2025-11-02T06:00:00Z')).toBe('2025-11-09T06:30:00.000Z');
  });

  it('C-9: days inside a break are skipped, both ends included', () => {
    const easter = { breaks: [{ from: '2025-04-07', to: '2025-04-14', name: 'Easter' }] };
    expect(next(easter, '2025-04-01T00:00:00Z')).toBe('2025-04-21T08:00:00.000Z');
    const endsSunday = { breaks: [{ from: '2025-04-07', to: '2025-04-13', name: 'Easter' }] };
    expect(next(endsSunday, '2025-04-01T00:00:00Z')).toBe('2025-04-14T08:00:00.000Z');
    // The break is in the team's calendar: 9:00 in Auckland on Monday 7 April is Sunday 21:00Z.
    expect(
      next(
        {
          timeZone: 'Pacific/Auckland',
          breaks: [{ from: '2025-04-07', to: '2025-04-07', name: 'Staff day' }],
        },
        '2025-04-01T00:00:00Z',
      ),
    ).toBe('2025-04-13T21:00:00.000Z');
  });
});
