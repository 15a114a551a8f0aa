import { useCallback, useEffect, useState } from 'react';
import { toApiError, type ApiError } from '../api';
import type { SwotClient } from './swot-api';
import type { SessionList } from './swot-schemas';

export type SessionsState =
  { status: 'loading' } | { status: 'ready'; list: SessionList } | { status: 'error'; error: ApiError };

/** How often the list is asked again while the team has no session (so one opened by someone else shows up). */
const WAITING_POLL_MS = 2000;

/** The team's SWOT sessions (newest first) and the current one; `reload` asks again. */
export function useSwotSessions(client: SwotClient): { state: SessionsState; reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<SessionsState | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    client.sessions(controller.signal).then(
      (list) => setSettled({ status: 'ready', list }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({ status: 'error', error: toApiError(error, 'Something went wrong while loading.') });
      },
    );
    return () => controller.abort();
  }, [client, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const waiting = settled?.status === 'ready' && settled.list.current === null;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, WAITING_POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);
  // A reload keeps showing the last list rather than flashing a spinner.
  const state: SessionsState = settled ?? { status: 'loading' };
  return { state, reload };
}
