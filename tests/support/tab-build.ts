import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const TAB_CONFIG = fileURLToPath(new URL('../../tab/vite.config.ts', import.meta.url));

/** The tab built for a browser test, in a directory of its own (never tab/dist, which others may be building). */
export interface BuiltTab {
  directory: string;
  remove(): Promise<void>;
}

export async function buildTab(): Promise<BuiltTab> {
  const directory = await mkdtemp(join(tmpdir(), 'lt-tab-'));
  // vitest sets NODE_ENV=test, which would bundle React's development build: build as production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: TAB_CONFIG,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: directory, emptyOutDir: true },
    });
  } finally {
    // Assigning undefined would store the string "undefined", and a later build would bundle React's
    // development build (the bench builds the tab again after its board phase).
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return { directory, remove: () => rm(directory, { recursive: true, force: true }) };
}
