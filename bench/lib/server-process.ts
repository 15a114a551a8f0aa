import { startServer } from '../../bot/composition-root';
import { loadConfig } from '../../bot/config';
import { systemClock } from '../../bot/support/clock';
import { createCountingLogger } from './counting-logger';
import {
  serverRequest,
  type ServerMessage,
  type ServerReply,
  type ServerRequestKind,
} from './server-protocol';
import { createRequestCounter } from './storage-counter';

/**
 * The app server of the ballot phase, in a process of its own as in production, so that the bench's
 * client and loopback connector do not take CPU from its JS thread. `forked-server.ts` starts it with
 * Azurite's connection string as its argument and talks to it over IPC (`server-protocol.ts`).
 */

const connectionString = process.argv[2];
if (!process.send || !connectionString)
  throw new Error('server-process.ts is forked by the bench with an IPC channel and a connection string');

function send(message: ServerMessage): Promise<void> {
  return new Promise((resolve, reject) =>
    process.send?.(message, undefined, {}, (error) => (error ? reject(error) : resolve())),
  );
}

const tablePrefix = 'bench';
const counter = createRequestCounter(tablePrefix);
const log = createCountingLogger();
const server = await startServer({
  config: loadConfig({
    AZURE_STORAGE_CONNECTION_STRING: connectionString,
    TABLE_PREFIX: tablePrefix,
    PORT: '0',
    LOG_LEVEL: 'warn',
  }),
  clock: systemClock,
  logger: log.logger,
  schedulerIntervalMs: 0,
  storageClientOptions: { additionalPolicies: [{ policy: counter.policy, position: 'perCall' }] },
});
let closing: Promise<void> | null = null;
const close = () => (closing ??= server.close());

const answers: { [K in ServerRequestKind]: () => Promise<ServerReply<K>> } = {
  'count.start': () => {
    log.reset();
    counter.start();
    return Promise.resolve(null);
  },
  'count.stop': () => {
    counter.stop();
    const storage = { requests: counter.total(), byOperation: counter.byOperation() };
    return Promise.resolve({ storage, log: log.counts() });
  },
  settle: async () => {
    await server.settle();
    return null;
  },
  cpu: () => Promise.resolve(process.cpuUsage()),
  close: async () => {
    await close();
    return null;
  },
};

async function answer(message: unknown): Promise<void> {
  const { id, kind } = serverRequest.parse(message);
  try {
    await send({ type: 'reply', id, value: await answers[kind]() });
  } catch (error: unknown) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await send({ type: 'failed', id, error: text });
  }
  if (kind === 'close') process.disconnect();
}

process.on('message', (message) => void answer(message));
// After a close, or when the bench is gone without asking for one.
process.on('disconnect', () => void close().then(() => process.exit(0)));
await send({ type: 'ready', url: server.url });
