import type { Board, BoardQuadrant, Item, Quadrant } from './swot-schemas';

/** How items are ordered in each quadrant and group. */
export type SortOrder = 'dots' | 'newest';

/** The server sends items most-dotted first; "newest" reorders them by creation time. */
export function sortItems(items: readonly Item[], order: SortOrder): readonly Item[] {
  if (order === 'dots') return items;
  return [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function allItems(board: Board): Item[] {
  return board.quadrants.flatMap((quadrant) => [
    ...quadrant.groups.flatMap((group) => group.items),
    ...quadrant.items,
  ]);
}

export function findItem(board: Board, itemId: string): Item | undefined {
  for (const quadrant of board.quadrants) {
    const found =
      quadrant.items.find((item) => item.id === itemId) ??
      quadrant.groups.flatMap((group) => group.items).find((item) => item.id === itemId);
    if (found) return found;
  }
  return undefined;
}

export function quadrantOf(board: Board, quadrant: Quadrant): BoardQuadrant {
  return board.quadrants.find((each) => each.quadrant === quadrant) ?? { quadrant, groups: [], items: [] };
}
