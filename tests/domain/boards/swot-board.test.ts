import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  QUADRANTS,
  dotTotals,
  layoutBoard,
  sortByCreation,
  sortByDots,
  type DotAllocation,
  type SwotItem,
} from '../../../bot/domain/boards';
import { board, dots, group, item } from './board-factories';

describe('dot totals', () => {
  it('SW-12 totals add every member’s dots per item; items without dots have 0', () => {
    const list = [item('a'), item('b'), item('c')];
    const allocations = [
      dots('ann', { a: 2, b: 1 }, list),
      dots('bob', { a: 3 }, list),
      dots('cy', {}, list),
    ];
    expect(dotTotals(board({ items: list, allocations }))).toEqual({ a: 5, b: 1, c: 0 });
  });

  it('SW-13 stored dots on an item that no longer exists are ignored', () => {
    const allocations: DotAllocation[] = [{ memberId: 'ann', dots: { gone: 4, a: 1 } }];
    expect(dotTotals(board({ items: [item('a')], allocations }))).toEqual({ a: 1 });
  });

  it('SW-13 stored dots keyed like Object.prototype members are not counted as items', () => {
    const allocations: DotAllocation[] = [{ memberId: 'ann', dots: { toString: 2, constructor: 1, a: 1 } }];
    expect(dotTotals(board({ items: [item('a')], allocations }))).toEqual({ a: 1 });
  });
});

describe('sorting by dots', () => {
  it('SW-14 items sort by total dots, most first', () => {
    const list = [item('a', { minute: 1 }), item('b', { minute: 2 }), item('c', { minute: 3 })];
    expect(sortByDots(list, { a: 1, b: 4, c: 2 }).map((each) => each.id)).toEqual(['b', 'c', 'a']);
  });

  it('SW-14 ties keep the order the items were added in, whatever order they are given in', () => {
    const list = [item('late', { minute: 9 }), item('early', { minute: 1 }), item('mid', { minute: 5 })];
    expect(sortByDots(list, {}).map((each) => each.id)).toEqual(['early', 'mid', 'late']);
    expect(sortByDots(list, { late: 1, early: 1, mid: 1 }).map((each) => each.id)).toEqual([
      'early',
      'mid',
      'late',
    ]);
    expect(sortByCreation(list).map((each) => each.id)).toEqual(['early', 'mid', 'late']);
  });

  it('SW-14 items added in the same instant fall back to their ids', () => {
    const list = [item('y', { minute: 1 }), item('x', { minute: 1 })];
    expect(sortByCreation(list).map((each) => each.id)).toEqual(['x', 'y']);
  });

  it('SW-14 groups sort by the dots of their items, then by when they were made', () => {
    const groups = [
      group('g1', 'strengths', 'One', { minute: 1 }),
      group('g2', 'strengths', 'Two', { minute: 2 }),
      group('g3', 'strengths', 'Three', { minute: 3 }),
    ];
    const list = [
      item('a', { groupId: 'g1' }, groups),
      item('b', { groupId: 'g2' }, groups),
      item('c', { groupId: 'g2' }, groups),
      item('d', { groupId: 'g3' }, groups),
    ];
    const allocations = [dots('ann', { a: 3, b: 1, c: 1 }, list), dots('bob', { b: 1, d: 3 }, list)];
    const [strengths] = layoutBoard(board({ items: list, groups, allocations }));
    expect(strengths!.groups.map(({ group: each, dots: count }) => [each.id, count])).toEqual([
      ['g1', 3],
      ['g2', 3],
      ['g3', 3],
    ]);
    const more = [...allocations, dots('cy', { c: 1 }, list)];
    const [again] = layoutBoard(board({ items: list, groups, allocations: more }));
    expect(again!.groups.map(({ group: each }) => each.id)).toEqual(['g2', 'g1', 'g3']);
    expect(again!.groups[0]!.items.map((each) => each.id)).toEqual(['b', 'c']);
  });
});

