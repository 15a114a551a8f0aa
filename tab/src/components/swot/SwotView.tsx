import { useMemo, useState, type ReactNode } from 'react';
import type { Identity } from '../../api';
import { createSwotClient } from '../../swot/swot-api';
import { useSwotSessions } from '../../swot/use-swot-sessions';
import { ErrorState } from '../ErrorState';
import { LoadingState } from '../LoadingState';
import { useSectionStyles } from '../styles';
import { OpenSessionForm } from './OpenSessionForm';
import { SwotBoard } from './SwotBoard';

/** The SWOT view of a team: the current (or chosen) session's board, or how to open the first one. */
export function SwotView({
  identity,
  teamId,
  errorActions,
}: {
  identity: Identity;
  teamId: string;
  errorActions?: ReactNode;
}) {
  const section = useSectionStyles();
  const client = useMemo(() => createSwotClient(identity, teamId), [identity, teamId]);
  const [chosen, setChosen] = useState<string | null>(null);
  const { state, reload } = useSwotSessions(client);

  if (state.status === 'loading') return <LoadingState label="Loading the SWOT board…" />;
  if (state.status === 'error')
    return <ErrorState error={state.error} onRetry={reload} actions={errorActions} />;

  const sessionId = chosen ?? state.list.current;
  const choose = (id: string) => {
    setChosen(id);
    reload();
  };

  if (!sessionId) {
    return (
      <section className={section.section} aria-labelledby="swot-empty-heading">
        <h2 id="swot-empty-heading" className={section.heading}>
          No SWOT session yet
        </h2>
        <p className={section.text}>
          A SWOT helps the team find the real problem: everyone lists strengths, weaknesses, opportunities and
          threats, groups them into themes and dot-votes what matters most. The best items can be promoted to
          candidate priorities for the channel vote.
        </p>
        <p className={section.muted}>Open a session to start; you will facilitate it.</p>
        <OpenSessionForm client={client} onOpened={(session) => choose(session.id)} />
      </section>
    );
  }

  return (
    <SwotBoard
      key={sessionId}
      client={client}
      sessionId={sessionId}
      sessions={state.list.sessions}
      onChooseSession={choose}
      onSessionsChanged={reload}
      errorActions={errorActions}
    />
  );
}

export default SwotView;
