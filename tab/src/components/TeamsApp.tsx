import { useCallback, useEffect, useMemo, useRef } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { createApiClient } from '../api';
import { APP_NAME } from '../app-name';
import type { TeamsHost } from '../teams-host';
import { PageHeader } from './PageHeader';
import { TeamHome } from './TeamHome';

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

  if (!teamId) {
    return (
      <>
        <PageHeader title={APP_NAME} />
        <main>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Open {APP_NAME} in a team</MessageBarTitle> {APP_NAME} works with a leadership
              team: add it as a tab in one of the team’s channels.
            </MessageBarBody>
          </MessageBar>
        </main>
      </>
    );
  }

  return <TeamHome api={api} teamId={teamId} fallbackName={host.teamName} onSettled={notifyLoaded} />;
}
