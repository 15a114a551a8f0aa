import { ConfigError, loadConfig } from './config';
import { startServer } from './composition-root';
import { systemClock } from './support/clock';
import { createLogger } from './support/logger';

/** Production entry: configuration from the environment only (App Service settings). */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  const server = await startServer({ config, clock: systemClock, logger });
  const shutdown = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
