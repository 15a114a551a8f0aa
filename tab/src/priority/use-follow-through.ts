import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api';
import { startPoller, type Poller } from '../swot/board-poller';
import type { PriorityClient } from './priority-api';
import type { CheckInSettings, Ownership, Round, TeamMember } from './priority-schemas';

/** Often enough that a status changed on the channel card shows here within seconds. */
export const FOLLOW_THROUGH_POLL_MS = 5000;

export interface FollowThrough {
  ownership: Ownership;
  settings: CheckInSettings;
  rounds: Round[];
  members: TeamMember[];
}

export type FollowThroughState =
  { status: 'loading' } | { status: 'error'; error: ApiError } | ({ status: 'ready' } & FollowThrough);

/**
 * Loads the priority's owners, actions, releases, check-in schedule, timeline and the roster, and keeps
 * them current by polling; `refresh` asks again at once (after a write of this member's).
 */
export function useFollowThrough(client: PriorityClient): {
  state: FollowThroughState;
  refresh: () => void;
} {
  const [state, setState] = useState<FollowThroughState>({ status: 'loading' });
  const poller = useRef<Poller | null>(null);

  useEffect(() => {
    setState({ status: 'loading' });
    const current = startPoller({
      intervalMs: FOLLOW_THROUGH_POLL_MS,
      poll: async (signal) => {
        try {
          const [ownership, settings, rounds, members] = await Promise.all([
            client.ownership(signal),
            client.checkIns(signal),
            client.timeline(signal),
            client.members(signal),
          ]);
          if (!signal.aborted) setState({ status: 'ready', ownership, settings, rounds, members });
        } catch (error) {
          // A failed poll keeps what is shown; only a first load that fails shows the error.
          if (!signal.aborted)
            setState((shown) =>
              shown.status === 'ready' ? shown : { status: 'error', error: toApiError(error) },
            );
        }
      },
    });
    poller.current = current;
    return () => current.stop();
  }, [client]);

  const refresh = useCallback(() => poller.current?.refresh(), []);
  return { state, refresh };
}
