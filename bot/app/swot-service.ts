import {
  candidateFromGroup,
  candidateFromItem,
  canChangeItem,
  checkDeleteSwotGroup,
  checkDeleteSwotItem,
  closeSwotSession,
  createSwotGroup,
  createSwotItem,
  editSwotItem,
  emptyAllocation,
  isFacilitator,
  markPromoted,
  moveSwotItem,
  openSwotSession,
  placeDots,
  renameSwotGroup,
  setDotsPerMember,
  type BoardActor,
  type DotAllocation,
  type Quadrant,
  type SwotGroup,
  type SwotItem,
  type SwotItemText,
  type SwotSession,
} from '../domain/boards';
import type { Candidate } from '../domain/candidates';
import type { Clock } from '../support/clock';
import { fromDomain, refuse, staleRefusal, type BoardOutcome } from './board-outcome';
import { createSharedReads } from './shared-reads';
import type { StoredSwotBoard, SwotBoardStore } from './board-stores';
import type { CandidateService } from './candidate-service';
import { ConflictError, type TeamRef, type Versioned } from './team-ref';

/** A row and the ETag the next write must carry. */
export type Written<T> = { value: T; etag: string };

/** Where a promoted item or group points back to on the board. */
export type BoardLink = (
  team: TeamRef,
  sessionId: string,
  subject: { kind: 'item' | 'group'; id: string },
) => string;

/** Everything members do on SWOT boards; every write is conditional on the ETag the member last saw. */
export interface SwotService {
  sessions(team: TeamRef): Promise<SwotSession[]>;
  /** The board, from a cache shared by every open tab for a moment (polling must not multiply reads). */
  board(team: TeamRef, sessionId: string): Promise<StoredSwotBoard | null>;
  open(
    team: TeamRef,
    actor: BoardActor,
    input: { title?: string | null; dotsPerMember?: number | null },
  ): Promise<BoardOutcome<SwotSession>>;
  close(team: TeamRef, sessionId: string, actor: BoardActor): Promise<BoardOutcome<SwotSession>>;
  setDotsPerMember(
    team: TeamRef,
    sessionId: string,
    actor: BoardActor,
    dotsPerMember: number,
  ): Promise<BoardOutcome<SwotSession>>;
  addItem(
    team: TeamRef,
    sessionId: string,
    actor: BoardActor,
    input: SwotItemText & { quadrant: Quadrant; groupId?: string | null },
  ): Promise<BoardOutcome<Written<SwotItem>>>;
  editItem(
    team: TeamRef,
    sessionId: string,
    itemId: string,
    actor: BoardActor,
    changes: Partial<SwotItemText>,
    etag: string,
  ): Promise<BoardOutcome<Written<SwotItem>>>;
  moveItem(
    team: TeamRef,
    sessionId: string,
    itemId: string,
    actor: BoardActor,
    to: { groupId: string | null; quadrant?: Quadrant },
    etag: string,
  ): Promise<BoardOutcome<Written<SwotItem>>>;
  deleteItem(
    team: TeamRef,
    sessionId: string,
    itemId: string,
    actor: BoardActor,
    etag: string,
  ): Promise<BoardOutcome<SwotItem>>;
  addGroup(
    team: TeamRef,
    sessionId: string,
    actor: BoardActor,
    input: { quadrant: Quadrant; name: string },
  ): Promise<BoardOutcome<Written<SwotGroup>>>;
  renameGroup(
    team: TeamRef,
    sessionId: string,
    groupId: string,
    actor: BoardActor,
    name: string,
    etag: string,
  ): Promise<BoardOutcome<Written<SwotGroup>>>;
  deleteGroup(
    team: TeamRef,
    sessionId: string,
    groupId: string,
    actor: BoardActor,
    etag: string,
  ): Promise<BoardOutcome<SwotGroup>>;
  /** Sets the member's dots on an item; retried on concurrent clicks so the allowance always holds. */
  setDots(
    team: TeamRef,
    sessionId: string,
    itemId: string,
    actor: BoardActor,
    count: number,
  ): Promise<BoardOutcome<DotAllocation>>;
  promote(
    team: TeamRef,
    sessionId: string,
    subject: { kind: 'item' | 'group'; id: string },
    actor: BoardActor,
  ): Promise<BoardOutcome<Candidate>>;
}

