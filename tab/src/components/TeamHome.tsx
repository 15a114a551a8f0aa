import { useEffect, type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api';
import { APP_NAME } from '../app-name';
import { useTeamView } from '../use-team-view';
import { DecisionLog } from './DecisionLog';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';
import { PageHeader } from './PageHeader';
import { PrioritySection } from './PrioritySection';

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
});

interface TeamHomeProps {
  api: ApiClient;
  teamId: string;
  /** Shown until the server names the team (e.g. the Teams context's display name). */
  fallbackName: string | null;
  notice?: ReactNode;
  tools?: ReactNode;
  /** Extra actions next to "Try again" when loading fails. */
  errorActions?: ReactNode;
  /** Called whenever a load finishes, successfully or not. */
  onSettled?: () => void;
}

/** The "Priority & decisions" view of one team. */
export function TeamHome({
  api,
  teamId,
  fallbackName,
  notice,
  tools,
  errorActions,
  onSettled,
}: TeamHomeProps) {
  const styles = useStyles();
  const { state, retry } = useTeamView(api, teamId);

  useEffect(() => {
    if (state.status !== 'loading') onSettled?.();
  }, [state.status, onSettled]);

  const title =
    state.status === 'ready' ? state.view.team.name || fallbackName || APP_NAME : (fallbackName ?? APP_NAME);

  return (
    <>
      <PageHeader title={title} notice={notice} tools={tools} />
      <main className={styles.main} aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && <LoadingState label="Loading your team’s priority and decisions…" />}
        {state.status === 'error' && (
          <ErrorState error={state.error} onRetry={retry} actions={errorActions} />
        )}
        {state.status === 'ready' &&
          (state.view.priority === null && state.view.decisions.length === 0 ? (
            <EmptyState botName={APP_NAME} />
          ) : (
            <>
              <PrioritySection priority={state.view.priority} botName={APP_NAME} />
              <DecisionLog decisions={state.view.decisions} />
            </>
          ))}
      </main>
    </>
  );
}
