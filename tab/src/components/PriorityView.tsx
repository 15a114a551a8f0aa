import { Suspense, lazy, type ReactNode } from 'react';
import type { Identity } from '../api';
import { APP_NAME } from '../app-name';
import type { TeamViewState } from '../use-team-view';
import { DecisionLog } from './DecisionLog';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';
import { PrioritySection } from './PrioritySection';
import { WatchList } from './WatchList';

// Follow-through (owners, actions, check-ins, releases) loads after the priority, keeping the first load small.
const FollowThroughView = lazy(() => import('./priority/FollowThroughView'));

/** The "Priority & decisions" view: the team's one priority, how it follows through, the watch list and decisions. */
export function PriorityView({
  identity,
  teamId,
  state,
  onRetry,
  errorActions,
}: {
  identity: Identity;
  teamId: string;
  state: TeamViewState;
  onRetry: () => void;
  errorActions?: ReactNode;
}) {
  if (state.status === 'loading') return <LoadingState label="Loading your team’s priority and decisions…" />;
  if (state.status === 'error')
    return <ErrorState error={state.error} onRetry={onRetry} actions={errorActions} />;
  if (state.view.priority === null && state.view.decisions.length === 0)
    return <EmptyState botName={APP_NAME} />;
  return (
    <>
      <PrioritySection priority={state.view.priority} botName={APP_NAME} />
      {state.view.priority && (
        <Suspense fallback={<LoadingState label="Loading owners, actions and check-ins…" />}>
          <FollowThroughView identity={identity} teamId={teamId} />
        </Suspense>
      )}
      <WatchList entries={state.view.watchList} />
      <DecisionLog decisions={state.view.decisions} />
    </>
  );
}
