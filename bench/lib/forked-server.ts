import { fork } from 'node:child_process';
import { z } from 'zod';
import {
  serverMessage,
  serverReplies,
  type ServerRequest,
  type ServerReply,
  type ServerRequestKind,
} from './server-protocol';

/** The app server process of the ballot phase (`server-process.ts`), as the bench sees it. */
export interface ForkedServer {
  url: string;
  /** Asks the server process something; rejects with its output if it fails, exits or is too slow. */
  request<K extends ServerRequestKind>(kind: K): Promise<ServerReply<K>>;
  /** Closes the server and waits for its process to exit, killing it if it does not. */
  close(): Promise<void>;
  /** Resolves, with its output, if the process exits without being asked to close. */
  died: Promise<Error>;
}

const entry = new URL('./server-process.ts', import.meta.url);
const readyTimeoutMs = 60_000;
const requestTimeoutMs = 10_000;
// The card-update queue may hold a few coalesced updates, spaced a second apart.
const timeoutsMs: Partial<Record<ServerRequestKind, number>> = { settle: 120_000 };
const outputKept = 8_000;

/** Someone waiting for message `id`: the ready notice (0) or the answer to a request. */
interface Waiter {
  what: string;
  accept(value: unknown): void;
  reject(error: Error): void;
}

/** Forks the app server with tsx as its loader, against the given Azurite, and waits until it listens. */
export async function forkServer(connectionString: string): Promise<ForkedServer> {
  const child = fork(entry, [connectionString], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-outputKept));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const failure = (why: string) =>
    new Error(`the bench's server process ${why}; its output:\n${output.trim() || '(none)'}`);

  const waiters = new Map<number, Waiter>();
  let gone: Error | null = null;
  let closing = false;
  let reportDeath: (error: Error) => void = () => {};
  const died = new Promise<Error>((resolve) => (reportDeath = resolve));
  const failAll = (error: Error) => {
    gone ??= error;
    for (const waiter of waiters.values()) waiter.reject(error);
    waiters.clear();
  };
  // 'close' comes after the exit and the end of its output, so the error can quote all of it.
  const closed = new Promise<void>((resolve) =>
    child.once('close', (code, signal) => {
      failAll(failure(`exited (${signal ?? `code ${code}`})`));
      if (!closing) reportDeath(gone ?? failure('exited'));
      resolve();
    }),
  );
  child.on('error', (error) => failAll(failure(`failed: ${error.message}`)));
  child.on('message', (raw) => {
    const message = serverMessage.safeParse(raw);
    if (!message.success) {
      failAll(failure(`sent a malformed message: ${message.error.message}`));
      child.kill('SIGKILL');
      return;
    }
    const id = message.data.type === 'ready' ? 0 : message.data.id;
    const waiter = waiters.get(id);
    if (!waiter) return; // answered after its timeout
    waiters.delete(id);
    if (message.data.type === 'failed')
      waiter.reject(failure(`could not answer ${waiter.what}: ${message.data.error}`));
    else waiter.accept(message.data.type === 'ready' ? message.data.url : message.data.value);
  });

  const wait = <T>(id: number, what: string, schema: z.ZodType<T>, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      if (gone) {
        reject(gone);
        return;
      }
      const timer = setTimeout(() => {
        waiters.delete(id);
        reject(failure(`did not answer ${what} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      waiters.set(id, {
        what,
        accept(value) {
          clearTimeout(timer);
          const parsed = schema.safeParse(value);
          if (parsed.success) resolve(parsed.data);
          else reject(failure(`answered ${what} with ${JSON.stringify(value)}: ${parsed.error.message}`));
        },
        reject(error) {
          clearTimeout(timer);
          reject(error);
        },
      });
    });

  let nextId = 1;
  const request = <K extends ServerRequestKind>(kind: K): Promise<ServerReply<K>> => {
    const id = nextId++;
    const schema: z.ZodType<ServerReply<K>> = serverReplies[kind];
    const answer = wait(id, `"${kind}"`, schema, timeoutsMs[kind] ?? requestTimeoutMs);
    if (!gone) child.send({ id, kind } satisfies ServerRequest);
    return answer;
  };
  const close = async () => {
    closing = true;
    const force = setTimeout(() => child.kill('SIGKILL'), requestTimeoutMs + 5_000);
    // A server that cannot close cleanly is killed: the run is over either way.
    if (!gone) await request('close').catch(() => child.kill('SIGKILL'));
    await closed;
    clearTimeout(force);
  };

  try {
    // The envelope's schema has checked the URL already.
    const url = await wait(0, 'whether it is ready', z.string(), readyTimeoutMs);
    return { url, request, close, died };
  } catch (error: unknown) {
    child.kill('SIGKILL');
    throw error;
  }
}
