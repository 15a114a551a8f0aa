import { useCallback, useEffect, useMemo, useRef } from 'react';
import { createApiClient } from '../api';
import { APP_NAME } from '../app-name';
import type { TeamsHost } from '../teams-host';
import { PageHeader } from './PageHeader';
import { TeamHome } from './TeamHome';
import { PersonalView } from './personal/PersonalView';
import type { TeamLink } from './personal/MyTeamCard';

/**
 * Inside Teams, a team's views live in its channel tab: a deep link opens the team (the tab's own entity
 * id is chosen per channel, so the link cannot name it).
 */
const teamsTeamLink: TeamLink = (teamId) => ({
  href: `https://teams.microsoft.com/l/team/${encodeURIComponent(teamId)}/conversations`,
  external: true,
});

/** Inside Microsoft Teams: the team comes from the Teams context, the identity from Teams SSO. */
export function TeamsApp({ host }: { host: TeamsHost }) {
  const api = useMemo(() => createApiClient({ kind: 'teams', getToken: host.getToken }), [host]);
  const notified = useRef(false);
  const notifyLoaded = useCallback(() => {
    if (notified.current) return;
    notified.current = true;
    host.notifySuccess();
  }, [host]);

  const teamId = host.teamId;
  useEffect(() => {
    if (!teamId) notifyLoaded();
  }, [teamId, notifyLoaded]);

  // The personal tab (and a chat): no team in the context, so the member's own teams.
  if (!teamId) {
    return (
      <>
        <PageHeader title={`My teams in ${APP_NAME}`} />
        <PersonalView identity={api.identity} linkTo={teamsTeamLink} />
      </>
    );
  }

  return <TeamHome api={api} teamId={teamId} fallbackName={host.teamName} onSettled={notifyLoaded} />;
}
