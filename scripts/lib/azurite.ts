import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { azuriteConnectionString } from '../../bot/storage/table-set';
import { freePort } from './free-port';

export interface RunningAzurite {
  port: number;
  connectionString: string;
  /** Stops the emulator (SIGINT, then SIGKILL); with a location the data stays on disk. */
  stop(): Promise<void>;
  /** Kills it at once, as a crash would. */
  kill(): void;
  process: ChildProcess;
}

export interface AzuriteOptions {
  /** Folder for persisted data; omitted means in memory. */
  location?: string;
  port?: number;
}

const require = createRequire(import.meta.url);

/** Starts Azurite's table service on a free loopback port with telemetry off. */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = options.port ?? (await freePort());
    try {
      return await startOn(port, options.location);
    } catch (error: unknown) {
      lastError = error;
      if (options.port) break;
    }
  }
  throw lastError instanceof Error ? lastError : new Error('Azurite did not start');
}

async function startOn(port: number, location: string | undefined): Promise<RunningAzurite> {
  const main = require.resolve('azurite/dist/src/table/main.js');
  const args = [
    main,
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--silent',
  ];
  if (location) {
    mkdirSync(location, { recursive: true });
    args.push('--location', location);
  } else {
    args.push('--inMemoryPersistence');
  }
  // Azurite drops small state files in its working folder even in memory; keep them out of the project.
  const cwd = location ?? mkdtempSync(join(tmpdir(), 'azurite-'));
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const removeFolder = (): void => {
    if (!location) rmSync(cwd, { recursive: true, force: true });
  };
  child.once('exit', removeFolder);
  // A parent that ends without stopping it (an uncaught error, a closed output pipe) takes it along, and
  // its folder: the child's exit would come after the parent's, with no one left to remove it.
  const onParentExit = (): void => {
    child.kill('SIGKILL');
    removeFolder();
  };
  process.once('exit', onParentExit);
  child.once('exit', () => process.removeListener('exit', onParentExit));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('successfully started')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Azurite exited with code ${code}: ${output.trim()}`)));
    setTimeout(
      () => reject(new Error(`Azurite did not start within 20 s: ${output.trim()}`)),
      20_000,
    ).unref();
  });
  return {
    port,
    connectionString: azuriteConnectionString(port),
    process: child,
    kill: () => child.kill('SIGKILL'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGINT');
      }),
  };
}
