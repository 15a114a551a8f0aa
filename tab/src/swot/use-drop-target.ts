import { useState, type DragEvent } from 'react';

/** The drag payload of an item card. */
export const ITEM_DRAG_TYPE = 'application/x-leading-together-swot-item';

export function startItemDrag(event: DragEvent, itemId: string): void {
  event.dataTransfer.setData(ITEM_DRAG_TYPE, itemId);
  event.dataTransfer.effectAllowed = 'move';
}

function carriesItem(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(ITEM_DRAG_TYPE);
}

/** A place an item card can be dropped on (a group, or a quadrant's ungrouped items). */
export function useDropTarget(onDropItem: (itemId: string) => void, enabled: boolean) {
  const [over, setOver] = useState(false);
  if (!enabled) return { over: false, handlers: {} };
  return {
    over,
    handlers: {
      onDragOver(event: DragEvent) {
        if (!carriesItem(event)) return;
        event.preventDefault();
        event.stopPropagation();
        event.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      },
      onDragLeave(event: DragEvent) {
        // Leaving for a child of the target is not leaving the target.
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        setOver(false);
      },
      onDrop(event: DragEvent) {
        if (!carriesItem(event)) return;
        event.preventDefault();
        event.stopPropagation();
        setOver(false);
        const itemId = event.dataTransfer.getData(ITEM_DRAG_TYPE);
        if (itemId) onDropItem(itemId);
      },
    },
  };
}
