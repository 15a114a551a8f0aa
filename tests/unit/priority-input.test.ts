import { describe, expect, it } from 'vitest';
import { checkNewAction, checkRelease, localDay, parseTime } from '../../tab/src/priority/priority-input';

const today = '2026-12-04';
const action = (change: Partial<{ title: string; ownerId: string; due: string }>) =>
  checkNewAction({ title: 'Call every family', ownerId: '29:bob', due: '', ...change }, today);

describe("the tab's checks before it sends an action or a release", () => {
  it('takes an action without a date (the server gives two weeks) and trims its title', () => {
    expect(action({ title: '  Call every family  ' })).toEqual({
      ok: true,
      value: { title: 'Call every family', ownerId: '29:bob' },
    });
  });

  it('takes a due date of today or later', () => {
    expect(action({ due: today })).toMatchObject({ ok: true, value: { due: today } });
    expect(action({ due: '2027-02-28' })).toMatchObject({ ok: true, value: { due: '2027-02-28' } });
  });

  it.each([
    [{ title: '   ' }, 'title', 'Say what the next small step is.'],
    [{ title: 'x'.repeat(201) }, 'title', 'At most 200 characters.'],
    [{ ownerId: '' }, 'ownerId', 'Choose who owns it.'],
    [{ due: '2026-12-03' }, 'due', 'The due date is in the past: pick today or later.'],
    [{ due: '2027-02-30' }, 'due', 'Enter the due date as a day, e.g. 2027-01-15.'],
    [{ due: 'next Friday' }, 'due', 'Enter the due date as a day, e.g. 2027-01-15.'],
  ])('refuses %j, naming %s', (change, field, message) => {
    expect(action(change)).toEqual({ ok: false, field, message });
  });

  it('takes a release of up to 300 characters and refuses an empty or longer one', () => {
    expect(checkRelease('  Weekly paper newsletter ')).toEqual({
      ok: true,
      value: 'Weekly paper newsletter',
    });
    expect(checkRelease(' ')).toMatchObject({ ok: false, field: 'text' });
    expect(checkRelease('x'.repeat(301))).toEqual({
      ok: false,
      field: 'text',
      message: 'At most 300 characters.',
    });
    expect(checkRelease('x'.repeat(300))).toMatchObject({ ok: true });
  });

  it('reads a check-in time as hour and minute, and nothing else', () => {
    expect(parseTime('15:30')).toEqual({ hour: 15, minute: 30 });
    expect(parseTime('00:00')).toEqual({ hour: 0, minute: 0 });
    for (const bad of ['24:00', '12:60', '3:30', '15.30', '']) expect(parseTime(bad)).toBeNull();
  });

  it("writes the member's own calendar day as the date input does", () => {
    expect(localDay(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
  });
});
