import { createContext, useContext } from 'react';
import type { ApiError } from '../api';
import type { BoardOperation } from './board-operations';
import type { RunOptions } from './use-board-actions';
import type { SortOrder } from './board-sort';
import type { BoardGroup, Group, Item, Quadrant } from './swot-schemas';

/** What every part of an open board needs: the rules of this board for this member, and the ways to change it. */
export interface BoardContextValue {
  /** A closed board: nothing can be changed. */
  readOnly: boolean;
  sort: SortOrder;
  dotsPerMember: number;
  /** The member's dots left, counting clicks still on their way. */
  dotsLeft: number;
  /** The member's dots on an item, counting clicks still on their way. */
  myDotsOn: (item: Item) => number;
  groupsIn: (quadrant: Quadrant) => readonly BoardGroup[];
  itemById: (itemId: string) => Item | undefined;
  run: (operation: BoardOperation, options?: RunOptions) => Promise<ApiError | null>;
  changeDots: (item: Item, delta: 1 | -1) => void;
  editItem: (item: Item) => void;
  renameGroup: (group: Group) => void;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoard is used outside a SWOT board');
  return value;
}
