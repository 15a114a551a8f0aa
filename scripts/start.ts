import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../bot/config';
import { startServer, type RunningServer } from '../bot/composition-root';
import { systemClock } from '../bot/support/clock';
import { createLogger } from '../bot/support/logger';
import { startAzurite, type RunningAzurite } from './lib/azurite';
import { startPlayground, type RunningPlayground } from './lib/playground';
import { buildTab, isTabBuildStale } from './lib/tab-build';

/**
 * `npm start`: everything a newcomer needs in one process tree — Azurite (unless real storage is
 * configured), the app server with the built tab, and the Agents Playground (unless bot credentials are set).
 * Flags: --in-memory (throwaway data), --no-playground.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const inMemory = args.has('--in-memory') || process.env.LT_IN_MEMORY === '1';

async function main(): Promise<void> {
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  const onSignal = () => {
    console.log('\nStopping…');
    void stopAll().then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const env: Record<string, string | undefined> = { ...process.env };
    let azurite: RunningAzurite | null = null;
    if (!env.AZURE_STORAGE_CONNECTION_STRING && !env.AZURE_STORAGE_ACCOUNT_URL) {
      azurite = await startAzurite(inMemory ? {} : { location: join(root, '.data', 'azurite') });
      stops.push(() => azurite?.stop() ?? Promise.resolve());
      env.AZURE_STORAGE_CONNECTION_STRING = azurite.connectionString;
    }
    const config = loadConfig(env);

    if (isTabBuildStale(root)) {
      console.log('Building the tab…');
      await buildTab(root);
    }

    const logger = createLogger({ level: config.logLevel });
    const server: RunningServer = await startServer({ config, clock: systemClock, logger });
    stops.push(() => server.close());

    let playground: RunningPlayground | null = null;
    if (!config.bot && !args.has('--no-playground')) {
      playground = await startPlayground({ botEndpoint: `${server.url}/api/messages` });
      stops.push(() => playground?.stop() ?? Promise.resolve());
    }

    const lines = [
      '',
      'Leading Together is running.',
      `  App server       ${server.url}  (bot endpoint ${server.url}/api/messages)`,
      `  Tab              ${server.url}/tab/${config.localMode ? '  (local mode: pick a team and a name)' : ''}`,
      `  Health           ${server.url}/healthz`,
      playground ? `  Agents Playground ${playground.url}  ← open this to talk to the bot` : null,
      azurite
        ? `  Azurite (tables) http://127.0.0.1:${azurite.port}  (${inMemory ? 'in memory: data is thrown away on exit' : 'data in .data/azurite'})`
        : `  Storage          ${config.storage.kind === 'connection-string' ? 'from AZURE_STORAGE_CONNECTION_STRING' : config.storage.accountUrl}`,
      '',
      'Press Ctrl+C to stop.',
    ];
    console.log(lines.filter((line) => line !== null).join('\n'));
  } catch (error: unknown) {
    console.error(error instanceof ConfigError ? error.message : error);
    await stopAll();
    process.exit(1);
  }
}

void main();
