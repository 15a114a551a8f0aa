import { useCallback, useEffect, useState } from 'react';
import { ApiError, type ApiClient, type TeamView } from './api';

export type TeamViewState =
  { status: 'loading' } | { status: 'ready'; view: TeamView } | { status: 'error'; error: ApiError };

type Settled = { key: string } & ({ status: 'ready'; view: TeamView } | { status: 'error'; error: ApiError });

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(0, 'unexpected', 'Something went wrong while loading.');
}

/** Loads `GET /api/teams/:teamId`; `retry` loads it again. */
export function useTeamView(api: ApiClient, teamId: string): { state: TeamViewState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled | null>(null);
  const key = `${attempt}:${teamId}`;

  useEffect(() => {
    const controller = new AbortController();
    api.getTeam(teamId, controller.signal).then(
      (view) => setSettled({ key, status: 'ready', view }),
      (error: unknown) => {
        if (!controller.signal.aborted) setSettled({ key, status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [api, teamId, key]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // An answer for an earlier team or attempt counts as still loading.
  const state: TeamViewState = settled?.key === key ? settled : { status: 'loading' };
  return { state, retry };
}
