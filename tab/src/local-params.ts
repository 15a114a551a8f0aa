import { toThemeName, type ThemeName } from './theme';
import { toViewName, type ViewName } from './views';

/** Local mode (a plain browser): who and where come from the URL, e.g. `/tab/?team=…&user=…&userName=…`. */
export interface LocalParams {
  teamId: string | null;
  userId: string | null;
  userName: string | null;
  theme: ThemeName;
  view: ViewName;
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
  };
}

/** The local user, when the URL names one: an id, a name or both (the id defaults to the name slugified). */
export function localUser(params: LocalParams): LocalUser | null {
  const userName = params.userName ?? params.userId;
  if (!userName) return null;
  return { userId: params.userId ?? slugify(userName), userName };
}

/** "Ana López" → "ana-lopez". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return slug || 'local-user';
}

/** Reflects the local choice in the address bar (without reloading). `null` removes a parameter. */
export function writeLocalParams(
  changes: Partial<Record<'team' | 'user' | 'userName' | 'theme', string | null>>,
): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  window.history.replaceState(window.history.state, '', url);
}
