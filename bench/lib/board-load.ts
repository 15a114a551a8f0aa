import { randomUUID } from 'node:crypto';
import { get } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../bot/config';
import { boardReadsSharedMs, startServer, type RunningServer } from '../../bot/composition-root';
import { createSwotItem, type Quadrant, type SwotSession } from '../../bot/domain/boards';
import { createTableSwotBoardStore } from '../../bot/storage/table-board-store';
import { openTableSet } from '../../bot/storage/table-set';
import { systemClock } from '../../bot/support/clock';
import { localTenantId } from '../../bot/teams/create-teams-bot';
import { startAzurite } from '../../scripts/lib/azurite';
import { teamInstall, testUser, type TeamContext } from '../../tests/support/activities';
import { startLoopbackConnector, type LoopbackConnector } from '../../tests/support/loopback-connector';
import { launchBrowser } from '../../tests/support/playground';
import { tabApi } from '../../tests/support/tab-api';
import { buildTab, type BuiltTab } from '../../tests/support/tab-build';
import { percentile, round, runPool } from './stats';

export interface BoardLoadResult {
  items: number;
  /**
   * GET of the whole board over loopback, no If-None-Match: what the server takes to answer it, each
   * GET reading the board from storage (spaced past the window in which requests share a read), and
   * back to back (most of them sharing a read).
   */
  serverMs: { storage: Percentiles; shared: Percentiles };
  /** The board's JSON, and what crosses the wire to a browser that accepts compression. */
  bytes: { json: number; sent: number };
  /** Navigation to the board being usable in headless Chromium, median of the runs. */
  usableMs: { big: number; empty: number; runs: number; bigRuns: number[]; emptyRuns: number[] };
  ratio: number;
}

interface Percentiles {
  p50: number;
  p95: number;
  max: number;
  requests: number;
}

const percentiles = (times: number[]): Percentiles => ({
  p50: round(percentile(times, 50)),
  p95: round(percentile(times, 95)),
  max: round(Math.max(...times)),
  requests: times.length,
});

const tablePrefix = 'benchboard';
const quadrants: readonly Quadrant[] = ['strengths', 'weaknesses', 'opportunities', 'threats'];
const member = testUser('Board Member');

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** A team in the local tenant (the tab's local mode), installed through the bot like a real one. */
async function installTeam(server: RunningServer, connector: LoopbackConnector, name: string) {
  const team: TeamContext = {
    tenantId: localTenantId,
    teamId: `19:${name}@thread.tacv2`,
    teamName: name,
    channelId: `19:${name}@thread.tacv2`,
    serviceUrl: connector.serviceUrl,
  };
  const response = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(teamInstall(team, member)),
  });
  if (response.status !== 200) throw new Error(`install of ${name}: HTTP ${response.status}`);
  const api = tabApi(server.url, team.teamId, member);
  const opened = await api.post<{ session: { id: string } }>('/swot', { title: `${name} SWOT` });
  if (opened.status !== 201) throw new Error(`opening the SWOT session of ${name}: HTTP ${opened.status}`);
  return { team, api, sessionId: opened.body.session.id };
}

/**
 * Items written straight to the board's partition: seeding through the API reads the whole board per
 * item, which would make the setup, not the load, the slow part.
 */
async function seedItems(
  connectionString: string,
  team: TeamContext,
  sessionId: string,
  count: number,
): Promise<void> {
  const tables = await openTableSet({ kind: 'connection-string', connectionString }, tablePrefix);
  const store = createTableSwotBoardStore(tables.table('boards'));
  const ref = { tenantId: team.tenantId, teamId: team.teamId };
  const loaded = await store.load(ref, sessionId);
  if (!loaded) throw new Error('the seeded board is not stored');
  const session: SwotSession = loaded.board.session;
  const actor = { memberId: member.id, name: member.name, isTeamOwner: false };
  await runPool(count, 25, async (index) => {
    const item = createSwotItem(
      session,
      {
        id: randomUUID(),
        quadrant: quadrants[index % quadrants.length] as Quadrant,
        text: `Item ${index + 1}: ${'a board item long enough to look like one a member writes '.slice(0, 40 + (index % 60))}`,
        tag: index % 3 === 0 ? 'root-cause' : index % 3 === 1 ? 'symptom' : null,
        actor,
        now: new Date(Date.now() - (count - index) * 1000).toISOString(),
      },
      [],
    );
    if (!item.ok) throw new Error(`seed item ${index}: ${item.message}`);
    await store.insertItem(ref, item.value);
  });
}

