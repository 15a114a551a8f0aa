import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  overdueActions,
  remindersDue,
  localDateAt,
  nextDailyRunAt,
  type Action,
  type ActionStatus,
  type ReminderSent,
} from '../../../bot/domain/ownership';
import { unwrap } from '../factories';
import { action } from './ownership-factories';

// Tuesday 4 March 2025, 09:00 in New York (UTC-5).
const NOW = '2025-03-04T14:00:00.000Z';
const ZONE = 'America/New_York';
const hoursFrom = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
const localDate = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    Date.parse(iso),
  );
const due = (id: string, hours: number, status: ActionStatus = 'on-track') =>
  action(id, `owner-${id}`, { due: hoursFrom(NOW, hours), status });

describe('reminders', () => {
  it('R-1: actions not done that are due within two days or overdue', () => {
    const actions = [
      due('soon', 47),
      due('edge', 48),
      due('later', 49),
      due('late', -30),
      due('finished', 5, 'done'),
    ];
    expect(unwrap(remindersDue(actions, [], NOW, ZONE))).toEqual([
      {
        actionId: 'soon',
        ownerId: 'owner-soon',
        due: hoursFrom(NOW, 47),
        kind: 'due-soon',
        localDate: '2025-03-04',
      },
      {
        actionId: 'edge',
        ownerId: 'owner-edge',
        due: hoursFrom(NOW, 48),
        kind: 'due-soon',
        localDate: '2025-03-04',
      },
      {
        actionId: 'late',
        ownerId: 'owner-late',
        due: hoursFrom(NOW, -30),
        kind: 'overdue',
        localDate: '2025-03-04',
      },
    ]);
    expect(remindersDue(actions, [], NOW, 'Nowhere/Special')).toMatchObject({ ok: false, field: 'timeZone' });
  });

  it("R-2: at most one per action per day in the team's calendar", () => {
    const actions = [due('a', 10)];
    // 05:00Z on 4 March is still 3 March in New York: yesterday's reminder does not count.
    expect(
      unwrap(remindersDue(actions, [{ actionId: 'a', sentAt: '2025-03-04T04:30:00.000Z' }], NOW, ZONE)),
    ).toHaveLength(1);
    // 05:30Z on 4 March is 00:30 on 4 March in New York: today's.
    expect(
      unwrap(remindersDue(actions, [{ actionId: 'a', sentAt: '2025-03-04T05:30:00.000Z' }], NOW, ZONE)),
    ).toEqual([]);
    // In UTC both instants are on 4 March.
    expect(
      unwrap(remindersDue(actions, [{ actionId: 'a', sentAt: '2025-03-04T04:30:00.000Z' }], NOW, 'UTC')),
    ).toEqual([]);
  });

  it('R-3: an overdue action not done is reminded again the next local day', () => {
    const actions = [due('late', -2)];
    const sent: ReminderSent[] = [{ actionId: 'late', sentAt: NOW }];
    expect(unwrap(remindersDue(actions, sent, hoursFrom(NOW, 9), ZONE))).toEqual([]);
    expect(unwrap(remindersDue(actions, sent, hoursFrom(NOW, 16), ZONE))).toMatchObject([
      { actionId: 'late', kind: 'overdue', localDate: '2025-03-05' },
    ]);
  });

  it('R-4: an action listed twice is reminded once', () => {
    expect(unwrap(remindersDue([due('a', 1), due('a', 1)], [], NOW, ZONE))).toHaveLength(1);
  });

  it('R-3: after logging its output, calling again the same local day returns nothing for those actions', () => {
    const statuses: ActionStatus[] = ['not-started', 'on-track', 'stuck', 'done'];
    const actionsArb = fc.array(
      fc.record({ hours: fc.integer({ min: -200, max: 200 }), status: fc.constantFrom(...statuses) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        actionsArb,
        fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') }),
        fc.constantFrom('Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'),
        fc.array(fc.record({ index: fc.nat(11), hoursAgo: fc.integer({ min: 0, max: 72 }) }), {
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 180 }),
        (specs, nowMs, timeZone, earlier, laterMinutes) => {
          const now = new Date(nowMs).toISOString();
          const actions: Action[] = specs.map((spec, i) =>
            action(`a${i}`, 'ann', { due: hoursFrom(now, spec.hours), status: spec.status }),
          );
          const log: ReminderSent[] = earlier.map((e) => ({
            actionId: `a${e.index}`,
            sentAt: hoursFrom(now, -e.hoursAgo),
          }));
          const first = unwrap(remindersDue(actions, log, now, timeZone));
          for (const reminder of first) {
            const found = actions.find((a) => a.id === reminder.actionId);
            expect(found?.status).not.toBe('done');
            expect(Date.parse(found?.due ?? '')).toBeLessThanOrEqual(nowMs + 48 * 3_600_000);
          }
          expect(new Set(first.map((r) => r.actionId)).size).toBe(first.length);
          const logged = [...log, ...first.map((r) => ({ actionId: r.actionId, sentAt: now }))];
          expect(unwrap(remindersDue(actions, logged, now, timeZone))).toEqual([]);
          // Later the same local day, none of them comes again.
          const later = hoursFrom(now, laterMinutes / 60);
          if (localDate(later, timeZone) === localDate(now, timeZone)) {
            const again = unwrap(remindersDue(actions, logged, later, timeZone));
            expect(again.filter((r) => first.some((f) => f.actionId === r.actionId))).toEqual([]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('daily reminder runs', () => {
  it("R-5: the next run is the first 08:00 on the team's clock after the instant", () => {
    // 09:00 in New York: today's 08:00 has passed, so tomorrow 08:00 (UTC-5).
    expect(unwrap(nextDailyRunAt(NOW, ZONE, 8))).toBe('2025-03-05T13:00:00.000Z');
    expect(unwrap(nextDailyRunAt('2025-03-04T12:59:00.000Z', ZONE, 8))).toBe('2025-03-04T13:00:00.000Z');
    // Exactly at the run time gives the next day's.
    expect(unwrap(nextDailyRunAt('2025-03-04T13:00:00.000Z', ZONE, 8))).toBe('2025-03-05T13:00:00.000Z');
  });

  it('R-5: across the spring-forward change the run stays at 08:00 local', () => {
    // Clocks go forward on Sunday 9 March 2025 in New York: 08:00 is then UTC-4.
    expect(unwrap(nextDailyRunAt('2025-03-08T14:00:00.000Z', ZONE, 8))).toBe('2025-03-09T12:00:00.000Z');
  });

  it('R-5: an hour lost to clocks going forward moves to the end of the gap', () => {
    expect(unwrap(nextDailyRunAt('2025-03-09T05:00:00.000Z', ZONE, 2))).toBe('2025-03-09T07:00:00.000Z');
  });

  it("R-5: the local date is the team's calendar day", () => {
    expect(unwrap(localDateAt('2025-03-05T03:00:00.000Z', ZONE))).toBe('2025-03-04');
    expect(unwrap(localDateAt('2025-03-05T03:00:00.000Z', 'UTC'))).toBe('2025-03-05');
    expect(localDateAt(NOW, 'Mars/Olympus').ok).toBe(false);
    expect(nextDailyRunAt(NOW, ZONE, 24).ok).toBe(false);
  });

  it('R-6: overdue means past its due instant and not done', () => {
    const actions = [
      due('late', -30),
      due('now', 0),
      due('soon', 5),
      due('finished', -5, 'done'),
      due('stuck', -1, 'stuck'),
    ];
    expect(unwrap(overdueActions(actions, NOW)).map((each) => each.id)).toEqual(['late', 'stuck']);
    expect(overdueActions(actions, 'yesterday')).toMatchObject({ ok: false, field: 'now' });
  });
});
