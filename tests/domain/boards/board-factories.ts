// Tiny builders for the SWOT board tests: a session, actors, items, groups, dots and a whole board.
import { expect } from 'vitest';
import {
  closeSwotSession,
  createSwotGroup,
  createSwotItem,
  emptyAllocation,
  openSwotSession,
  placeDots,
  type BoardActor,
  type CreateSwotItemInput,
  type DotAllocation,
  type OpenSwotSessionInput,
  type Quadrant,
  type SwotBoard,
  type SwotGroup,
  type SwotItem,
  type SwotSession,
} from '../../../bot/domain/boards';
import type { Result } from '../../../bot/domain/voting';
import { NOW, at, unwrap } from '../factories';

/** The facilitator: fay opens the sessions of these tests. */
export const FAY: BoardActor = { memberId: 'fay', name: 'Fay', isTeamOwner: false };

/** A team owner who did not open the session. */
export const OWEN: BoardActor = { memberId: 'owen', name: 'Owen', isTeamOwner: true };

/** A member with no special role. */
export function actor(memberId: string, name = memberId.toUpperCase()): BoardActor {
  return { memberId, name, isTeamOwner: false };
}

export const ANN = actor('ann', 'Ann');
export const BOB = actor('bob', 'Bob');

/** An open session of team-1, opened by fay at NOW. */
export function session(overrides: Partial<OpenSwotSessionInput> = {}): SwotSession {
  return unwrap(
    openSwotSession({
      id: 'swot-1',
      teamId: 'team-1',
      title: 'Spring review',
      actor: FAY,
      now: NOW,
      existing: [],
      ...overrides,
    }),
  );
}

/** The session closed by fay an hour after NOW. */
export function closedSession(open: SwotSession = session()): SwotSession {
  return unwrap(closeSwotSession(open, FAY, at(60)));
}

/** An item by ann in strengths, added `minute` minutes after NOW (default 1). */
export function item(
  id: string,
  overrides: Partial<CreateSwotItemInput> & { readonly minute?: number } = {},
  groups: readonly SwotGroup[] = [],
  on: SwotSession = session(),
): SwotItem {
  const { minute = 1, ...input } = overrides;
  return unwrap(
    createSwotItem(
      on,
      { id, quadrant: 'strengths', text: `Item ${id}`, actor: ANN, now: at(minute), ...input },
      groups,
    ),
  );
}

/** A group made by bob, added `minute` minutes after NOW (default 0). */
export function group(
  id: string,
  quadrant: Quadrant = 'strengths',
  name = `Group ${id}`,
  options: { readonly minute?: number; readonly actor?: BoardActor } = {},
): SwotGroup {
  return unwrap(
    createSwotGroup(
      session(),
      { id, quadrant, name, actor: options.actor ?? BOB, now: at(options.minute ?? 0) },
      [],
    ),
  );
}

/** A member's dots, placed one item after another through placeDots (fails the test on a refusal). */
export function dots(
  memberId: string,
  counts: Readonly<Record<string, number>>,
  items: readonly SwotItem[],
  on: SwotSession = session(),
): DotAllocation {
  return Object.entries(counts).reduce((allocation, [itemId, count]) => {
    const target = items.find((each) => each.id === itemId);
    if (!target) throw new Error(`no item ${itemId}`);
    return unwrap(placeDots(on, allocation, target, count, items));
  }, emptyAllocation(memberId));
}

/** A board from its parts; the session defaults to the open one of `session()`. */
export function board(parts: Partial<SwotBoard> = {}): SwotBoard {
  return { session: session(), items: [], groups: [], allocations: [], ...parts };
}

/** Matches a refusal: the field at fault and a message that starts with `field: `. */
export function refusal(field: string) {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { ok: false, field, message: expect.stringMatching(new RegExp(`^${escaped}: `)) as unknown };
}

/** The failure of a result (fails the test when it succeeded). */
export function refused<T>(result: Result<T>): { field: string; message: string } {
  if (result.ok) throw new Error('expected a refusal, got ok');
  return result;
}

/** Freezes a value and everything inside it, so any write throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}
