import { parseInstant } from '../voting/time';
import { fail, ok, type Result } from '../voting/result';
import type { Action } from './actions';
import { formatDate, HOUR_MS, isTimeZone, localDay, zonedInstant } from './zoned-time';

/** A reminder that was sent, as the adapter logs it. */
export type ReminderSent = { readonly actionId: string; readonly sentAt: string };

/** A reminder to send now to an action's owner. */
export type Reminder = {
  readonly actionId: string;
  readonly ownerId: string;
  readonly due: string;
  readonly kind: 'due-soon' | 'overdue';
  /** The team's local calendar day it is sent on ('YYYY-MM-DD'): one reminder per action per such day. */
  readonly localDate: string;
};

/** How far ahead a due date triggers a reminder. */
export const REMINDER_WINDOW_HOURS = 48;

/**
 * The reminders to send now: every action not done that is due within the next two days or overdue,
 * unless it already had a reminder on the same local calendar day in the team's zone (R-1..R-4).
 */
export function remindersDue(
  actions: readonly Action[],
  sentLog: readonly ReminderSent[],
  now: string,
  timeZone: string,
): Result<Reminder[]> {
  const nowMs = parseInstant(now);
  if (nowMs === null) return fail('now', 'expected an ISO date-time');
  if (!isTimeZone(timeZone)) return fail('timeZone', `"${String(timeZone)}" is not a time zone name`);
  const today = localDay(nowMs, timeZone);
  const remindedToday = new Set(
    sentLog
      .filter((sent) => {
        const sentMs = parseInstant(sent.sentAt);
        return sentMs !== null && localDay(sentMs, timeZone) === today;
      })
      .map((sent) => sent.actionId),
  );
  const reminders: Reminder[] = [];
  for (const action of actions) {
    const dueMs = parseInstant(action.due);
    if (action.status === 'done' || dueMs === null) continue;
    if (dueMs > nowMs + REMINDER_WINDOW_HOURS * HOUR_MS) continue;
    if (remindedToday.has(action.id)) continue;
    // one per action, even if the list repeats it.
    remindedToday.add(action.id);
    reminders.push({
      actionId: action.id,
      ownerId: action.ownerId,
      due: action.due,
      kind: dueMs < nowMs ? 'overdue' : 'due-soon',
      localDate: formatDate(today),
    });
  }
  return ok(reminders);
}

/** The actions past their due date and not done at `now`, in the order given. */
export function overdueActions(actions: readonly Action[], now: string): Result<Action[]> {
  const nowMs = parseInstant(now);
  if (nowMs === null) return fail('now', 'expected an ISO date-time');
  return ok(
    actions.filter((action) => {
      const dueMs = parseInstant(action.due);
      return action.status !== 'done' && dueMs !== null && dueMs < nowMs;
    }),
  );
}

/** The team's local calendar date at an instant, 'YYYY-MM-DD'. */
export function localDateAt(now: string, timeZone: string): Result<string> {
  const nowMs = parseInstant(now);
  if (nowMs === null) return fail('now', 'expected an ISO date-time');
  if (!isTimeZone(timeZone)) return fail('timeZone', `"${String(timeZone)}" is not a time zone name`);
  return ok(formatDate(localDay(nowMs, timeZone)));
}

/**
 * When the daily reminders run next: the first `hour`:00 on the team's local clock strictly after `after`,
 * as an ISO UTC instant; an hour skipped by clocks going forward moves to the end of the gap.
 */
export function nextDailyRunAt(after: string, timeZone: string, hour: number): Result<string> {
  const afterMs = parseInstant(after);
  if (afterMs === null) return fail('after', 'expected an ISO date-time');
  if (!isTimeZone(timeZone)) return fail('timeZone', `"${String(timeZone)}" is not a time zone name`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    return fail('hour', 'expected a whole number 0 to 23');
  const today = localDay(afterMs, timeZone);
  for (let day = today - 1; day <= today + 2; day += 1) {
    const ms = zonedInstant(day, hour, 0, timeZone);
    if (ms > afterMs) return ok(new Date(ms).toISOString());
  }
  return fail('after', 'no run time could be found');
}
