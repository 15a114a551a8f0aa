import { useCallback, useMemo, useState } from 'react';
import { Button } from '@fluentui/react-components';
import { createApiClient } from '../api';
import {
  localUser,
  readLocalParams,
  writeLocalParams,
  type LocalParams,
  type LocalUser,
} from '../local-params';
import type { ThemeName } from '../theme';
import { useLocalMembers } from '../use-local-members';
import { LocalBanner } from './LocalBanner';
import { LocalToolbar } from './LocalToolbar';
import { PageHeader } from './PageHeader';
import { TeamHome } from './TeamHome';
import { TeamPicker } from './TeamPicker';
import { PersonalView } from './personal/PersonalView';
import type { TeamLink } from './personal/MyTeamCard';

/** In a browser, a team's view is this same page with the team in its address (the member and theme stay). */
const localTeamLink: TeamLink = (teamId, view) => {
  const url = new URL(window.location.href);
  url.searchParams.set('team', teamId);
  url.searchParams.set('view', view);
  return { href: `${url.pathname}${url.search}`, external: false };
};

const PERSONAL_PICKER = {
  intro:
    'The personal tab shows one member’s teams. Pick a team where the bot is installed and the member of its Teams roster to act as.',
  submit: 'Show my teams',
};

interface LocalAppProps {
  theme: ThemeName;
  onThemeChange: (theme: ThemeName) => void;
}

/** A plain browser: the team and the user come from the URL, or from the picker when the URL lacks them. */
export function LocalApp({ theme, onThemeChange }: LocalAppProps) {
  const [params, setParams] = useState<LocalParams>(() => readLocalParams());
  const user = localUser(params);
  const userId = user?.userId ?? null;
  const userName = user?.userName ?? null;
  const api = useMemo(
    () => (userId && userName ? createApiClient({ kind: 'local', userId, userName }) : null),
    [userId, userName],
  );
  // `?user=<id>` without `userName`: the roster names the member (the server uses its name anyway).
  const roster = useLocalMembers(params.userName ? '' : (params.teamId ?? ''));
  const shownName =
    (roster.state.status === 'ready' && roster.state.members.find((member) => member.id === userId)?.name) ||
    userName;

  const changeTheme = useCallback(
    (next: ThemeName) => {
      writeLocalParams({ theme: next });
      onThemeChange(next);
    },
    [onThemeChange],
  );

  const choose = useCallback((choice: { teamId: string } & LocalUser) => {
    writeLocalParams({ team: choice.teamId, user: choice.userId, userName: choice.userName });
    setParams((current) => ({ ...current, ...choice }));
  }, []);

  const chooseMember = useCallback((choice: LocalUser) => {
    writeLocalParams({ user: choice.userId, userName: choice.userName });
    setParams((current) => ({ ...current, userId: choice.userId, userName: choice.userName }));
  }, []);

  const switchUser = useCallback(() => {
    writeLocalParams({ user: null, userName: null });
    setParams((current) => ({ ...current, userId: null, userName: null }));
  }, []);

  const switchTeam = useCallback(() => {
    writeLocalParams({ team: null, user: null, userName: null });
    setParams((current) => ({ ...current, teamId: null, userId: null, userName: null }));
  }, []);

  if (params.personal) {
    if (!api || !userName) {
      return (
        <>
          <PageHeader
            title="Who are you?"
            notice={<LocalBanner />}
            tools={<LocalToolbar theme={theme} onThemeChange={changeTheme} />}
          />
          <main>
            <TeamPicker
              initialTeamId={params.teamId}
              initialUserId={params.userId}
              onChoose={chooseMember}
              purpose={PERSONAL_PICKER}
            />
          </main>
        </>
      );
    }
    return (
      <>
        <PageHeader
          title="My teams"
          notice={<LocalBanner />}
          tools={
            <LocalToolbar
              theme={theme}
              onThemeChange={changeTheme}
              userName={userName}
              onSwitch={switchUser}
            />
          }
        />
        <PersonalView identity={api.identity} linkTo={localTeamLink} />
      </>
    );
  }

  if (!params.teamId || !api || !userName) {
    return (
      <>
        <PageHeader
          title="Choose a team and who you are"
          notice={<LocalBanner />}
          tools={<LocalToolbar theme={theme} onThemeChange={changeTheme} />}
        />
        <main>
          <TeamPicker initialTeamId={params.teamId} initialUserId={params.userId} onChoose={choose} />
        </main>
      </>
    );
  }

  return (
    <TeamHome
      api={api}
      teamId={params.teamId}
      fallbackName={null}
      notice={<LocalBanner />}
      tools={
        <LocalToolbar
          theme={theme}
          onThemeChange={changeTheme}
          userName={shownName ?? undefined}
          onSwitch={switchTeam}
        />
      }
      errorActions={<Button onClick={switchTeam}>Choose another team</Button>}
    />
  );
}
