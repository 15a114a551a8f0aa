import type { ReactNode } from 'react';
import { APP_NAME } from '../app-name';
import type { TeamViewState } from '../use-team-view';
import { DecisionLog } from './DecisionLog';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';
import { PrioritySection } from './PrioritySection';

/** The "Priority & decisions" view: the team's one priority and its decision log, or what to do next. */
export function PriorityView({
  state,
  onRetry,
  errorActions,
}: {
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
      <DecisionLog decisions={state.view.decisions} />
    </>
  );
}
