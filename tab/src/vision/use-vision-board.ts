import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api';
import { startPoller, type Poller } from '../swot/board-poller';
import type { VisionClient } from './vision-api';
import type { VisionBoard } from './vision-schemas';

/** How often the open Vision view asks for changes (the server answers 304 when there are none). */
export const VISION_POLL_MS = 1000;
/** Elsewhere only the banner needs the vision: asked for now and then. */
export const BANNER_POLL_MS = 15_000;

export type VisionBoardState =
  | { status: 'loading' }
  /** `lost`: the last poll failed (shown as a warning; the board stays and polling goes on). */
  | { status: 'ready'; board: VisionBoard; lost: ApiError | null }
  | { status: 'error'; error: ApiError };

type Keyed = VisionBoardState & { client: VisionClient };

/**
 * The live vision board of a team: loaded, then polled with If-None-Match while the page is visible,
 * every `intervalMs` (a change of interval asks at once and keeps the ETag).
 */
export function useVisionBoard(
  client: VisionClient,
  intervalMs: number,
): { state: VisionBoardState; refresh: () => void } {
  const [keyed, setKeyed] = useState<Keyed | null>(null);
  const poller = useRef<Poller | null>(null);
  const etag = useRef<{ client: VisionClient; value: string | null }>({ client, value: null });

  useEffect(() => {
    if (etag.current.client !== client) etag.current = { client, value: null };
    const started = startPoller({
      intervalMs,
      poll: async (signal) => {
        try {
          const read = await client.board(etag.current.value, signal);
          if (read.changed) {
            etag.current = { client, value: read.etag };
            setKeyed({ client, status: 'ready', board: read.board, lost: null });
          } else {
            setKeyed((previous) =>
              previous?.status === 'ready' && previous.lost ? { ...previous, lost: null } : previous,
            );
          }
        } catch (error: unknown) {
          if (signal.aborted) return;
          const apiError = toApiError(error, 'Something went wrong while loading.');
          setKeyed((previous) =>
            previous?.client === client && previous.status === 'ready'
              ? { ...previous, lost: apiError }
              : { client, status: 'error', error: apiError },
          );
        }
      },
    });
    poller.current = started;
    return () => {
      started.stop();
      poller.current = null;
    };
  }, [client, intervalMs]);

  const refresh = useCallback(() => poller.current?.refresh(), []);
  const state: VisionBoardState = keyed?.client === client ? keyed : { status: 'loading' };
  return { state, refresh };
}
