import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dotTotals,
  dotsUsed,
  emptyAllocation,
  placeDots,
  setDotsPerMember,
  type DotAllocation,
} from '../../../bot/domain/boards';
import { unwrap } from '../factories';
import { FAY, board, closedSession, dots, item, refusal, session } from './board-factories';

const items = () => [item('a', { minute: 1 }), item('b', { minute: 2 }), item('c', { minute: 3 })];
const ids = (list = items()) => new Set(list.map((each) => each.id));
const find = (id: string) => items().find((each) => each.id === id)!;

describe('placing dots', () => {
  it('SW-12 a member sets how many of their dots sit on an item, stacking allowed', () => {
    const placed = unwrap(placeDots(session(), emptyAllocation('ann'), find('a'), 3, items()));
    expect(placed).toEqual({ memberId: 'ann', dots: { a: 3 } });
    expect(dotsUsed(placed, ids())).toBe(3);
  });

  it('SW-12 setting a count replaces the earlier one on that item', () => {
    const first = dots('ann', { a: 3, b: 1 }, items());
    expect(unwrap(placeDots(session(), first, find('a'), 1, items())).dots).toEqual({ a: 1, b: 1 });
  });

  it('SW-12 setting the same count twice changes nothing', () => {
    const once = unwrap(placeDots(session(), emptyAllocation('ann'), find('b'), 2, items()));
    const twice = unwrap(placeDots(session(), once, find('b'), 2, items()));
    expect(twice).toEqual(once);
  });

  it('SW-12 setting 0 takes every dot off the item', () => {
    const placed = dots('ann', { a: 2, b: 2 }, items());
    expect(unwrap(placeDots(session(), placed, find('a'), 0, items())).dots).toEqual({ b: 2 });
  });

  it('SW-12 a member cannot place more dots than the allowance', () => {
    const full = dots('ann', { a: 3, b: 2 }, items());
    expect(dotsUsed(full, ids())).toBe(5);
    const result = placeDots(session(), full, find('c'), 1, items());
    expect(result).toMatchObject(refusal('count'));
    expect(result.ok ? '' : result.message).toContain('0 dots left of 5');
    const partial = dots('ann', { a: 4 }, items());
    const over = placeDots(session(), partial, find('b'), 2, items());
    expect(over.ok ? '' : over.message).toContain('1 dot left of 5');
    // Raising an item that already holds dots: what is left counts those dots as spent.
    const stacked = dots('ann', { a: 1, b: 4 }, items());
    const raised = placeDots(session(), stacked, find('a'), 2, items());
    expect(raised.ok ? '' : raised.message).toContain('0 dots left of 5');
  });

  it('SW-12 a member may use up exactly the allowance, all on one item', () => {
    const open = unwrap(setDotsPerMember(session(), FAY, 7));
    expect(unwrap(placeDots(open, emptyAllocation('ann'), find('a'), 7, items())).dots).toEqual({ a: 7 });
  });

  it('SW-12 the count is a whole number from 0 to N', () => {
    for (const count of [-1, 6, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(placeDots(session(), emptyAllocation('ann'), find('a'), count, items())).toMatchObject(
        refusal('count'),
      );
    }
  });

  it('SW-12 dots go only on items of this board', () => {
    const stranger = item('zzz');
    expect(placeDots(session(), emptyAllocation('ann'), stranger, 1, items())).toMatchObject(refusal('item'));
  });

  it('SW-12 with the allowance lowered below what a member placed, they can still take dots off', () => {
    const placed = dots('ann', { a: 3, b: 2 }, items());
    const lowered = unwrap(setDotsPerMember(session(), FAY, 3));
    expect(unwrap(placeDots(lowered, placed, find('a'), 2, items())).dots).toEqual({ a: 2, b: 2 });
    expect(unwrap(placeDots(lowered, placed, find('b'), 0, items())).dots).toEqual({ a: 3 });
    const more = placeDots(lowered, placed, find('c'), 1, items());
    expect(more).toMatchObject(refusal('count'));
    expect(more.ok ? '' : more.message).toContain('0 dots left of 3');
    expect(placeDots(lowered, placed, find('b'), 3, items())).toMatchObject(refusal('count'));
  });

  it('SW-2 no dot is placed or taken off on a closed board', () => {
    const placed = dots('ann', { a: 1 }, items());
    expect(placeDots(closedSession(), placed, find('b'), 1, items())).toMatchObject(refusal('session'));
    expect(placeDots(closedSession(), placed, find('a'), 0, items())).toMatchObject(refusal('session'));
  });
});

describe('dots on deleted items', () => {
  it('SW-13 dots on a deleted item return to the member', () => {
    const placed = dots('ann', { a: 3, b: 2 }, items());
    const remaining = items().filter((each) => each.id !== 'a');
    expect(dotsUsed(placed, ids(remaining))).toBe(2);
    const after = unwrap(placeDots(session(), placed, find('c'), 3, remaining));
    expect(after.dots).toEqual({ b: 2, c: 3 });
  });

  it('SW-13 dots on a deleted item count for nothing in the totals', () => {
    const placed = [dots('ann', { a: 3, b: 2 }, items()), dots('bob', { a: 1, c: 1 }, items())];
    const remaining = items().filter((each) => each.id !== 'a');
    expect(dotTotals(board({ items: remaining, allocations: placed }))).toEqual({ b: 2, c: 1 });
  });
});

/** One click: an item index and a count (sometimes above any allowance, sometimes fractional). */
const clickArb = fc.record({
  index: fc.nat({ max: 3 }),
  count: fc.oneof(fc.integer({ min: -2, max: 22 }), fc.constantFrom(0.5, 2.5)),
});

describe('properties of dots', () => {
  it('SW-12 for any sequence of placeDots calls the member total never exceeds dotsPerMember', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(clickArb, { maxLength: 40 }),
        (allowance, clicks) => {
          const open = unwrap(setDotsPerMember(session(), FAY, allowance));
          const list = [...items(), item('d', { minute: 4 })];
          let allocation: DotAllocation = emptyAllocation('ann');
          for (const { index, count } of clicks) {
            const target = list[index]!;
            const result = placeDots(open, allocation, target, count, list);
            if (result.ok) {
              expect(result.value.dots[target.id] ?? 0).toBe(count);
              expect(result.value.memberId).toBe('ann');
              allocation = result.value;
            } else {
              expect(result.field).toBe('count');
              expect(result.message.startsWith('count: ')).toBe(true);
            }
            expect(dotsUsed(allocation, ids(list))).toBeLessThanOrEqual(allowance);
            for (const placed of Object.values(allocation.dots)) expect(placed).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('SW-12 a refusal happens only when the count is out of range or would exceed the allowance', () => {
    fc.assert(
      fc.property(fc.array(clickArb, { maxLength: 30 }), (clicks) => {
        const list = items();
        let allocation: DotAllocation = emptyAllocation('ann');
        for (const { index, count } of clicks) {
          const target = list[index % list.length]!;
          const others = dotsUsed(allocation, ids(list)) - (allocation.dots[target.id] ?? 0);
          const allowed = Number.isInteger(count) && count >= 0 && others + count <= 5;
          const result = placeDots(session(), allocation, target, count, list);
          expect(result.ok).toBe(allowed);
          if (result.ok) allocation = result.value;
        }
      }),
    );
  });

  it('SW-12 placing a count is idempotent', () => {
    fc.assert(
      fc.property(fc.array(clickArb, { maxLength: 20 }), clickArb, (clicks, last) => {
        const list = items();
        const start = clicks.reduce<DotAllocation>((allocation, { index, count }) => {
          const result = placeDots(session(), allocation, list[index % 3]!, count, list);
          return result.ok ? result.value : allocation;
        }, emptyAllocation('ann'));
        const once = placeDots(session(), start, list[last.index % 3]!, last.count, list);
        if (!once.ok) return;
        expect(placeDots(session(), once.value, list[last.index % 3]!, last.count, list)).toEqual(once);
      }),
    );
  });

  it('SW-13 for any set of deleted items the freed dots can be placed again', () => {
    fc.assert(
      fc.property(
        fc.record({ a: fc.nat({ max: 5 }), b: fc.nat({ max: 5 }), c: fc.nat({ max: 5 }) }),
        fc.subarray(['a', 'b', 'c']),
        (counts, deleted) => {
          fc.pre(counts.a + counts.b + counts.c <= 5);
          const placed = dots('ann', counts, items());
          const remaining = [
            ...items().filter((each) => !deleted.includes(each.id)),
            item('new', { minute: 9 }),
          ];
          const free = 5 - dotsUsed(placed, ids(remaining));
          const kept = deleted.reduce((sum, id) => sum + counts[id as 'a' | 'b' | 'c'], 0);
          expect(free).toBe(5 - (counts.a + counts.b + counts.c) + kept);
          const target = remaining.at(-1)!;
          expect(placeDots(session(), placed, target, free, remaining).ok).toBe(true);
          if (free < 5) expect(placeDots(session(), placed, target, free + 1, remaining).ok).toBe(false);
        },
      ),
    );
  });
});
