import type { SwotClient } from './swot-api';
import type { Evidence, Group, Item, ItemFields, Quadrant, Tag } from './swot-schemas';

/**
 * Every change a member makes to a board, as data: so that each can be performed, undone (its inverse is
 * another operation) and, after a conflict, re-sent against the row as it is now.
 */
export type BoardOperation =
  | { kind: 'add-item'; quadrant: Quadrant; groupId: string | null; fields: ItemFields }
  /** `item` is the version the member saw; its ETag guards the write. */
  | { kind: 'edit-item'; item: Item; changes: Partial<ItemFields> }
  | { kind: 'delete-item'; item: Item }
  | { kind: 'move-item'; item: Item; to: { groupId: string | null; quadrant: Quadrant } }
  | { kind: 'set-dots'; item: Item; from: number; count: number }
  | { kind: 'add-group'; quadrant: Quadrant; name: string; itemIds: string[] }
  | { kind: 'rename-group'; group: Group; name: string }
  | { kind: 'delete-group'; group: Group; itemIds: string[] }
  | { kind: 'promote-item'; item: Item }
  | { kind: 'promote-group'; group: Group };

export interface Performed {
  /** What happened, for the "Undo" bar and screen readers. */
  message: string;
  /** The operation that takes it back; null when it cannot be undone here (a promotion). */
  inverse: BoardOperation | null;
}

export interface OperationContext {
  client: SwotClient;
  sessionId: string;
  /** The item as the latest board shows it, for steps that follow another one (restoring a group). */
  latestItem: (itemId: string) => Item | undefined;
  /** Group names by id, to say where an item went. */
  groupName: (groupId: string) => string | undefined;
}

/** “Chronic absence in grade 3” cut to a readable length. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

function fieldsOf(item: Item): ItemFields {
  return { text: item.text, tag: item.tag, evidence: item.evidence };
}

/** The item's values for the fields an edit changed, so that editing back restores exactly those. */
function previousValues(item: Item, changes: Partial<ItemFields>): Partial<ItemFields> {
  const previous: { text?: string; tag?: Tag; evidence?: Evidence[] } = {};
  if (changes.text !== undefined) previous.text = item.text;
  if (changes.tag !== undefined) previous.tag = item.tag;
  if (changes.evidence !== undefined) previous.evidence = item.evidence;
  return previous;
}

function where(context: OperationContext, groupId: string | null): string {
  if (groupId === null) return 'no group';
  const name = context.groupName(groupId);
  return name ? `group ${quote(name)}` : 'its group';
}

