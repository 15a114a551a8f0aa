import { QUADRANTS, type DotAllocation, type SwotGroup, type SwotItem, type SwotSession } from './swot-types';

/** Everything stored for one board: its session, items, groups and every member's dots. */
export type SwotBoard = {
  readonly session: SwotSession;
  readonly items: readonly SwotItem[];
  readonly groups: readonly SwotGroup[];
  readonly allocations: readonly DotAllocation[];
};

/** Dots on each item, over every member; items without dots have 0 (SW-12, SW-13). */
export function dotTotals(board: SwotBoard): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const item of board.items) totals[item.id] = 0;
  for (const allocation of board.allocations)
    for (const [itemId, count] of Object.entries(allocation.dots))
      if (Object.hasOwn(totals, itemId)) totals[itemId] = (totals[itemId] ?? 0) + count;
  return totals;
}

/** The group an item shows under: none when its group is gone or sits in another quadrant (SW-9). */
export function effectiveGroupId(item: SwotItem, groups: readonly SwotGroup[]): string | null {
  if (item.groupId === null) return null;
  const group = groups.find((candidate) => candidate.id === item.groupId);
  return group && group.quadrant === item.quadrant ? group.id : null;
}

/** Items most dotted first; ties keep the order they were added in (SW-14). */
export function sortByDots(items: readonly SwotItem[], totals: Readonly<Record<string, number>>): SwotItem[] {
  return [...items].sort((a, b) => (totals[b.id] ?? 0) - (totals[a.id] ?? 0) || byCreation(a, b));
}

/** Items in the order they were added (ids break ties between items added in the same instant). */
export function sortByCreation(items: readonly SwotItem[]): SwotItem[] {
  return [...items].sort(byCreation);
}

function byCreation(a: SwotItem, b: SwotItem): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** A quadrant as shown: its groups with their items, then the ungrouped items, each most dotted first. */
export type QuadrantLayout = {
  readonly quadrant: (typeof QUADRANTS)[number];
  readonly groups: readonly {
    readonly group: SwotGroup;
    readonly items: readonly SwotItem[];
    readonly dots: number;
  }[];
  readonly ungrouped: readonly SwotItem[];
};

/** Lays the board out by quadrant and group, sorted by dots (SW-9, SW-14). */
export function layoutBoard(board: SwotBoard): QuadrantLayout[] {
  const totals = dotTotals(board);
  const sorted = sortByDots(board.items, totals);
  return QUADRANTS.map((quadrant) => {
    const inQuadrant = sorted.filter((item) => item.quadrant === quadrant);
    const groups = board.groups
      .filter((group) => group.quadrant === quadrant)
      .map((group) => {
        const items = inQuadrant.filter((item) => effectiveGroupId(item, board.groups) === group.id);
        return { group, items, dots: items.reduce((sum, item) => sum + (totals[item.id] ?? 0), 0) };
      })
      .sort((a, b) => b.dots - a.dots || a.group.createdAt.localeCompare(b.group.createdAt));
    const ungrouped = inQuadrant.filter((item) => effectiveGroupId(item, board.groups) === null);
    return { quadrant, groups, ungrouped };
  });
}
