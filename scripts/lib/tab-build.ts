import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under a folder (files only). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

/** True when tab/dist is missing or older than any tab source, so `npm start` only builds when needed. */
export function isTabBuildStale(root: string): boolean {
  const built = join(root, 'tab', 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src', 'index.html', 'config.html', 'vite.config.ts', 'public'].map((name) =>
    join(root, 'tab', name),
  );
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

/** Builds the tab with Vite's API (same config as `npm run build`). */
export async function buildTab(root: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'tab', 'vite.config.ts'), logLevel: 'warn' });
}
