import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api';
import { startPoller, type Poller } from './board-poller';
import type { SwotClient } from './swot-api';
import type { Board } from './swot-schemas';

/** How often an open board asks for changes (the server answers 304 when there are none). */
export const POLL_INTERVAL_MS = 1000;

export type BoardState =
  | { status: 'loading' }
  /**
   * `lost`: the last poll failed (shown as a warning; the board stays and polling goes on). `read`: the
   * number of the read the board came from; reads are numbered as they start (see `readsStarted`).
   */
  | { status: 'ready'; board: Board; read: number; lost: ApiError | null }
  | { status: 'error'; error: ApiError };

type Keyed = BoardState & { sessionId: string };

/** The live board of one session: loaded, then polled with If-None-Match while the page is visible. */
export function useSwotBoard(
  client: SwotClient,
  sessionId: string,
): { state: BoardState; refresh: () => void; readsStarted: () => number } {
  const [keyed, setKeyed] = useState<Keyed | null>(null);
  const poller = useRef<Poller | null>(null);
  const reads = useRef(0);

  useEffect(() => {
    let etag: string | null = null;
    const started = startPoller({
      intervalMs: POLL_INTERVAL_MS,
      poll: async (signal) => {
        reads.current += 1;
        const number = reads.current;
        try {
          const read = await client.board(sessionId, etag, signal);
          if (read.changed) {
            etag = read.etag;
            setKeyed({ sessionId, status: 'ready', board: read.board, read: number, lost: null });
          } else {
            setKeyed((previous) =>
              previous?.status === 'ready' && previous.lost ? { ...previous, lost: null } : previous,
            );
          }
        } catch (error: unknown) {
          if (signal.aborted) return;
          const apiError = toApiError(error, 'Something went wrong while loading.');
          setKeyed((previous) =>
            previous?.sessionId === sessionId && previous.status === 'ready'
              ? { ...previous, lost: apiError }
              : { sessionId, status: 'error', error: apiError },
          );
        }
      },
    });
    poller.current = started;
    return () => {
      started.stop();
      poller.current = null;
    };
  }, [client, sessionId]);

  const refresh = useCallback(() => poller.current?.refresh(), []);
  const readsStarted = useCallback(() => reads.current, []);
  const state: BoardState = keyed?.sessionId === sessionId ? keyed : { status: 'loading' };
  return { state, refresh, readsStarted };
}
