import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { ApiError, toApiError } from '../../api';
import { BoardContext, type BoardContextValue } from '../../swot/board-context';
import { findItem, quadrantOf, type SortOrder } from '../../swot/board-sort';
import { downloadBlob } from '../../swot/download';
import { QUADRANTS } from '../../swot/quadrants';
import type { SwotClient } from '../../swot/swot-api';
import type { Board, Group, Item, SessionSummary } from '../../swot/swot-schemas';
import { useBoardActions } from '../../swot/use-board-actions';
import { useSwotBoard } from '../../swot/use-swot-board';
import { ErrorState } from '../ErrorState';
import { LoadingState } from '../LoadingState';
import { BoardSummary } from './BoardSummary';
import { BoardToolbar } from './BoardToolbar';
import { ConflictDialog } from './ConflictDialog';
import { FacilitatorControls } from './FacilitatorControls';
import { GroupRenameDialog } from './GroupRenameDialog';
import { ItemEditDialog } from './ItemEditDialog';
import { QuadrantPanel } from './QuadrantPanel';
import { UndoBar } from './UndoBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (min-width: 720px)': { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
  },
});

/**
 * The member's dot count on an item as last clicked, while the board shown may not have it yet: from the
 * click until a board read that started after its last write was answered. A read that merely started
 * earlier (a poll under way) can show an older count, and a click must never count up from that.
 */
interface PendingDot {
  count: number;
  /** Writes of this item's count queued or under way. */
  writing: number;
  /**
   * Reads started by the time the last write's answer was handled (by then the refresh that follows every
   * write may have started one more, which only holds the count a read longer); null while one is under way.
   */
  answeredAfterRead: number | null;
}

function useDots(board: Board | null, read: number, readsStarted: () => number) {
  const [pending, setPending] = useState<Record<string, PendingDot>>({});
  const active = useMemo(
    () =>
      Object.entries(pending).filter(
        ([, each]) => each.answeredAfterRead === null || read <= each.answeredAfterRead,
      ),
    [pending, read],
  );
  const myDotsOn = useCallback(
    (item: Item) => active.find(([itemId]) => itemId === item.id)?.[1].count ?? item.myDots,
    [active],
  );
  const dotsLeft = board
    ? active.reduce(
        (left, [itemId, each]) => left - (each.count - (findItem(board, itemId)?.myDots ?? each.count)),
        board.me.dotsLeft,
      )
    : 0;
  const hold = useCallback(
    (itemId: string, count: number) =>
      setPending((all) => ({
        ...all,
        [itemId]: { count, writing: (all[itemId]?.writing ?? 0) + 1, answeredAfterRead: null },
      })),
    [],
  );
  const settle = useCallback(
    (itemId: string, failed: boolean) => {
      // Counted now, not in the state update, which React may run later.
      const readsSoFar = readsStarted();
      setPending((all) => {
        const each = all[itemId];
        if (!each) return all;
        // A refused write leaves the board's own count to show, as it is read next.
        if (failed) return Object.fromEntries(Object.entries(all).filter(([other]) => other !== itemId));
        const writing = each.writing - 1;
        const answeredAfterRead = writing === 0 ? readsSoFar : null;
        return { ...all, [itemId]: { ...each, writing, answeredAfterRead } };
      });
    },
    [readsStarted],
  );
  return { myDotsOn, dotsLeft, hold, settle };
}

interface SwotBoardProps {
  client: SwotClient;
  sessionId: string;
  sessions: readonly SessionSummary[];
  onChooseSession: (sessionId: string) => void;
  /** The session list changed (closed, opened). */
  onSessionsChanged: () => void;
  errorActions?: ReactNode;
}

