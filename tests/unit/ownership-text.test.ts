import { describe, expect, it } from 'vitest';
import {
  parseActionCommand,
  parseAssign,
  parseDueDate,
  parseRole,
} from '../../bot/teams/ownership/ownership-text';

const bob = { id: '29:bob', name: 'Bob Teacher', text: '<at>Bob Teacher</at>' };
// Monday 2026-11-23, 09:00 UTC.
const monday = Date.parse('2026-11-23T09:00:00Z');

describe('parseDueDate', () => {
  it.each([
    ['2026-12-04', '2026-12-04T23:59:00.000Z'],
    ['today', '2026-11-23T23:59:00.000Z'],
    ['tomorrow', '2026-11-24T23:59:00.000Z'],
    ['Friday', '2026-11-27T23:59:00.000Z'],
    ['fri', '2026-11-27T23:59:00.000Z'],
    ['Monday', '2026-11-30T23:59:00.000Z'],
    ['next Friday', '2026-12-04T23:59:00.000Z'],
    ['in 3 days', '2026-11-26T23:59:00.000Z'],
    ['in 2 weeks', '2026-12-07T23:59:00.000Z'],
  ])('reads %s as the end of that day', (typed, due) => {
    expect(parseDueDate(typed, monday, null)).toEqual({ ok: true, value: due });
  });

  it('reads the day in the member’s time zone', () => {
    // 03:00 UTC on Tuesday is still Monday evening in New York.
    expect(parseDueDate('today', Date.parse('2026-11-24T03:00:00Z'), 'America/New_York')).toEqual({
      ok: true,
      value: '2026-11-24T04:59:00.000Z',
    });
  });

  it('refuses dates it cannot read, saying which it can', () => {
    for (const typed of ['someday', '2026-02-31', '12/04/2026', 'next week'])
      expect(parseDueDate(typed, monday, null)).toMatchObject({
        ok: false,
        message: expect.stringContaining('YYYY-MM-DD') as unknown,
      });
  });
});

describe('command text', () => {
  it('reads assign @person as <role> by the mention entity', () => {
    expect(parseAssign('<at>Bob Teacher</at> as the Co owner', [bob])).toEqual({
      ok: true,
      value: { person: bob, role: 'co-owner' },
    });
    expect(parseAssign('<at>Bob Teacher</at> as lead', [])).toMatchObject({ ok: false });
    expect(parseAssign('Bob as lead', [bob])).toMatchObject({ ok: false });
    expect(parseRole('coowner')).toBe('co-owner');
    expect(parseRole('boss')).toBeNull();
  });

  it('reads action <text> for @person by <date>, the date optional', () => {
    expect(parseActionCommand('Plan for parents for <at>Bob Teacher</at> by Friday', [bob])).toEqual({
      ok: true,
      value: { title: 'Plan for parents', person: bob, due: 'Friday' },
    });
    expect(parseActionCommand('Plan for parents for <at>Bob Teacher</at>', [bob])).toMatchObject({
      ok: true,
      value: { due: null },
    });
    expect(parseActionCommand('Plan for parents', [bob])).toMatchObject({ ok: false });
  });
});
