import { toThemeName, type ThemeName } from './theme';

/** What the tab learns from Microsoft Teams when it runs inside it. */
export interface TeamsHost {
  /** `team.internalId` — the same `19:…@thread.tacv2` id the bot sees; null outside a team (chat, personal). */
  teamId: string | null;
  teamName: string | null;
  channelName: string | null;
  userName: string | null;
  theme: ThemeName;
  getToken: () => Promise<string>;
  onThemeChange: (handler: (theme: ThemeName) => void) => void;
  notifySuccess: () => void;
}

const INITIALIZE_TIMEOUT_MS = 3000;

export function isFramed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true; // a cross-origin parent denies access to window.top
  }
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('Teams did not answer in time')), ms));
}

async function connect(): Promise<TeamsHost | null> {
  if (!isFramed()) return null;
  // Loaded only when framed, so a plain browser (local mode) never downloads the Teams SDK.
  const { app, authentication } = await import('@microsoft/teams-js');
  try {
    await Promise.race([app.initialize(), timeout(INITIALIZE_TIMEOUT_MS)]);
    const context = await Promise.race([app.getContext(), timeout(INITIALIZE_TIMEOUT_MS)]);
    return {
      teamId: context.team?.internalId ?? null,
      teamName: context.team?.displayName ?? null,
      channelName: context.channel?.displayName ?? null,
      userName: context.user?.displayName ?? context.user?.userPrincipalName ?? null,
      theme: toThemeName(context.app.theme),
      getToken: () => authentication.getAuthToken(),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(toThemeName(theme))),
      notifySuccess: () => void app.notifySuccess().catch(() => undefined),
    };
  } catch {
    return null; // framed by something that is not Teams: fall back to local mode
  }
}

let connection: Promise<TeamsHost | null> | null = null;

/** Connects to Teams once per page; resolves null in a plain browser or a frame that is not Teams. */
export function connectToTeams(): Promise<TeamsHost | null> {
  connection ??= connect();
  return connection;
}
