import { Suspense, lazy, useEffect, useLayoutEffect, useMemo, type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api';
import { APP_NAME } from '../app-name';
import { useTeamView } from '../use-team-view';
import { useViewParam } from '../use-view-param';
import { BANNER_POLL_MS, VISION_POLL_MS, useVisionBoard } from '../vision/use-vision-board';
import { createVisionClient } from '../vision/vision-api';
import { requestSwotEarly } from '../swot/swot-early';
import { LoadingState } from './LoadingState';
import { PageHeader } from './PageHeader';
import { PriorityView } from './PriorityView';
import { VisionBanner } from './VisionBanner';
import { VIEW_PANEL_ID, ViewSwitcher, viewTabId } from './ViewSwitcher';

// The boards are loaded when first opened, so the priority view's first load stays small.
const SwotView = lazy(() => import('./swot/SwotView'));
const VisionView = lazy(() => import('./vision/VisionView'));
const WorkflowsView = lazy(() => import('./workflows/WorkflowsView'));

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
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

/** One team's page: its name, the view switcher, the team's vision, and the chosen view. */
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
  const [view, setView] = useViewParam();
  // The vision board is polled here: every second on the Vision view, now and then elsewhere for the banner.
  const visionClient = useMemo(() => createVisionClient(api.identity, teamId), [api.identity, teamId]);
  const visionBoard = useVisionBoard(visionClient, view === 'vision' ? VISION_POLL_MS : BANNER_POLL_MS);

  useEffect(() => {
    if (state.status !== 'loading') onSettled?.();
  }, [state.status, onSettled]);
  // A layout effect: it runs before the passive effects in which the SWOT view, once loaded, reads them.
  useLayoutEffect(() => {
    if (view === 'swot') requestSwotEarly(api.identity, teamId);
  }, [view, api.identity, teamId]);

  const title =
    state.status === 'ready' ? state.view.team.name || fallbackName || APP_NAME : (fallbackName ?? APP_NAME);
  // The latest board read wins; until there is one, the overview's vision.
  const vision =
    visionBoard.state.status === 'ready'
      ? visionBoard.state.board.vision
      : state.status === 'ready'
        ? state.view.vision
        : null;

  return (
    <>
      <PageHeader title={title} notice={notice} tools={tools} />
      <ViewSwitcher view={view} onChange={setView} />
      {/* The Vision view opens with the vision itself, so the banner is for the other views. */}
      {vision && view !== 'vision' && <VisionBanner vision={vision} onOpen={() => setView('vision')} />}
      <main className={styles.main} aria-busy={view === 'priority' && state.status === 'loading'}>
        <div className={styles.panel} role="tabpanel" id={VIEW_PANEL_ID} aria-labelledby={viewTabId(view)}>
          {view === 'priority' && (
            <PriorityView
              identity={api.identity}
              teamId={teamId}
              state={state}
              onRetry={retry}
              errorActions={errorActions}
            />
          )}
          {view === 'swot' && (
            <Suspense fallback={<LoadingState label="Loading the SWOT board…" />}>
              <SwotView identity={api.identity} teamId={teamId} errorActions={errorActions} />
            </Suspense>
          )}
          {view === 'workflows' && (
            <Suspense fallback={<LoadingState label="Loading the team’s workflows…" />}>
              <WorkflowsView identity={api.identity} teamId={teamId} errorActions={errorActions} />
            </Suspense>
          )}
          {view === 'vision' && (
            <Suspense fallback={<LoadingState label="Loading the vision board…" />}>
              <VisionView
                client={visionClient}
                state={visionBoard.state}
                refresh={visionBoard.refresh}
                errorActions={errorActions}
              />
            </Suspense>
          )}
        </div>
      </main>
    </>
  );
}