/** Performs one operation through the API; throws the API's error (412 carries the current row). */
export async function perform(context: OperationContext, operation: BoardOperation): Promise<Performed> {
  const { client, sessionId } = context;
  switch (operation.kind) {
    case 'add-item': {
      const created = await client.addItem(sessionId, {
        ...operation.fields,
        quadrant: operation.quadrant,
        groupId: operation.groupId,
      });
      return { message: `Added ${quote(created.text)}.`, inverse: { kind: 'delete-item', item: created } };
    }
    case 'edit-item': {
      const edited = await client.editItem(sessionId, operation.item, operation.changes);
      return {
        message: `Saved ${quote(edited.text)}.`,
        inverse: {
          kind: 'edit-item',
          item: edited,
          changes: previousValues(operation.item, operation.changes),
        },
      };
    }
    case 'delete-item': {
      await client.deleteItem(sessionId, operation.item);
      return {
        message: `Deleted ${quote(operation.item.text)}.`,
        inverse: {
          kind: 'add-item',
          quadrant: operation.item.quadrant,
          groupId: operation.item.groupId,
          fields: fieldsOf(operation.item),
        },
      };
    }
    case 'move-item': {
      const moved = await client.moveItem(sessionId, operation.item, operation.to);
      return {
        message: `Moved ${quote(moved.text)} to ${where(context, operation.to.groupId)}.`,
        inverse: {
          kind: 'move-item',
          item: moved,
          to: { groupId: operation.item.groupId, quadrant: operation.item.quadrant },
        },
      };
    }
    case 'set-dots': {
      const mine = await client.setDots(sessionId, operation.item.id, operation.count);
      const verb = operation.count > operation.from ? 'Added a dot to' : 'Took a dot off';
      return {
        message: `${verb} ${quote(operation.item.text)} (${mine} of yours on it).`,
        inverse: { ...operation, from: mine, count: operation.from },
      };
    }
    case 'add-group': {
      const group = await client.addGroup(sessionId, { quadrant: operation.quadrant, name: operation.name });
      // Restoring a deleted group also brings its items back into it, as far as they are still there.
      for (const itemId of operation.itemIds) {
        const item = context.latestItem(itemId);
        // Deleting a group leaves its items' rows (and ETags) as they were, so they move back as they are.
        if (item && item.groupId !== group.id)
          await client.moveItem(sessionId, item, { groupId: group.id, quadrant: group.quadrant });
      }
      return {
        message: `Created the group ${quote(group.name)}.`,
        inverse: { kind: 'delete-group', group, itemIds: operation.itemIds },
      };
    }
    case 'rename-group': {
      const renamed = await client.renameGroup(sessionId, operation.group, operation.name);
      return {
        message: `Renamed the group to ${quote(renamed.name)}.`,
        inverse: { kind: 'rename-group', group: renamed, name: operation.group.name },
      };
    }
    case 'delete-group': {
      await client.deleteGroup(sessionId, operation.group);
      return {
        message: `Deleted the group ${quote(operation.group.name)}; its items are ungrouped.`,
        inverse: {
          kind: 'add-group',
          quadrant: operation.group.quadrant,
          name: operation.group.name,
          itemIds: operation.itemIds,
        },
      };
    }
    case 'promote-item': {
      const candidate = await client.promoteItem(sessionId, operation.item.id);
      return { message: `Promoted ${quote(candidate.title)} to a candidate priority.`, inverse: null };
    }
    case 'promote-group': {
      const candidate = await client.promoteGroup(sessionId, operation.group.id);
      return { message: `Promoted ${quote(candidate.title)} to a candidate priority.`, inverse: null };
    }
  }
}

/** The row an operation is conditional on (its ETag guards the write); null for those that create. */
export function guardedRow(operation: BoardOperation): Item | Group | null {
  switch (operation.kind) {
    case 'edit-item':
    case 'delete-item':
    case 'move-item':
      return operation.item;
    case 'rename-group':
    case 'delete-group':
      return operation.group;
    default:
      return null;
  }
}

/**
 * "Keep mine" after a conflict: the same change against the row as it is now (so its ETag is current),
 * or, when someone deleted the row, the change made again on a new one. Null when nothing is left to do.
 */
export function keepMine(operation: BoardOperation, current: Item | Group | null): BoardOperation | null {
  switch (operation.kind) {
    case 'edit-item':
      return current
        ? { ...operation, item: current as Item }
        : {
            kind: 'add-item',
            quadrant: operation.item.quadrant,
            groupId: operation.item.groupId,
            fields: { ...fieldsOf(operation.item), ...operation.changes },
          };
    case 'move-item':
      return current
        ? { ...operation, item: current as Item }
        : {
            kind: 'add-item',
            quadrant: operation.to.quadrant,
            groupId: operation.to.groupId,
            fields: fieldsOf(operation.item),
          };
    case 'delete-item':
      return current ? { ...operation, item: current as Item } : null;
    case 'rename-group':
      return current
        ? { ...operation, group: current as Group }
        : { kind: 'add-group', quadrant: operation.group.quadrant, name: operation.name, itemIds: [] };
    case 'delete-group':
      return current ? { ...operation, group: current as Group } : null;
    default:
      return operation;
  }
}
