import { toThemeName, type ThemeName } from './theme';
import { PERSONAL_VIEW, toViewName, type ViewName } from './views';

/** Local mode (a plain browser): who and where come from the URL, e.g. `/tab/?team=…&user=…&view=swot`. */
export interface LocalParams {
  teamId: string | null;
  userId: string | null;
  userName: string | null;
  theme: ThemeName;
  view: ViewName;
  /** `?view=personal`: the member's own page across their teams, not one team's. */
  personal: boolean;
}

export interface LocalUser {
  userId: string;
  userName: string;
}

function text(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim();
  return value ? value : null;
}

export function readLocalParams(search: string = window.location.search): LocalParams {
  const params = new URLSearchParams(search);
  return {
    teamId: text(params, 'team'),
    userId: text(params, 'user'),
    userName: text(params, 'userName'),
    theme: toThemeName(params.get('theme')),
    view: toViewName(params.get('view')),
    personal: params.get('view') === PERSONAL_VIEW,
  };
}

/**
 * The local user, when the URL names one: `user` is a member id of the team's Teams roster (the server
 * checks it), `userName` only labels it until the roster's name is known.
 */
export function localUser(params: LocalParams): LocalUser | null {
  if (!params.userId) return null;
  return { userId: params.userId, userName: params.userName ?? params.userId };
}

/** Reflects the local choice in the address bar (without reloading). `null` removes a parameter. */
export function writeLocalParams(
  changes: Partial<Record<'team' | 'user' | 'userName' | 'theme' | 'view', string | null>>,
): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  window.history.replaceState(window.history.state, '', url);
}
