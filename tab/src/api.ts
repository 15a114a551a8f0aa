/** The tab's one API client: adds the caller's identity to every request and turns error bodies into ApiError. */

export type Identity =
  { kind: 'teams'; getToken: () => Promise<string> } | { kind: 'local'; userId: string; userName: string };

export interface TeamSummary {
  id: string;
  name: string;
}

export interface Priority {
  title: string;
}

export interface Decision {
  id: string | null;
  title: string;
  /** ISO 8601 timestamp. */
  decidedAt: string;
}

/** The team's adopted vision, as the overview gives it for the banner above every view. */
export interface VisionSummary {
  text: string;
  /** ISO 8601 timestamp. */
  adoptedAt: string;
}

/** A candidate the vote did not choose, kept to come back to. */
export interface WatchListEntry {
  title: string;
  place: number;
}

export interface TeamView {
  team: TeamSummary;
  priority: Priority | null;
  /** By place in the vote that chose the priority. */
  watchList: WatchListEntry[];
  vision: VisionSummary | null;
  /** Newest first. */
  decisions: Decision[];
}

export interface Directory {
  teams: TeamSummary[];
}

/** A member of a team's Teams roster (local mode's "Act as" list). */
export interface Member {
  id: string;
  name: string;
}

/** Codes the server sends (`not_found`, `unauthorized`, `forbidden`, …) plus the client's own below. */
export type ClientErrorCode = 'network' | 'invalid_response' | 'auth_unavailable';

/** What an error body can carry beyond its message. */
export interface ApiErrorDetails {
  /** The input at fault, e.g. `text` or `If-Match`. */
  field?: string;
  /** On a stale write (412): the row as it is now, null when it was deleted; absent otherwise. */
  current?: unknown;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function toTeamSummary(value: unknown): TeamSummary | null {
  if (!isRecord(value) || !isNonEmptyString(value.id) || typeof value.name !== 'string') return null;
  return { id: value.id, name: value.name };
}

function toDecision(value: unknown): Decision | null {
  if (!isRecord(value) || !isNonEmptyString(value.title) || !isNonEmptyString(value.decidedAt)) return null;
  return {
    id: typeof value.id === 'string' ? value.id : null,
    title: value.title,
    decidedAt: value.decidedAt,
  };
}

function toPriority(value: unknown): Priority | null | undefined {
  if (value === null) return null;
  if (!isRecord(value) || !isNonEmptyString(value.title)) return undefined;
  return { title: value.title };
}

function toVisionSummary(value: unknown): VisionSummary | null | undefined {
  if (value === null || value === undefined) return null;
  if (!isRecord(value) || !isNonEmptyString(value.text) || typeof value.adoptedAt !== 'string')
    return undefined;
  return { text: value.text, adoptedAt: value.adoptedAt };
}

function toWatchList(value: unknown): WatchListEntry[] {
  // An older server sends none: an empty watch list, not an unreadable answer.
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (entry): entry is { title: string; place: number } =>
        isRecord(entry) && isNonEmptyString(entry.title) && typeof entry.place === 'number',
    )
    .map((entry) => ({ title: entry.title, place: entry.place }))
    .sort((a, b) => a.place - b.place);
}

function newestFirst(a: Decision, b: Decision): number {
  const at = Date.parse(a.decidedAt);
  const bt = Date.parse(b.decidedAt);
  return (Number.isNaN(bt) ? 0 : bt) - (Number.isNaN(at) ? 0 : at);
}

/** Parses `GET /api/teams/:teamId`; null when the body does not have the expected shape. */
export function parseTeamView(value: unknown): TeamView | null {
  if (!isRecord(value)) return null;
  const team = toTeamSummary(value.team);
  const priority = toPriority(value.priority ?? null);
  const vision = toVisionSummary(value.vision);
  if (!team || priority === undefined || vision === undefined || !Array.isArray(value.decisions)) return null;
  const decisions: Decision[] = [];
  for (const item of value.decisions) {
    const decision = toDecision(item);
    if (!decision) return null;
    decisions.push(decision);
  }
  return {
    team,
    priority,
    watchList: toWatchList(value.watchList),
    vision,
    decisions: decisions.sort(newestFirst),
  };
}

/** Parses `GET /api/local/directory`; null when the body does not have the expected shape. */
export function parseDirectory(value: unknown): Directory | null {
  if (!isRecord(value) || !Array.isArray(value.teams)) return null;
  const teams: TeamSummary[] = [];
  for (const item of value.teams) {
    const team = toTeamSummary(item);
    if (!team) return null;
    teams.push(team);
  }
  return { teams };
}

