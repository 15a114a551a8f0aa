import { useCallback, useEffect, useState } from 'react';
import { toApiError, type ApiError, type Identity } from '../api';
import { getMyTeams, type MyTeams } from './my-teams-api';

export type MyTeamsState =
  { status: 'loading' } | { status: 'ready'; mine: MyTeams } | { status: 'error'; error: ApiError };

/** Loads the caller's teams; again when asked, and when the page comes back into view. */
export function useMyTeams(identity: Identity): { state: MyTeamsState; reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<(MyTeamsState & { attempt: number; identity: Identity }) | null>(
    null,
  );

  useEffect(() => {
    const controller = new AbortController();
    getMyTeams(identity, controller.signal).then(
      (mine) => setSettled({ attempt, identity, status: 'ready', mine }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setSettled({
            attempt,
            identity,
            status: 'error',
            error: toApiError(error, 'Something went wrong.'),
          });
      },
    );
    return () => controller.abort();
  }, [identity, attempt]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') setAttempt((n) => n + 1);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // A reload keeps what is shown until the new answer arrives; another member's answer never shows.
  const state: MyTeamsState = settled?.identity === identity ? settled : { status: 'loading' };
  return { state, reload };
}
