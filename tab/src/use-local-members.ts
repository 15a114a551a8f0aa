import { useCallback, useEffect, useState } from 'react';
import { ApiError, getLocalMembers, type Member } from './api';

export type MembersState =
  { status: 'loading' } | { status: 'ready'; members: Member[] } | { status: 'error'; error: ApiError };

type Settled = { key: string } & (
  { status: 'ready'; members: Member[] } | { status: 'error'; error: ApiError }
);

/** Local mode: loads the team's Teams roster (the members one may act as); nothing while `teamId` is empty. */
export function useLocalMembers(teamId: string): { state: MembersState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled | null>(null);
  const key = `${attempt}:${teamId}`;

  useEffect(() => {
    if (!teamId) return;
    const controller = new AbortController();
    getLocalMembers(teamId, controller.signal).then(
      (members) => setSettled({ key, status: 'ready', members }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Something went wrong.');
        setSettled({ key, status: 'error', error: apiError });
      },
    );
    return () => controller.abort();
  }, [teamId, key]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state: settled?.key === key ? settled : { status: 'loading' }, retry };
}
