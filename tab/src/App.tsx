import { useEffect, useState } from 'react';
import { ConnectingState } from './components/ConnectingState';
import { LocalApp } from './components/LocalApp';
import { Shell } from './components/Shell';
import { TeamsApp } from './components/TeamsApp';
import { readLocalParams } from './local-params';
import { connectToTeams, isFramed, type TeamsHost } from './teams-host';
import type { ThemeName } from './theme';

type Boot = { kind: 'connecting' } | { kind: 'teams'; host: TeamsHost } | { kind: 'local' };

function initialTheme(): ThemeName | null {
  const named = new URLSearchParams(window.location.search).has('theme');
  // Framed without a theme in the URL: wait for Teams to name it rather than guess (no flash).
  return named || !isFramed() ? readLocalParams().theme : null;
}

export function App() {
  const [boot, setBoot] = useState<Boot>(() => (isFramed() ? { kind: 'connecting' } : { kind: 'local' }));
  const [theme, setTheme] = useState<ThemeName | null>(initialTheme);

  useEffect(() => {
    if (boot.kind !== 'connecting') return;
    let active = true;
    void connectToTeams().then((host) => {
      if (!active) return;
      if (host) {
        setTheme(host.theme);
        host.onThemeChange(setTheme);
        setBoot({ kind: 'teams', host });
      } else {
        setTheme((current) => current ?? 'default');
        setBoot({ kind: 'local' });
      }
    });
    return () => {
      active = false;
    };
  }, [boot.kind]);

  return (
    <Shell theme={theme}>
      {boot.kind === 'connecting' && (
        <main>
          <ConnectingState />
        </main>
      )}
      {boot.kind === 'teams' && <TeamsApp host={boot.host} />}
      {boot.kind === 'local' && <LocalApp theme={theme ?? 'default'} onThemeChange={setTheme} />}
    </Shell>
  );
}
