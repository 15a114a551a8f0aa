import { useEffect, useState } from 'react';
import { ConfigOutsideTeams, ConfigPage } from './components/ConfigPage';
import { ConnectingState } from './components/ConnectingState';
import { Shell } from './components/Shell';
import { loadConfigApi, type ConfigApi } from './teams-config';
import { connectToTeams, isFramed } from './teams-host';
import { toThemeName, type ThemeName } from './theme';

type Boot = { kind: 'connecting' } | { kind: 'teams'; api: ConfigApi } | { kind: 'outside' };

export function ConfigApp() {
  const [boot, setBoot] = useState<Boot>(() => (isFramed() ? { kind: 'connecting' } : { kind: 'outside' }));
  const [theme, setTheme] = useState<ThemeName | null>(() =>
    isFramed() ? null : toThemeName(new URLSearchParams(window.location.search).get('theme')),
  );

  useEffect(() => {
    if (boot.kind !== 'connecting') return;
    let active = true;
    void connectToTeams().then(async (host) => {
      const api = host ? await loadConfigApi() : null;
      if (!active) return;
      if (host && api) {
        setTheme(host.theme);
        host.onThemeChange(setTheme);
        host.notifySuccess();
        setBoot({ kind: 'teams', api });
      } else {
        setTheme('default');
        setBoot({ kind: 'outside' });
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
      {boot.kind === 'teams' && <ConfigPage api={boot.api} />}
      {boot.kind === 'outside' && <ConfigOutsideTeams />}
    </Shell>
  );
}