/** One GET as a browser sends it (compression accepted; fetch would inflate the answer): time and bytes sent. */
function getAsBrowser(url: string, headers: Record<string, string>): Promise<{ ms: number; sent: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(url, { headers: { ...headers, 'accept-encoding': 'gzip, deflate, br' } }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`GET ${url}: HTTP ${response.statusCode}`));
      let sent = 0;
      response.on('data', (chunk: Buffer) => (sent += chunk.length));
      response.on('end', () => resolve({ ms: performance.now() - started, sent }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

async function timeGets(
  board: Awaited<ReturnType<typeof installTeam>>,
  serverUrl: string,
  requests: number,
  spacingMs: number,
) {
  const url = `${serverUrl}/api/teams/${encodeURIComponent(board.team.teamId)}/swot/${board.sessionId}`;
  const times: number[] = [];
  let sent = 0;
  for (let index = 0; index < requests; index += 1) {
    if (spacingMs > 0) await new Promise((resolve) => setTimeout(resolve, spacingMs));
    const answer = await getAsBrowser(url, {
      'x-local-user-id': member.id,
      'x-local-user-name': member.name,
    });
    times.push(answer.ms);
    sent = answer.sent;
  }
  return { times, sent };
}

/** Milliseconds from navigation until the board takes input and shows its first item (when it has items). */
async function timeUsable(browser: Browser, url: string, withItems: boolean): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url);
    await page.getByLabel('New item in Strengths').waitFor({ timeout: 20_000 });
    if (withItems) await page.locator('li[data-item-id]').first().waitFor({ timeout: 20_000 });
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

/** Measure 4: a SWOT board of `items` items against an empty one, on the server and in Chromium. */
export async function measureBoardLoad(options: { items: number; runs: number }): Promise<BoardLoadResult> {
  const azurite = await startAzurite();
  let connector: LoopbackConnector | null = null;
  let server: RunningServer | null = null;
  let tab: BuiltTab | null = null;
  let browser: Browser | null = null;
  try {
    tab = await buildTab();
    connector = await startLoopbackConnector();
    connector.setRoster('*', [member]);
    server = await startServer({
      config: loadConfig({
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        TABLE_PREFIX: tablePrefix,
        PORT: '0',
        LOG_LEVEL: 'warn',
      }),
      clock: systemClock,
      logger: silent,
      schedulerIntervalMs: 0,
      tabDirectory: tab.directory,
    });
    const big = await installTeam(server, connector, 'bench-big-board');
    const empty = await installTeam(server, connector, 'bench-empty-board');
    await seedItems(azurite.connectionString, big.team, big.sessionId, options.items);

    const shared = await timeGets(big, server.url, 40, 0);
    const fromStorage = await timeGets(big, server.url, 11, boardReadsSharedMs + 100);
    const json = Buffer.byteLength(JSON.stringify((await big.api.get(`/swot/${big.sessionId}`)).body));
    browser = await launchBrowser();
    const url = (team: TeamContext) =>
      `${server?.url}/tab/?${new URLSearchParams({ team: team.teamId, user: member.id, view: 'swot' })}`;
    // One warm-up each, so neither side pays for the browser's first start.
    await timeUsable(browser, url(empty.team), false);
    await timeUsable(browser, url(big.team), true);
    const bigRuns: number[] = [];
    const emptyRuns: number[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      emptyRuns.push(await timeUsable(browser, url(empty.team), false));
      bigRuns.push(await timeUsable(browser, url(big.team), true));
    }
    const median = (values: number[]) => percentile(values, 50);
    const usable = { big: round(median(bigRuns), 0), empty: round(median(emptyRuns), 0) };
    return {
      items: options.items,
      // The first GETs of each series warm the server's code up.
      serverMs: {
        storage: percentiles(fromStorage.times.slice(1)),
        shared: percentiles(shared.times.slice(5)),
      },
      bytes: { json, sent: shared.sent },
      usableMs: {
        ...usable,
        runs: options.runs,
        bigRuns: bigRuns.map((ms) => round(ms, 0)),
        emptyRuns: emptyRuns.map((ms) => round(ms, 0)),
      },
      ratio: round(usable.big / Math.max(1, usable.empty), 2),
    };
  } finally {
    await browser?.close();
    await server?.close();
    await connector?.close();
    await tab?.remove();
    await azurite.stop();
  }
}