export function createSwotService(deps: {
  boards: SwotBoardStore;
  candidates: CandidateService;
  clock: Clock;
  newId: () => string;
  link: BoardLink;
  /** Posts a promoted candidate to the team's channel, as `propose` would have. */
  onCandidateProposed: (team: TeamRef, candidate: Candidate, actor: BoardActor) => Promise<void>;
  /** How long a board read is shared between requests. */
  cacheMs: number;
}): SwotService {
  const { boards, clock } = deps;
  const now = () => clock.now().toISOString();
  const reads = createSharedReads<StoredSwotBoard | null>(clock, deps.cacheMs);
  const cacheKey = (team: TeamRef, sessionId: string) => `${team.tenantId}|${team.teamId}|${sessionId}`;
  const forget = (team: TeamRef, sessionId: string) => reads.forget(cacheKey(team, sessionId));
  const readBoard = (team: TeamRef, sessionId: string) =>
    reads.read(cacheKey(team, sessionId), () => boards.load(team, sessionId));

  /** A fresh read for a write: what the member decides on must not be a cached copy. */
  const freshBoard = async (team: TeamRef, sessionId: string): Promise<BoardOutcome<StoredSwotBoard>> => {
    forget(team, sessionId);
    const stored = await boards.load(team, sessionId);
    return stored ? { ok: true, value: stored } : refuse(404, 'sessionId', 'no such SWOT board in this team');
  };

  const write = async <T>(
    team: TeamRef,
    sessionId: string,
    run: () => Promise<BoardOutcome<T>>,
  ): Promise<BoardOutcome<T>> => {
    try {
      return await run();
    } finally {
      forget(team, sessionId);
    }
  };

  /** A write decided on a fresh read of the board (never a cached copy); the cache forgets it afterwards. */
  const onFreshBoard = <T>(
    team: TeamRef,
    sessionId: string,
    run: (stored: StoredSwotBoard) => Promise<BoardOutcome<T>>,
  ): Promise<BoardOutcome<T>> =>
    write(team, sessionId, async () => {
      const stored = await freshBoard(team, sessionId);
      return stored.ok ? run(stored.value) : stored;
    });

  /**
   * The row a conditional write is about, as the fresh board read has it (no second read): 404 when gone,
   * 412 with the current row when the ETag is stale.
   */
  const current = <T>(
    row: Versioned<T> | null,
    field: string,
    etag: string,
    noun: string,
  ): BoardOutcome<Versioned<T>> => {
    if (!row) return refuse(404, field, `no such ${noun} on this board`);
    if (row.etag !== etag) return staleRefusal(field, noun, row);
    return { ok: true, value: row };
  };

  const conditional = async <T>(
    field: string,
    noun: string,
    reread: () => Promise<Versioned<unknown> | null>,
    attempt: () => Promise<T>,
  ): Promise<BoardOutcome<T>> => {
    try {
      return { ok: true, value: await attempt() };
    } catch (error: unknown) {
      if (!(error instanceof ConflictError)) throw error;
      return staleRefusal(field, noun, await reread());
    }
  };

  const changeItem = (
    team: TeamRef,
    sessionId: string,
    itemId: string,
    etag: string,
    change: (stored: StoredSwotBoard, item: SwotItem) => BoardOutcome<SwotItem>,
  ): Promise<BoardOutcome<Written<SwotItem>>> =>
    onFreshBoard(team, sessionId, async (stored) => {
      const readItem = () => boards.getItem(team, sessionId, itemId);
      const row = current(itemRow(stored, itemId), 'itemId', etag, 'item');
      if (!row.ok) return row;
      const changed = change(stored, row.value.value);
      if (!changed.ok) return changed;
      return conditional('itemId', 'item', readItem, async () => ({
        value: changed.value,
        etag: await boards.replaceItem(team, changed.value, etag),
      }));
    });

  const saveSession = async (
    team: TeamRef,
    session: SwotSession,
    etag: string,
  ): Promise<BoardOutcome<SwotSession>> => {
    try {
      await boards.replaceSession(team, session, etag);
      return { ok: true, value: session };
    } catch (error: unknown) {
      if (!(error instanceof ConflictError)) throw error;
      return refuse(409, 'session', 'the session changed at the same moment; look again and retry');
    }
  };

  const domain = <T>(result: { ok: true; value: T } | Parameters<typeof fromDomain>[0]): BoardOutcome<T> =>
    result.ok ? result : fromDomain(result);

  return {
    sessions: (team) => boards.listSessions(team, 50),
    board: readBoard,
    async open(team, actor, input) {
      const existing = await boards.listSessions(team, 50);
      const opened = openSwotSession({
        id: deps.newId(),
        teamId: team.teamId,
        actor,
        now: now(),
        existing,
        ...input,
      });
      if (!opened.ok) return fromDomain(opened);
      await boards.createSession(team, opened.value);
      return opened;
    },
    close: (team, sessionId, actor) =>
      onFreshBoard(team, sessionId, async (stored) => {
        const session = stored.board.session;
        if (session.status === 'open' && !isFacilitator(session, actor))
          return refuse(
            403,
            'session',
            `only the facilitator (${session.openedByName}) or a team owner can close it`,
          );
        const closed = closeSwotSession(session, actor, now());
        if (!closed.ok) return fromDomain(closed);
        return saveSession(team, closed.value, stored.etags.session);
      }),
    setDotsPerMember: (team, sessionId, actor, dotsPerMember) =>
      onFreshBoard(team, sessionId, async (stored) => {
        const session = stored.board.session;
        const changed = setDotsPerMember(session, actor, dotsPerMember);
        if (!changed.ok) return forbiddenOr(changed, !isFacilitator(session, actor));
        return saveSession(team, changed.value, stored.etags.session);
      }),
    addItem: (team, sessionId, actor, input) =>
      onFreshBoard(team, sessionId, async (stored) => {
        const { session, groups } = stored.board;
        const created = createSwotItem(session, { ...input, id: deps.newId(), actor, now: now() }, groups);
        if (!created.ok) return fromDomain(created);
        return {
          ok: true,
          value: { value: created.value, etag: await boards.insertItem(team, created.value) },
        };
      }),
    editItem: (team, sessionId, itemId, actor, changes, etag) =>
      changeItem(team, sessionId, itemId, etag, ({ board }, item) => {
        const edited = editSwotItem(board.session, item, changes, actor, now());
        return edited.ok ? edited : forbiddenOr(edited, !canChangeItem(board.session, item, actor));
      }),
    moveItem: (team, sessionId, itemId, actor, to, etag) =>
      changeItem(team, sessionId, itemId, etag, ({ board }, item) =>
        domain(moveSwotItem(board.session, item, to, board.groups, actor, now())),
      ),
    deleteItem: (team, sessionId, itemId, actor, etag) =>
      onFreshBoard(team, sessionId, async (stored) => {
        const readItem = () => boards.getItem(team, sessionId, itemId);
        const row = current(itemRow(stored, itemId), 'itemId', etag, 'item');
        if (!row.ok) return row;
        const session = stored.board.session;
        const allowed = checkDeleteSwotItem(session, row.value.value, actor);
        if (!allowed.ok) return forbiddenOr(allowed, !canChangeItem(session, row.value.value, actor));
        return conditional('itemId', 'item', readItem, async () => {
          await boards.removeItem(team, sessionId, itemId, etag);
          return row.value.value;
        });
      }),
    addGroup: (team, sessionId, actor, input) =>
      onFreshBoard(team, sessionId, async (stored) => {
        const { session, groups } = stored.board;
        const created = createSwotGroup(session, { ...input, id: deps.newId(), actor, now: now() }, groups);
        if (!created.ok) return fromDomain(created);
        return {
          ok: true,
          value: { value: created.value, etag: await boards.insertGroup(team, created.value) },
        };
      }),
    renameGroup: (team, sessionId, groupId, actor, name, etag) =>
      onFreshBoard(team, sessionId, async (stored) => {
        const readGroup = () => boards.getGroup(team, sessionId, groupId);
        const row = current(groupRow(stored, groupId), 'groupId', etag, 'group');
        if (!row.ok) return row;
        const { session, groups } = stored.board;
        const renamed = renameSwotGroup(session, row.value.value, name, actor, groups);
        if (!renamed.ok) return forbiddenOr(renamed, renamed.field === 'group');
        return conditional('groupId', 'group', readGroup, async () => ({
          value: renamed.value,
          etag: await boards.replaceGroup(team, renamed.value, etag),
        }));
      }),
    deleteGroup: (team, sessionId, groupId, actor, etag) =>
      onFreshBoard(team, sessionId, async (stored) => {
        const readGroup = () => boards.getGroup(team, sessionId, groupId);
        const row = current(groupRow(stored, groupId), 'groupId', etag, 'group');
        if (!row.ok) return row;
        const allowed = checkDeleteSwotGroup(stored.board.session, row.value.value, actor);
        if (!allowed.ok) return forbiddenOr(allowed, allowed.field === 'group');
        return conditional('groupId', 'group', readGroup, async () => {
          await boards.removeGroup(team, sessionId, groupId, etag);
          return row.value.value;
        });
      }),
    setDots: (team, sessionId, itemId, actor, count) =>
      write(team, sessionId, async () => {
        // Each attempt re-reads the member's dots; a concurrent click makes the write fail and retry.
        for (let attempt = 0; attempt < 8; attempt += 1) {
          const stored = await freshBoard(team, sessionId);
          if (!stored.ok) return stored;
          const { board } = stored.value;
          const item = board.items.find((each) => each.id === itemId);
          if (!item) return refuse(404, 'itemId', 'no such item on this board');
          const mine = await boards.getDots(team, sessionId, actor.memberId);
          const placed = placeDots(
            board.session,
            mine?.value ?? emptyAllocation(actor.memberId),
            item,
            count,
            board.items,
          );
          if (!placed.ok) return fromDomain(placed);
          try {
            await boards.saveDots(team, sessionId, placed.value, mine?.etag ?? null);
            return placed;
          } catch (error: unknown) {
            if (!(error instanceof ConflictError)) throw error;
          }
        }
        return refuse(409, 'count', 'your dots changed in another window at the same time; please try again');
      }),
    promote: (team, sessionId, subject, actor) =>
      onFreshBoard(team, sessionId, async (stored) => {
        const { board } = stored;
        const link = deps.link(team, sessionId, subject);
        const read =
          subject.kind === 'item'
            ? () => boards.getItem(team, sessionId, subject.id)
            : () => boards.getGroup(team, sessionId, subject.id);
        const row = await read();
        if (!row) return refuse(404, `${subject.kind}Id`, `no such ${subject.kind} on this board`);
        const check = markPromoted(board, row.value, {
          candidateId: 'pending',
          promotedBy: actor.memberId,
          promotedAt: now(),
        });
        if (!check.ok)
          return check.field === 'promotion' ? refuse(409, 'promotion', check.message) : fromDomain(check);
        const text =
          subject.kind === 'item'
            ? candidateFromItem(board, row.value as SwotItem, link)
            : candidateFromGroup(board, row.value as SwotGroup, link);
        const proposed = await deps.candidates.propose(team, actor.memberId, text);
        if (!proposed.ok) return fromDomain(proposed);
        const promotion = { candidateId: proposed.value.id, promotedBy: actor.memberId, promotedAt: now() };
        const marked = await markRow(boards, team, subject, row, promotion, board);
        if (!marked.ok) {
          // Someone promoted it at the same moment: theirs stands, ours is withdrawn so nothing is doubled.
          await deps.candidates.withdraw(team, actor.memberId, proposed.value.id);
          return marked;
        }
        await deps.onCandidateProposed(team, proposed.value, actor);
        return proposed;
      }),
  };
}

