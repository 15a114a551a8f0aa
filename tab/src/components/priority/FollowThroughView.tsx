import { useCallback, useMemo, useState } from 'react';
import type { ApiError, Identity } from '../../api';
import { createPriorityClient } from '../../priority/priority-api';
import { useFollowThrough } from '../../priority/use-follow-through';
import { ErrorState } from '../ErrorState';
import { FailureBar } from '../FailureBar';
import { LoadingState } from '../LoadingState';
import { ActionsSection } from './ActionsSection';
import { CheckInsSection } from './CheckInsSection';
import { OwnersSection } from './OwnersSection';
import { ReleasesSection } from './ReleasesSection';

/**
 * How the team follows through on its priority: owners and roles, next actions, check-ins and their
 * timeline, and the release list. Loaded only once a team has a priority.
 */
export function FollowThroughView({ identity, teamId }: { identity: Identity; teamId: string }) {
  const client = useMemo(() => createPriorityClient(identity, teamId), [identity, teamId]);
  const { state, refresh } = useFollowThrough(client);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const onChanged = useCallback(() => refresh(), [refresh]);

  if (state.status === 'loading') return <LoadingState label="Loading owners, actions and check-ins…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={refresh} />;
  // The priority ended between the overview and this read: the overview shows what is next.
  if (state.ownership.priority === null) return null;

  return (
    <>
      {failure && <FailureBar failure={failure} onDismiss={() => setFailure(null)} />}
      <OwnersSection
        client={client}
        owners={state.ownership.owners}
        members={state.members}
        onChanged={onChanged}
      />
      <ActionsSection
        client={client}
        actions={state.ownership.actions}
        members={state.members}
        onChanged={onChanged}
        onError={setFailure}
      />
      <CheckInsSection
        client={client}
        settings={state.settings}
        rounds={state.rounds.filter((round) => round.priorityId === state.ownership.priority?.id)}
        onChanged={onChanged}
      />
      <ReleasesSection client={client} releases={state.ownership.releases} onChanged={onChanged} />
    </>
  );
}

export default FollowThroughView;
