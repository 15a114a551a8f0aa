import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { InlineConfig, UserConfig } from 'vite';

export interface BundleResult {
  tab: { files: Record<string, number>; gzipBytes: number };
  baseline: { files: Record<string, number>; gzipBytes: number };
  ratio: number;
  buildSeconds: number;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const tabConfigFile = join(root, 'tab', 'vite.config.ts');
const baselineRoot = fileURLToPath(new URL('../baseline', import.meta.url));

/** The JS a page loads at once: its module scripts and module preloads, gzipped (as Vite reports them). */
function initialJs(
  outDir: string,
  html: string,
  base: string,
): { files: Record<string, number>; gzipBytes: number } {
  const page = readFileSync(join(outDir, html), 'utf8');
  const references = [
    ...page.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...page.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((match) => match[1] as string);
  const files: Record<string, number> = {};
  for (const reference of new Set(references)) {
    const relative = reference.startsWith(base)
      ? reference.slice(base.length)
      : reference.replace(/^\.?\//, '');
    files[relative] = gzipSync(readFileSync(join(outDir, relative))).length;
  }
  return { files, gzipBytes: Object.values(files).reduce((total, size) => total + size, 0) };
}

/** Measure 5: the built tab's initial JS against a Fluent-only page built with the same Vite options. */
export async function measureBundle(): Promise<BundleResult> {
  const { build, loadConfigFromFile } = await import('vite');
  const started = performance.now();
  const tabOut = mkdtempSync(join(tmpdir(), 'bench-tab-'));
  const baselineOut = mkdtempSync(join(tmpdir(), 'bench-baseline-'));
  try {
    await build({
      configFile: tabConfigFile,
      logLevel: 'silent',
      build: { outDir: tabOut, emptyOutDir: true },
    });
    const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, tabConfigFile);
    if (!loaded) throw new Error(`could not load ${tabConfigFile}`);
    const repo: UserConfig = loaded.config;
    const baseline: InlineConfig = {
      ...repo,
      configFile: false,
      root: baselineRoot,
      logLevel: 'silent',
      build: {
        ...repo.build,
        outDir: baselineOut,
        emptyOutDir: true,
        rollupOptions: {
          ...repo.build?.rollupOptions,
          input: { baseline: join(baselineRoot, 'index.html') },
        },
      },
    };
    await build(baseline);
    const base = repo.base ?? '/';
    const tab = initialJs(tabOut, 'index.html', base);
    const reference = initialJs(baselineOut, 'index.html', base);
    return {
      tab,
      baseline: reference,
      ratio: Math.round((tab.gzipBytes / reference.gzipBytes) * 100) / 100,
      buildSeconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    rmSync(tabOut, { recursive: true, force: true });
    rmSync(baselineOut, { recursive: true, force: true });
  }
}
