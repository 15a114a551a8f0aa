import type { StoredSwotBoard } from '../app/board-stores';
import {
  canChangeItem,
  dotsUsed,
  dotTotals,
  isFacilitator,
  layoutBoard,
  type BoardActor,
  type SwotGroup,
  type SwotItem,
  type SwotSession,
} from '../domain/boards';

/** A session as the tab lists it. */
export function sessionSummary(session: SwotSession) {
  return {
    id: session.id,
    title: session.title,
    status: session.status,
    dotsPerMember: session.dotsPerMember,
    facilitator: { id: session.openedBy, name: session.openedByName },
    openedAt: session.openedAt,
    closedAt: session.closedAt,
  };
}

/** An item as the tab shows it to one member: totals, their own dots, and what they may do. */
export function itemView(
  item: SwotItem,
  etag: string,
  extras: { dots: number; myDots: number; canChange: boolean; groupId: string | null },
) {
  return {
    id: item.id,
    quadrant: item.quadrant,
    groupId: extras.groupId,
    text: item.text,
    tag: item.tag,
    evidence: item.evidence,
    author: { id: item.authorId, name: item.authorName },
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    dots: extras.dots,
    myDots: extras.myDots,
    canChange: extras.canChange,
    promotion: item.promotion,
    etag,
  };
}

export function groupView(group: SwotGroup, etag: string, extras: { dots: number; canChange: boolean }) {
  return {
    id: group.id,
    quadrant: group.quadrant,
    name: group.name,
    createdBy: group.createdBy,
    dots: extras.dots,
    canChange: extras.canChange,
    promotion: group.promotion,
    etag,
  };
}

/** The whole board for one member, laid out by quadrant and group, most dotted first. */
export function boardView(stored: StoredSwotBoard, actor: BoardActor) {
  const { board, etags } = stored;
  const { session } = board;
  const totals = dotTotals(board);
  const mine = board.allocations.find((allocation) => allocation.memberId === actor.memberId);
  const itemIds = new Set(board.items.map((item) => item.id));
  const used = mine ? dotsUsed(mine, itemIds) : 0;
  const facilitating = isFacilitator(session, actor);
  const open = session.status === 'open';
  const toView = (item: SwotItem, groupId: string | null) =>
    itemView(item, etags.items[item.id] ?? '', {
      dots: totals[item.id] ?? 0,
      myDots: mine?.dots[item.id] ?? 0,
      canChange: open && canChangeItem(session, item, actor),
      groupId,
    });
  return {
    session: sessionSummary(session),
    version: stored.version,
    me: {
      id: actor.memberId,
      name: actor.name,
      isFacilitator: facilitating,
      dotsLeft: Math.max(0, session.dotsPerMember - used),
    },
    itemCount: board.items.length,
    quadrants: layoutBoard(board).map((layout) => ({
      quadrant: layout.quadrant,
      groups: layout.groups.map(({ group, items, dots }) => ({
        ...groupView(group, etags.groups[group.id] ?? '', {
          dots,
          canChange: open && (facilitating || group.createdBy === actor.memberId),
        }),
        items: items.map((item) => toView(item, group.id)),
      })),
      items: layout.ungrouped.map((item) => toView(item, null)),
    })),
  };
}
