import { inject } from 'vitest';
import type { TableServiceClientOptions } from '@azure/data-tables';
import type { JWTVerifyGetKey } from 'jose';
import type { TeamsAdapterOverrides } from '../../bot/teams/create-teams-bot';
import { randomBytes } from 'node:crypto';
import { loadConfig, type AppConfig } from '../../bot/config';
import { startServer } from '../../bot/composition-root';
import type { Clock } from '../../bot/support/clock';
import { createLogger, silentLogger, type Logger } from '../../bot/support/logger';
import { systemClock } from '../../bot/support/clock';
import { teamInstall, testUser, type TeamContext } from './activities';
import { startLoopbackConnector, type LoopbackConnector } from './loopback-connector';

export interface TestApp {
  baseUrl: string;
  config: AppConfig;
  connector: LoopbackConnector;
  tablePrefix: string;
  /** POSTs an activity to /api/messages as the Bot Connector does. */
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  /** Adds the app to a team (conversationUpdate) and waits for the welcome card. */
  installInTeam(options: { teamId: string; teamName: string; tenantId?: string }): Promise<TeamContext>;
  team(options: { teamId: string; teamName: string; tenantId?: string }): TeamContext;
  /** Runs the scheduler's due jobs now (its timer is off in tests). */
  runDueJobs(): Promise<number>;
  /** Waits until queued card updates have been sent. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: Clock;
  logger?: Logger;
  env?: Record<string, string>;
  /** Reuse tables across restarts of the app in one test. */
  tablePrefix?: string;
  connector?: LoopbackConnector;
  tabDirectory?: string;
  /** Bot Framework authentication against local keys (see ServerOptions). */
  botAuthentication?: TeamsAdapterOverrides;
  ssoKeys?: JWTVerifyGetKey;
  /** A storage emulator of the test's own (the run's shared Azurite otherwise). */
  connectionString?: string;
  /** Pipeline policies on the Table client: a fault layer, a request counter. */
  storageClientOptions?: TableServiceClientOptions;
}

/** A table prefix no other test uses, so tests share one Azurite without seeing each other's rows. */
export function uniqueTablePrefix(): string {
  return `t${randomBytes(6).toString('hex')}`;
}

/** Starts the real server on a free port against the run's Azurite, with a loopback Bot Connector. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const connector = options.connector ?? (await startLoopbackConnector());
  const tablePrefix = options.tablePrefix ?? uniqueTablePrefix();
  const config = loadConfig({
    AZURE_STORAGE_CONNECTION_STRING: options.connectionString ?? inject('azuriteConnectionString'),
    TABLE_PREFIX: tablePrefix,
    PORT: '0',
    ...options.env,
  });
  const server = await startServer({
    config,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? (process.env.TEST_LOG ? createLogger({ level: 'debug' }) : silentLogger),
    schedulerIntervalMs: 0,
    ...(options.botAuthentication ? { botAuthentication: options.botAuthentication } : {}),
    ...(options.ssoKeys ? { ssoKeys: options.ssoKeys } : {}),
    ...(options.tabDirectory ? { tabDirectory: options.tabDirectory } : {}),
    ...(options.storageClientOptions ? { storageClientOptions: options.storageClientOptions } : {}),
  });
  const post = async (activity: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof activity === 'string' ? activity : JSON.stringify(activity),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (error: unknown) {
      if (!(error instanceof SyntaxError)) throw error;
    }
    return { status: response.status, body };
  };
  const team = (o: { teamId: string; teamName: string; tenantId?: string }): TeamContext => ({
    tenantId: o.tenantId ?? 'tenant-1',
    teamId: o.teamId,
    teamName: o.teamName,
    channelId: o.teamId,
    serviceUrl: connector.serviceUrl,
  });
  return {
    baseUrl: server.url,
    config,
    connector,
    tablePrefix,
    post,
    team,
    runDueJobs: () => server.runDueJobs(),
    settle: () => server.settle(),
    async installInTeam(o) {
      const context = team(o);
      const before = connector.calls.length;
      const result = await post(teamInstall(context, testUser('Installer')));
      if (result.status !== 200)
        throw new Error(`install failed: ${result.status} ${JSON.stringify(result.body)}`);
      await connector.waitFor((calls) => calls.length > before);
      return context;
    },
    async close() {
      await server.close();
      if (!options.connector) await connector.close();
    },
  };
}
