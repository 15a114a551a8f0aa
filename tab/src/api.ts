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

export interface TeamView {
  team: TeamSummary;
  priority: Priority | null;
  /** Newest first. */
  decisions: Decision[];
}

export interface Directory {
  teams: TeamSummary[];
}

/** Codes the server sends (`not_found`, `unauthorized`, `forbidden`, …) plus the client's own below. */
export type ClientErrorCode = 'network' | 'invalid_response' | 'auth_unavailable';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly code: string,
    message: string,
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
  if (!team || priority === undefined || !Array.isArray(value.decisions)) return null;
  const decisions: Decision[] = [];
  for (const item of value.decisions) {
    const decision = toDecision(item);
    if (!decision) return null;
    decisions.push(decision);
  }
  return { team, priority, decisions: decisions.sort(newestFirst) };
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

function parseErrorBody(status: number, body: unknown): ApiError {
  if (isRecord(body) && isRecord(body.error)) {
    const { code, message } = body.error;
    if (isNonEmptyString(code)) {
      return new ApiError(status, code, isNonEmptyString(message) ? message : `Request failed (${status}).`);
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
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

async function getJson<T>(
  path: string,
  identity: Identity | null,
  parse: (body: unknown) => T | null,
  signal?: AbortSignal,
): Promise<T> {
  const headers = { Accept: 'application/json', ...(await identityHeaders(identity)) };
  let response: Response;
  try {
    response = await fetch(path, { headers, signal: signal ?? null, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'Leading Together could not be reached. Check your connection.');
  }
  const body = await readJson(response);
  if (!response.ok) throw parseErrorBody(response.status, body);
  const parsed = parse(body);
  if (parsed === null) {
    throw new ApiError(
      response.status,
      'invalid_response',
      'The server sent an answer the tab does not understand.',
    );
  }
  return parsed;
}

export interface ApiClient {
  getTeam(teamId: string, signal?: AbortSignal): Promise<TeamView>;
}

export function createApiClient(identity: Identity): ApiClient {
  return {
    getTeam: (teamId, signal) =>
      getJson(`/api/teams/${encodeURIComponent(teamId)}`, identity, parseTeamView, signal),
  };
}

/** Local mode only: the teams where the bot is installed. */
export function getLocalDirectory(signal?: AbortSignal): Promise<Directory> {
  return getJson('/api/local/directory', null, parseDirectory, signal);
}