describe('laying out the board', () => {
  it('SW-9 the layout has the four quadrants in order; stray and orphaned items are ungrouped', () => {
    const groups = [group('g-s', 'strengths', 'Culture'), group('g-t', 'threats', 'Money')];
    const list = [
      item('in', { groupId: 'g-s' }, groups),
      item('orphan', { groupId: 'deleted' }, [group('deleted')]),
      { ...item('stray', { groupId: 'g-s' }, groups), quadrant: 'weaknesses' as const },
      item('loose', { quadrant: 'threats' }),
    ];
    const layout = layoutBoard(board({ items: list, groups }));
    expect(layout.map((each) => each.quadrant)).toEqual([...QUADRANTS]);
    const [strengths, weaknesses, opportunities, threats] = layout;
    expect(strengths!.groups.map(({ group: each, items }) => [each.id, items.map((x) => x.id)])).toEqual([
      ['g-s', ['in']],
    ]);
    expect(strengths!.ungrouped.map((x) => x.id)).toEqual(['orphan']);
    expect(weaknesses).toEqual({ quadrant: 'weaknesses', groups: [], ungrouped: [list[2]] });
    expect(opportunities).toEqual({ quadrant: 'opportunities', groups: [], ungrouped: [] });
    expect(threats!.groups).toEqual([{ group: groups[1], items: [], dots: 0 }]);
    expect(threats!.ungrouped.map((x) => x.id)).toEqual(['loose']);
  });
});

/** A board of up to 12 items over the quadrants and 4 groups, with random dots from 3 members. */
const boardArb = fc
  .record({
    placements: fc.array(
      fc.record({
        quadrant: fc.constantFrom(...QUADRANTS),
        group: fc.option(fc.nat({ max: 4 })),
        minute: fc.nat(5),
      }),
      { maxLength: 12 },
    ),
    groupQuadrants: fc.array(fc.constantFrom(...QUADRANTS), { minLength: 4, maxLength: 4 }),
    allocations: fc.array(
      fc.dictionary(fc.constantFrom('i0', 'i1', 'i2', 'i3', 'gone', 'i11'), fc.integer({ min: 1, max: 5 })),
      {
        maxLength: 3,
      },
    ),
  })
  .map(({ placements, groupQuadrants, allocations }) => {
    const groups = groupQuadrants.map((quadrant, index) =>
      group(`g${index}`, quadrant, `G${index}`, { minute: index }),
    );
    const items: SwotItem[] = placements.map(({ quadrant, group: index, minute }, n) => ({
      ...item(`i${n}`, { quadrant, minute }),
      groupId: index === null ? null : `g${index}`,
    }));
    return board({
      items,
      groups,
      allocations: allocations.map((counts, index) => ({ memberId: `m${index}`, dots: counts })),
    });
  });

describe('properties of the board', () => {
  it('SW-12 dotTotals equals the sum over allocations of the dots on existing items', () => {
    fc.assert(
      fc.property(boardArb, (swot) => {
        const totals = dotTotals(swot);
        expect(Object.keys(totals).sort()).toEqual(swot.items.map((each) => each.id).sort());
        for (const each of swot.items) {
          const sum = swot.allocations.reduce(
            (total, allocation) => total + (allocation.dots[each.id] ?? 0),
            0,
          );
          expect(totals[each.id]).toBe(sum);
        }
      }),
    );
  });

  it('SW-14 sortByDots is a permutation, non-increasing in dots, ties in creation order', () => {
    fc.assert(
      fc.property(boardArb, (swot) => {
        const totals = dotTotals(swot);
        const sorted = sortByDots(swot.items, totals);
        expect([...sorted].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          [...swot.items].sort((a, b) => a.id.localeCompare(b.id)),
        );
        for (let i = 1; i < sorted.length; i += 1) {
          const [before, after] = [sorted[i - 1]!, sorted[i]!];
          expect(totals[before.id]!).toBeGreaterThanOrEqual(totals[after.id]!);
          if (totals[before.id] === totals[after.id])
            expect(`${before.createdAt}|${before.id}` < `${after.createdAt}|${after.id}`).toBe(true);
        }
      }),
    );
  });

  it('SW-9 every item appears exactly once in the layout, in its own quadrant', () => {
    fc.assert(
      fc.property(boardArb, (swot) => {
        const seen = layoutBoard(swot).flatMap(({ quadrant, groups, ungrouped }) =>
          [...groups.flatMap((each) => each.items), ...ungrouped].map((each) => {
            expect(each.quadrant).toBe(quadrant);
            return each.id;
          }),
        );
        expect(seen.sort()).toEqual(swot.items.map((each) => each.id).sort());
      }),
    );
  });

  it('SW-14 each group’s dots are the sum of its items’ dots and groups are non-increasing in dots', () => {
    fc.assert(
      fc.property(boardArb, (swot) => {
        const totals = dotTotals(swot);
        for (const { groups } of layoutBoard(swot)) {
          for (const each of groups)
            expect(each.dots).toBe(each.items.reduce((s, x) => s + totals[x.id]!, 0));
          for (let i = 1; i < groups.length; i += 1)
            expect(groups[i - 1]!.dots).toBeGreaterThanOrEqual(groups[i]!.dots);
        }
      }),
    );
  });
});
