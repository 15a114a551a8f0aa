import { describe, expect, it } from 'vitest';
import {
  boardToCsv,
  boardToMarkdown,
  candidateFromGroup,
  candidateFromItem,
  checkDeleteSwotGroup,
  checkDeleteSwotItem,
  checkItemText,
  closeSwotSession,
  createSwotGroup,
  createSwotItem,
  dotTotals,
  editSwotItem,
  layoutBoard,
  markPromoted,
  moveSwotItem,
  openSwotSession,
  placeDots,
  renameSwotGroup,
  setDotsPerMember,
  sortByCreation,
  sortByDots,
} from '../../../bot/domain/boards';
import { NOW, at, unwrap } from '../factories';
import {
  ANN,
  BOB,
  FAY,
  board,
  closedSession,
  deepFreeze,
  dots,
  group,
  item,
  session,
} from './board-factories';

/** A frozen board with groups, items in and out of them, evidence and dots. */
function frozenBoard() {
  const groups = [group('g-1', 'strengths', 'Culture'), group('g-2', 'threats', 'Money')];
  const items = [
    item('a', { groupId: 'g-1', evidence: [{ kind: 'note', text: 'seen' }], minute: 1 }, groups),
    item('b', { quadrant: 'threats', groupId: 'g-2', minute: 2 }, groups),
    item('c', { minute: 3 }),
  ];
  return deepFreeze(
    board({ items, groups, allocations: [dots('ann', { a: 2, c: 1 }, items), dots('bob', { b: 3 }, items)] }),
  );
}

describe('inputs are never mutated', () => {
  it('G-1 opening, closing and setting dots leave the session and the history as they were', () => {
    const history = deepFreeze([closedSession(session({ id: 'old' }))]);
    const input = deepFreeze({
      id: 's',
      teamId: 'team-1',
      title: ' T ',
      actor: ANN,
      now: NOW,
      existing: history,
    });
    const copy = structuredClone(input);
    const opened = deepFreeze(unwrap(openSwotSession(input)));
    const openedCopy = structuredClone(opened);
    unwrap(closeSwotSession(opened, ANN, at(1)));
    unwrap(setDotsPerMember(opened, ANN, 9));
    expect(input).toEqual(copy);
    expect(opened).toEqual(openedCopy);
    expect(opened.status).toBe('open');
    expect(opened.dotsPerMember).toBe(5);
  });

  it('G-1 item and group changes return new values and leave their inputs alone', () => {
    const swot = frozenBoard();
    const copy = structuredClone(swot);
    const [first, second] = swot.items;
    const evidence = deepFreeze([{ kind: 'note' as const, text: '  padded  ' }]);
    const itemInput = deepFreeze({
      id: 'n',
      quadrant: 'threats' as const,
      text: ' x ',
      evidence,
      actor: BOB,
      now: NOW,
    });
    unwrap(createSwotItem(swot.session, itemInput, swot.groups));
    unwrap(checkItemText({ text: ' y ', evidence }));
    const edited = unwrap(
      editSwotItem(swot.session, first!, { text: 'changed', tag: 'symptom' }, FAY, at(5)),
    );
    unwrap(checkDeleteSwotItem(swot.session, first!, FAY));
    unwrap(moveSwotItem(swot.session, first!, { groupId: 'g-2' }, swot.groups, BOB, at(6)));
    unwrap(
      moveSwotItem(swot.session, second!, { groupId: null, quadrant: 'weaknesses' }, swot.groups, BOB, at(6)),
    );
    const groupInput = deepFreeze({
      id: 'g-3',
      quadrant: 'threats' as const,
      name: ' New ',
      actor: ANN,
      now: NOW,
    });
    unwrap(createSwotGroup(swot.session, groupInput, swot.groups));
    unwrap(renameSwotGroup(swot.session, swot.groups[0]!, 'Renamed', FAY, swot.groups));
    unwrap(checkDeleteSwotGroup(swot.session, swot.groups[0]!, FAY));
    expect(swot).toEqual(copy);
    expect(evidence).toEqual([{ kind: 'note', text: '  padded  ' }]);
    expect(edited).not.toBe(first);
    expect(first!.text).toBe('Item a');
  });

  it('G-1 dots, sorting, layout, promotion and export leave the board as it was', () => {
    const swot = frozenBoard();
    const copy = structuredClone(swot);
    const placed = unwrap(placeDots(swot.session, swot.allocations[0]!, swot.items[1]!, 2, swot.items));
    unwrap(placeDots(swot.session, swot.allocations[0]!, swot.items[2]!, 0, swot.items.slice(1)));
    const totals = deepFreeze(dotTotals(swot));
    sortByDots(swot.items, totals);
    sortByCreation(swot.items);
    layoutBoard(swot);
    candidateFromItem(swot, swot.items[0]!, 'https://link');
    candidateFromGroup(swot, swot.groups[0]!, 'https://link');
    const promotion = deepFreeze({ candidateId: 'c', promotedBy: 'ann', promotedAt: at(9) });
    unwrap(markPromoted(swot, swot.items[0]!, promotion));
    unwrap(markPromoted(swot, swot.groups[1]!, promotion));
    boardToCsv(swot);
    boardToMarkdown(swot);
    expect(swot).toEqual(copy);
    expect(placed.dots).toEqual({ a: 2, c: 1, b: 2 });
    expect(swot.allocations[0]!.dots).toEqual({ a: 2, c: 1 });
    expect(swot.items[0]!.promotion).toBeNull();
  });

  it('G-2 refusals are returned as values, never thrown', () => {
    const swot = frozenBoard();
    const closed = closedSession();
    const calls = [
      () => openSwotSession({ id: 's', teamId: 't', actor: ANN, now: 'x', existing: [] }),
      () => closeSwotSession(closed, FAY, at(1)),
      () =>
        createSwotItem(swot.session, { id: 'n', quadrant: 'strengths', text: '', actor: ANN, now: NOW }, []),
      () => editSwotItem(swot.session, swot.items[0]!, { text: 'x' }, BOB, at(1)),
      () => moveSwotItem(swot.session, swot.items[0]!, { groupId: 'nope' }, swot.groups, ANN, at(1)),
      () =>
        createSwotGroup(
          swot.session,
          { id: 'g', quadrant: 'strengths', name: 'culture', actor: ANN, now: NOW },
          swot.groups,
        ),
      () => placeDots(swot.session, swot.allocations[0]!, swot.items[2]!, 99, swot.items),
      () =>
        markPromoted({ ...swot, session: closed }, swot.items[0]!, {
          candidateId: 'c',
          promotedBy: 'a',
          promotedAt: NOW,
        }),
    ];
    for (const call of calls) {
      const result = call();
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message.startsWith(`${result.field}: `)).toBe(true);
    }
  });
});
