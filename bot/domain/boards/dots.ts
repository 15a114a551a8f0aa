import { fail, ok, type Result } from '../voting/result';
import { checkOpen } from './board-rules';
import type { DotAllocation, SwotItem, SwotSession } from './swot-types';

/** Dots a member has placed on items that still exist; dots on a deleted item come back (SW-13). */
export function dotsUsed(allocation: DotAllocation, itemIds: ReadonlySet<string>): number {
  let used = 0;
  for (const [itemId, count] of Object.entries(allocation.dots)) if (itemIds.has(itemId)) used += count;
  return used;
}

/**
 * Sets how many of the member's dots sit on one item (idempotent, so a repeated click changes nothing).
 * Dots may be stacked; the total over the board never exceeds the session's allowance (SW-12).
 */
export function placeDots(
  session: SwotSession,
  allocation: DotAllocation,
  item: SwotItem,
  count: number,
  items: readonly SwotItem[],
): Result<DotAllocation> {
  const open = checkOpen(session);
  if (!open.ok) return open;
  if (!Number.isInteger(count) || count < 0 || count > session.dotsPerMember)
    return fail('count', `expected a whole number from 0 to ${session.dotsPerMember}`);
  const itemIds = new Set(items.map((each) => each.id));
  if (!itemIds.has(item.id)) return fail('item', 'no such item on this board');
  const dots: Record<string, number> = {};
  // Dots left on deleted items are dropped here, so the stored allocation does not grow forever.
  for (const [itemId, placed] of Object.entries(allocation.dots))
    if (itemIds.has(itemId) && itemId !== item.id) dots[itemId] = placed;
  if (count > 0) dots[item.id] = count;
  const used = Object.values(dots).reduce((sum, placed) => sum + placed, 0);
  // A change that does not raise the member's total is always allowed, so dots can still come off after
  // the facilitator lowered the allowance below what the member had placed.
  const placedBefore = dotsUsed(allocation, itemIds);
  if (used > session.dotsPerMember && used > placedBefore) {
    // What the member has left now, before this change: the number they can still add anywhere.
    const left = Math.max(0, session.dotsPerMember - placedBefore);
    return fail(
      'count',
      `you have ${left} dot${left === 1 ? '' : 's'} left of ${session.dotsPerMember}; take a dot off another item first`,
    );
  }
  return ok({ memberId: allocation.memberId, dots });
}

/** A member's allocation before they place any dot. */
export function emptyAllocation(memberId: string): DotAllocation {
  return { memberId, dots: {} };
}
