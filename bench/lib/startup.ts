import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/lib/free-port';
import { isTabBuildStale } from '../../scripts/lib/tab-build';

export interface StartupResult {
  seconds: number;
  /** npm start builds the tab first when tab/dist is missing or stale; that time is then included. */
  tabBuildIncluded: boolean;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Measure 6: from spawning `npx tsx scripts/start.ts --in-memory --no-playground` to /healthz answering 200. */
export async function measureStartup(limitMs = 60_000): Promise<StartupResult> {
  const port = await freePort();
  const tabBuildIncluded = isTabBuildStale(root);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
  // The measured start must start its own Azurite, as `npm start` does on a fresh machine.
  delete env.AZURE_STORAGE_CONNECTION_STRING;
  delete env.AZURE_STORAGE_ACCOUNT_URL;
  delete env.BOT_ID;
  const started = performance.now();
  const child = spawn('npx', ['tsx', 'scripts/start.ts', '--in-memory', '--no-playground'], {
    cwd: root,
    env,
    detached: true, // its own process group, so the whole tree (npx, tsx, node, Azurite) is stopped below
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  try {
    while (performance.now() - started < limitMs) {
      if (exitedEarly)
        throw new Error(`start.ts exited before /healthz answered: ${output.trim().slice(-500)}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
          signal: AbortSignal.timeout(1_000),
        });
        if (response.status === 200) {
          return { seconds: Math.round((performance.now() - started) / 10) / 100, tabBuildIncluded };
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`/healthz did not answer 200 within ${limitMs / 1000} s: ${output.trim().slice(-500)}`);
  } finally {
    await stopGroup(child.pid);
  }
}

async function stopGroup(pid: number | undefined): Promise<void> {
  if (!pid) return;
  // Signal 0 only asks whether any process of the group is left.
  const signal = (name: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-pid, name);
      return true;
    } catch {
      return false; // the group is gone
    }
  };
  signal('SIGINT');
  // The whole group, not only npx: npx may exit while start.ts is still stopping the server and Azurite, and
  // a SIGKILL then would leave Azurite's folder behind.
  const deadline = Date.now() + 5_000;
  while (signal(0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  signal('SIGKILL');
}
