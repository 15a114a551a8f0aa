import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api';
import {
  guardedRow,
  keepMine,
  perform,
  type BoardOperation,
  type OperationContext,
} from './board-operations';
import { findItem } from './board-sort';
import type { SwotClient } from './swot-api';
import { groupSchema, itemSchema, type Board, type Group, type Item } from './swot-schemas';

/** A write refused because someone else changed the row first: what the member tried, and the row now. */
export interface Conflict {
  operation: BoardOperation;
  /** The row as it is now; null when someone deleted it. */
  current: Item | Group | null;
}

/** The member's last change, offered for undo. */
export interface LastAction {
  message: string;
  inverse: BoardOperation | null;
}

export interface RunOptions {
  /** The caller shows the error itself (a form next to its fields); otherwise the board's error bar does. */
  inline?: boolean;
}

export interface BoardActions {
  run: (operation: BoardOperation, options?: RunOptions) => Promise<ApiError | null>;
  undo: () => void;
  last: LastAction | null;
  dismissLast: () => void;
  conflict: Conflict | null;
  resolveConflict: (choice: 'mine' | 'theirs') => void;
  error: ApiError | null;
  /** Shows a refusal the tab itself knows of, as the server would word it. */
  report: (error: ApiError) => void;
  dismissError: () => void;
}

/** The 412 body's `current`, read as the kind of row the operation was about. */
function currentRow(operation: BoardOperation, current: unknown): Item | Group | null | undefined {
  if (current === null) return null;
  const row = guardedRow(operation);
  if (!row) return undefined;
  const parsed = ('text' in row ? itemSchema : groupSchema).safeParse(current);
  return parsed.success ? parsed.data : undefined;
}

/** Runs the member's changes: undo of the last one, the conflict dialog on 412, errors to show. */
export function useBoardActions(options: {
  client: SwotClient;
  sessionId: string;
  board: Board | null;
  refresh: () => void;
}): BoardActions {
  const { client, sessionId, refresh } = options;
  const [last, setLast] = useState<LastAction | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const board = useRef<Board | null>(options.board);
  // Dot changes are absolute counts: sent one after another so a later click never lands first.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    board.current = options.board;
  }, [options.board]);

  const context = useMemo<OperationContext>(
    () => ({
      client,
      sessionId,
      latestItem: (itemId) => (board.current ? findItem(board.current, itemId) : undefined),
      groupName: (groupId) =>
        board.current?.quadrants.flatMap((quadrant) => quadrant.groups).find((group) => group.id === groupId)
          ?.name,
    }),
    [client, sessionId],
  );

  const execute = useCallback(
    async (operation: BoardOperation, runOptions: RunOptions & { undoing?: boolean }) => {
      setError(null);
      try {
        const done = await perform(context, operation);
        setLast(
          runOptions.undoing
            ? { message: `Undone. ${done.message}`, inverse: null }
            : { message: done.message, inverse: done.inverse },
        );
        return null;
      } catch (caught: unknown) {
        const apiError = toApiError(caught);
        if (apiError.status === 412 && 'current' in apiError.details) {
          const current = currentRow(operation, apiError.details.current);
          if (current !== undefined) {
            setConflict({ operation, current });
            return null;
          }
        }
        if (!runOptions.inline) setError(apiError);
        return apiError;
      } finally {
        refresh();
      }
    },
    [context, refresh],
  );

  const run = useCallback(
    (operation: BoardOperation, runOptions: RunOptions = {}) => {
      if (operation.kind !== 'set-dots') return execute(operation, runOptions);
      const next = queue.current.then(() => execute(operation, runOptions));
      queue.current = next;
      return next;
    },
    [execute],
  );

  const undo = useCallback(() => {
    const inverse = last?.inverse;
    if (!inverse) return;
    setLast(null);
    void execute(inverse, { undoing: true });
  }, [last, execute]);

  const resolveConflict = useCallback(
    (choice: 'mine' | 'theirs') => {
      const open = conflict;
      setConflict(null);
      if (!open || choice === 'theirs') {
        refresh();
        return;
      }
      const again = keepMine(open.operation, open.current);
      if (again) void execute(again, {});
      else refresh();
    },
    [conflict, execute, refresh],
  );

  return {
    run,
    undo,
    last,
    dismissLast: useCallback(() => setLast(null), []),
    conflict,
    resolveConflict,
    error,
    report: setError,
    dismissError: useCallback(() => setError(null), []),
  };
}
