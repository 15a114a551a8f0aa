import type { BoardOperation } from './board-operations';
import { TAG_LABELS } from './quadrants';
import type { Evidence, Group, Item } from './swot-schemas';

/** Both sides of a conflict as lines of text the member compares. */
export interface ConflictSides {
  noun: 'item' | 'group';
  mine: string[];
  /** Null when someone deleted the row. */
  theirs: string[] | null;
}

function evidenceLines(evidence: readonly Evidence[]): string[] {
  return evidence.map((each) => `Evidence: ${each.kind === 'url' ? each.url : each.text}`);
}

function itemLines(fields: Pick<Item, 'text' | 'tag' | 'evidence'>, groupName: string | null): string[] {
  return [
    fields.text,
    `Tag: ${fields.tag ? TAG_LABELS[fields.tag] : 'none'}`,
    ...evidenceLines(fields.evidence),
    ...(groupName === null ? [] : [`Group: ${groupName}`]),
  ];
}

export function describeConflict(
  operation: BoardOperation,
  current: Item | Group | null,
  groupName: (groupId: string | null) => string,
): ConflictSides {
  const theirsItem = (row: Item | Group | null) =>
    row && 'text' in row ? itemLines(row, groupName(row.groupId)) : null;
  switch (operation.kind) {
    case 'edit-item':
      return {
        noun: 'item',
        mine: itemLines({ ...operation.item, ...operation.changes }, groupName(operation.item.groupId)),
        theirs: theirsItem(current),
      };
    case 'move-item':
      return {
        noun: 'item',
        mine: itemLines(operation.item, groupName(operation.to.groupId)),
        theirs: theirsItem(current),
      };
    case 'delete-item':
      return { noun: 'item', mine: ['Deleted'], theirs: theirsItem(current) };
    case 'rename-group':
      return {
        noun: 'group',
        mine: [operation.name],
        theirs: current && 'name' in current ? [current.name] : null,
      };
    case 'delete-group':
      return {
        noun: 'group',
        mine: ['Deleted'],
        theirs: current && 'name' in current ? [current.name] : null,
      };
    default:
      return { noun: 'item', mine: [], theirs: null };
  }
}