/** Parses `GET /api/local/teams/:teamId/members`; null when the body does not have the expected shape. */
export function parseMembers(value: unknown): Member[] | null {
  if (!isRecord(value) || !Array.isArray(value.members)) return null;
  const members: Member[] = [];
  for (const item of value.members) {
    if (!isRecord(item) || !isNonEmptyString(item.id) || typeof item.name !== 'string') return null;
    members.push({ id: item.id, name: item.name || item.id });
  }
  return members;
}

function parseErrorBody(status: number, body: unknown): ApiError {
  if (isRecord(body) && isRecord(body.error)) {
    const { code, message, field } = body.error;
    if (isNonEmptyString(code)) {
      return new ApiError(status, code, isNonEmptyString(message) ? message : `Request failed (${status}).`, {
        ...(isNonEmptyString(field) ? { field } : {}),
        ...('current' in body ? { current: body.current } : {}),
      });
    }
  }
  return new ApiError(status, `http_${status}`, `The server answered ${status}.`);
}

/** Header values travel as Latin-1: a name beyond it (e.g. "Łucja", "李") is sent percent-encoded. */
function headerSafe(value: string): string {
  return /^[\x20-\x7e\xa0-\xff]*$/.test(value) ? value : encodeURIComponent(value);
}

async function identityHeaders(identity: Identity | null): Promise<Record<string, string>> {
  if (!identity) return {};
  if (identity.kind === 'local') {
    return {
      'X-Local-User-Id': headerSafe(identity.userId),
      'X-Local-User-Name': headerSafe(identity.userName),
    };
  }
  try {
    return { Authorization: `Bearer ${await identity.getToken()}` };
  } catch {
    throw new ApiError(0, 'auth_unavailable', 'Microsoft Teams could not sign you in to Leading Together.');
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text(), withoutDirectionOverrides) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Drops invisible direction overrides from every string the API answers, as the cards do: they would
 * make a member's text read as something else ("fdp.exe" shown as "exe.pdf").
 */
function withoutDirectionOverrides(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/[\u202A-\u202E\u2066-\u2069]/g, '') : value;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Sends one request with the caller's identity and answers the raw response, whatever its status;
 * only a request that got no answer at all throws (ApiError `network`, or the abort).
 */
export async function sendRequest(
  identity: Identity | null,
  path: string,
  options: RequestOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...(await identityHeaders(identity)),
    ...options.headers,
  };
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      signal: options.signal ?? null,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'Leading Together could not be reached. Check your connection.');
  }
}

/** The error a failed response stands for, from its `{ error: { code, message, field }, current? }` body. */
export async function responseError(response: Response): Promise<ApiError> {
  return parseErrorBody(response.status, await readJson(response));
}

/** Parses a successful JSON body, or throws `invalid_response`. */
export async function parsedBody<T>(response: Response, parse: (body: unknown) => T | null): Promise<T> {
  const parsed = parse(await readJson(response));
  if (parsed === null) {
    throw new ApiError(
      response.status,
      'invalid_response',
      'The server sent an answer the tab does not understand.',
    );
  }
  return parsed;
}

/** Sends one request and answers its parsed body; a failed response throws its ApiError. */
export async function requestJson<T>(
  identity: Identity | null,
  path: string,
  options: RequestOptions,
  parse: (body: unknown) => T | null,
): Promise<T> {
  const response = await sendRequest(identity, path, options);
  if (!response.ok) throw await responseError(response);
  return parsedBody(response, parse);
}

function getJson<T>(
  path: string,
  identity: Identity | null,
  parse: (body: unknown) => T | null,
  signal?: AbortSignal,
): Promise<T> {
  return requestJson(identity, path, signal ? { signal } : {}, parse);
}

export interface ApiClient {
  /** Who calls: the SWOT board builds its own client from it. */
  identity: Identity;
  getTeam(teamId: string, signal?: AbortSignal): Promise<TeamView>;
}

export function createApiClient(identity: Identity): ApiClient {
  return {
    identity,
    getTeam: (teamId, signal) =>
      getJson(`/api/teams/${encodeURIComponent(teamId)}`, identity, parseTeamView, signal),
  };
}

/** Local mode only: the teams where the bot is installed. */
export function getLocalDirectory(signal?: AbortSignal): Promise<Directory> {
  return getJson('/api/local/directory', null, parseDirectory, signal);
}

/** Local mode only: the members of a team's Teams roster, whom a local user may act as. */
export function getLocalMembers(teamId: string, signal?: AbortSignal): Promise<Member[]> {
  return getJson(`/api/local/teams/${encodeURIComponent(teamId)}/members`, null, parseMembers, signal);
}

/** Any failure as an ApiError, so the tab always has a message to show. */
export function toApiError(error: unknown, message = 'Something went wrong. Nothing was changed.'): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', message);
}
