import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TableServiceClientOptions } from '@azure/data-tables';
import type { AppConfig } from './config';
import { createCallerIdentity } from './http/caller-identity';
import { createHealthCheck } from './http/health';
import { createHttpApp } from './http/create-http-app';
import { openTableSet } from './storage/table-set';
import { createTableActivityLedger } from './storage/table-activity-ledger';
import { createTableConversationStore } from './storage/table-conversation-store';
import { createTableTeamStore } from './storage/table-team-store';
import type { Clock } from './support/clock';
import type { Logger } from './support/logger';
import { createTeamsBot, localTenantId } from './teams/create-teams-bot';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServerOptions {
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  /** Hooks for tests and benchmarks (a fault layer, a transaction counter) on the storage client. */
  storageClientOptions?: TableServiceClientOptions;
  tabDirectory?: string;
}

const defaultTabDirectory = fileURLToPath(new URL('../tab/dist', import.meta.url));

/** The composition root: wires storage, the Teams bot and the HTTP app, then listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, clock, logger } = options;
  const tables = await openTableSet(config.storage, config.tablePrefix, options.storageClientOptions);
  const teams = createTableTeamStore(tables.table('teams'));
  const conversations = createTableConversationStore(tables.table('conversations'));
  const ledger = createTableActivityLedger(tables.table('activities'), () => clock.now());

  const bot = createTeamsBot({ config, teams, conversations, ledger, clock, logger, commands: [] });
  const app = createHttpApp({
    config,
    logger,
    bot,
    teams,
    health: createHealthCheck(() => tables.ping(), clock),
    identifyCaller: createCallerIdentity(config, localTenantId),
    tabDirectory: options.tabDirectory ?? defaultTabDirectory,
  });

  const server = createServer(app);
  await listen(server, config.port, config.host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info('server listening', { url, localMode: config.localMode });
  if (config.localMode) {
    logger.warn(
      'local mode: no Bot Framework or Teams SSO authentication; never expose this server beyond this machine',
    );
  }
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