/** An item of a loaded board with the ETag it was read with, or null. */
function itemRow(stored: StoredSwotBoard, itemId: string): Versioned<SwotItem> | null {
  const item = stored.board.items.find((each) => each.id === itemId);
  const etag = stored.etags.items[itemId];
  return item && etag !== undefined ? { value: item, etag } : null;
}

/** A group of a loaded board with the ETag it was read with, or null. */
function groupRow(stored: StoredSwotBoard, groupId: string): Versioned<SwotGroup> | null {
  const group = stored.board.groups.find((each) => each.id === groupId);
  const etag = stored.etags.groups[groupId];
  return group && etag !== undefined ? { value: group, etag } : null;
}

async function markRow(
  boards: SwotBoardStore,
  team: TeamRef,
  subject: { kind: 'item' | 'group'; id: string },
  row: Versioned<SwotItem | SwotGroup>,
  promotion: { candidateId: string; promotedBy: string; promotedAt: string },
  board: StoredSwotBoard['board'],
): Promise<BoardOutcome<null>> {
  let attempt: Versioned<SwotItem | SwotGroup> | null = row;
  for (let tries = 0; attempt && tries < 3; tries += 1) {
    const marked = markPromoted(board, attempt.value, promotion);
    if (!marked.ok) return refuse(409, 'promotion', marked.message);
    try {
      if (subject.kind === 'item') await boards.replaceItem(team, marked.value as SwotItem, attempt.etag);
      else await boards.replaceGroup(team, marked.value as SwotGroup, attempt.etag);
      return { ok: true, value: null };
    } catch (error: unknown) {
      if (!(error instanceof ConflictError)) throw error;
      attempt =
        subject.kind === 'item'
          ? await boards.getItem(team, board.session.id, subject.id)
          : await boards.getGroup(team, board.session.id, subject.id);
    }
  }
  return refuse(409, 'promotion', `this ${subject.kind} changed or was removed while it was being promoted`);
}

/** A permission refusal is a 403; anything else keeps the domain's answer. */
function forbiddenOr(failure: Parameters<typeof fromDomain>[0], forbidden: boolean) {
  return forbidden && failure.field !== 'session'
    ? refuse(403, failure.field, failure.message)
    : fromDomain(failure);
}
