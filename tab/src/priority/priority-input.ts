import { MAX_ACTION_TITLE, MAX_RELEASE_TEXT } from './priority-schemas';

/** What a form checks before sending: the value to send, or the field at fault and what to do. */
export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today in the member's own calendar, as the date input writes it ('YYYY-MM-DD'). */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function isRealDay(day: string): boolean {
  const match = isoDay.exec(day);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, date));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date;
}

/**
 * A new action as the server will check it, so most mistakes are named before sending: a title, an owner,
 * and a due date that is a real day, today or later (none: the server's two weeks from now).
 */
export function checkNewAction(
  input: { title: string; ownerId: string; due: string },
  today: string,
): Checked<{ title: string; ownerId: string; due?: string }> {
  const title = input.title.trim();
  if (title === '') return { ok: false, field: 'title', message: 'Say what the next small step is.' };
  if (title.length > MAX_ACTION_TITLE)
    return { ok: false, field: 'title', message: `At most ${MAX_ACTION_TITLE} characters.` };
  if (input.ownerId === '') return { ok: false, field: 'ownerId', message: 'Choose who owns it.' };
  const due = input.due.trim();
  if (due === '') return { ok: true, value: { title, ownerId: input.ownerId } };
  if (!isRealDay(due))
    return { ok: false, field: 'due', message: 'Enter the due date as a day, e.g. 2027-01-15.' };
  // Both are 'YYYY-MM-DD', so comparing the text compares the days.
  if (due < today)
    return { ok: false, field: 'due', message: 'The due date is in the past: pick today or later.' };
  return { ok: true, value: { title, ownerId: input.ownerId, due } };
}

/** A release: what the team would stop doing, in a line. */
export function checkRelease(text: string): Checked<string> {
  const trimmed = text.trim();
  if (trimmed === '')
    return { ok: false, field: 'text', message: 'Say what the team would stop doing to make room.' };
  if (trimmed.length > MAX_RELEASE_TEXT)
    return { ok: false, field: 'text', message: `At most ${MAX_RELEASE_TEXT} characters.` };
  return { ok: true, value: trimmed };
}

/** The schedule form's time ('HH:MM'), as hour and minute. */
export function parseTime(text: string): { hour: number; minute: number } | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}