/** One SWOT session's board, live: polled while visible, with undo, conflicts and exports. */
export function SwotBoard({
  client,
  sessionId,
  sessions,
  onChooseSession,
  onSessionsChanged,
  errorActions,
}: SwotBoardProps) {
  const styles = useStyles();
  const { state, refresh, readsStarted } = useSwotBoard(client, sessionId);
  const board = state.status === 'ready' ? state.board : null;
  const actions = useBoardActions({ client, sessionId, board, refresh });
  const dots = useDots(board, state.status === 'ready' ? state.read : 0, readsStarted);
  const [sort, setSort] = useState<SortOrder>('dots');
  const [editing, setEditing] = useState<Item | null>(null);
  const [renaming, setRenaming] = useState<Group | null>(null);
  const [sessionError, setSessionError] = useState<ApiError | null>(null);

  const { run, report } = actions;
  const { myDotsOn, dotsLeft, hold, settle } = dots;
  const allowance = board?.session.dotsPerMember ?? 0;
  const changeDots = useCallback(
    (item: Item, delta: 1 | -1) => {
      const from = myDotsOn(item);
      const count = from + delta;
      if (count < 0) return;
      if (delta > 0 && dotsLeft <= 0) {
        // No request: the server would refuse it too (and does, should another window have used the dots).
        report(
          new ApiError(
            400,
            'bad_request',
            `You have placed all ${allowance} of your dots: take a dot off another item first.`,
            { field: 'count' },
          ),
        );
        return;
      }
      hold(item.id, count);
      void run({ kind: 'set-dots', item, from, count }).then((failed) => settle(item.id, failed !== null));
    },
    [myDotsOn, dotsLeft, allowance, hold, settle, run, report],
  );

  const context = useMemo<BoardContextValue | null>(() => {
    if (!board) return null;
    return {
      readOnly: board.session.status !== 'open',
      sort,
      dotsPerMember: board.session.dotsPerMember,
      dotsLeft,
      myDotsOn,
      groupsIn: (quadrant) => quadrantOf(board, quadrant).groups,
      itemById: (itemId) => findItem(board, itemId),
      run,
      changeDots,
      editItem: setEditing,
      renameGroup: setRenaming,
    };
  }, [board, sort, dotsLeft, myDotsOn, run, changeDots]);

  // Ctrl+Z (⌘Z) undoes the last change too, except while typing, where it is the field's own undo.
  const { undo } = actions;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== 'z') return;
      if (
        event.target instanceof Element &&
        event.target.closest('input, textarea, select, [contenteditable]')
      )
        return;
      event.preventDefault();
      undo();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [undo]);

  const groupName = useCallback(
    (groupId: string | null) => {
      if (groupId === null) return 'No group';
      const group = board?.quadrants
        .flatMap((quadrant) => quadrant.groups)
        .find((each) => each.id === groupId);
      return group?.name ?? 'A deleted group';
    },
    [board],
  );

  const sessionChange = async (change: () => Promise<unknown>) => {
    setSessionError(null);
    try {
      await change();
      onSessionsChanged();
    } catch (caught: unknown) {
      setSessionError(toApiError(caught));
    } finally {
      refresh();
    }
  };

  const exportBoard = async (format: 'markdown' | 'csv') => {
    setSessionError(null);
    try {
      const file = await client.exportBoard(sessionId, format);
      downloadBlob(file.blob, file.fileName);
    } catch (caught: unknown) {
      setSessionError(toApiError(caught, 'The export did not work. Try again.'));
    }
  };

  if (state.status === 'loading') return <LoadingState label="Loading the SWOT board…" />;
  if (state.status === 'error')
    return <ErrorState error={state.error} onRetry={refresh} actions={errorActions} />;
  if (!context || !board) return null;

  const error = actions.error ?? sessionError;
  return (
    <BoardContext.Provider value={context}>
      <div className={styles.root}>
        <BoardSummary board={board} dotsLeft={dotsLeft} />
        {context.readOnly && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>This SWOT session is closed</MessageBarTitle> The board is read-only and kept
              in the team’s history.{' '}
              {sessions.some((session) => session.status === 'open')
                ? 'Choose the open session above to keep working.'
                : 'Open a new session to start another SWOT.'}
            </MessageBarBody>
          </MessageBar>
        )}
        <BoardToolbar
          client={client}
          sessions={sessions}
          sessionId={sessionId}
          onChooseSession={onChooseSession}
          sort={sort}
          onSort={setSort}
          onExport={(format) => void exportBoard(format)}
        />
        {board.me.isFacilitator && !context.readOnly && (
          <FacilitatorControls
            key={board.session.dotsPerMember}
            session={board.session}
            onSetDots={(count) => void sessionChange(() => client.setDotsPerMember(sessionId, count))}
            onClose={() => void sessionChange(() => client.closeSession(sessionId))}
          />
        )}
        {state.lost && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Live updates paused</MessageBarTitle> {state.lost.message} Trying again…
            </MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>That didn’t work</MessageBarTitle> {error.message}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  icon={<Dismiss20Regular />}
                  aria-label="Dismiss"
                  onClick={() => {
                    actions.dismissError();
                    setSessionError(null);
                  }}
                />
              }
            />
          </MessageBar>
        )}
        {actions.last && (
          <UndoBar last={actions.last} onUndo={actions.undo} onDismiss={actions.dismissLast} />
        )}
        <div className={styles.grid}>
          {QUADRANTS.map((quadrant) => (
            <QuadrantPanel
              key={quadrant.name}
              quadrant={quadrantOf(board, quadrant.name)}
              label={quadrant.label}
              prompt={quadrant.prompt}
            />
          ))}
        </div>
        {editing && <ItemEditDialog item={editing} onClose={() => setEditing(null)} />}
        {renaming && <GroupRenameDialog group={renaming} onClose={() => setRenaming(null)} />}
        {actions.conflict && (
          <ConflictDialog
            conflict={actions.conflict}
            groupName={groupName}
            onChoose={actions.resolveConflict}
          />
        )}
      </div>
    </BoardContext.Provider>
  );
}
