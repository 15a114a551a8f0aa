import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkIcon, iconRules } from '../../scripts/lib/app-icons';
import { EnvFileError, mergeEnv, parseEnvFile } from '../../scripts/lib/env-file';
import { toJsonPath, validateManifest } from '../../scripts/lib/manifest-schema';
import {
  fillJsonPlaceholders,
  fillPlaceholders,
  listPlaceholders,
  MissingVariablesError,
} from '../../scripts/lib/placeholders';
import { encodeRgbaPng, hasTransparency, readPngHeader } from '../../scripts/lib/png';
import { readZipEntries } from '../../scripts/lib/zip';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);
const tempDirs: string[] = [];

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function packageApp(...args: string[]): Promise<RunResult> {
  try {
    const { stdout, stderr } = await run(tsx, ['scripts/package-app.ts', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

// A throwaway copy of appPackage/ and env/ so a test can break them without touching the real files.
function copyProject(): { appDir: string; envDir: string; outDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lt-package-'));
  tempDirs.push(dir);
  const appDir = join(dir, 'app');
  const envDir = join(dir, 'env');
  cpSync(join(root, 'appPackage'), appDir, {
    recursive: true,
    filter: (source) => !source.includes(`${join('appPackage', 'build')}`),
  });
  cpSync(join(root, 'env'), envDir, { recursive: true, filter: (source) => !source.endsWith('.user') });
  return { appDir, envDir, outDir: join(dir, 'out') };
}

function dirArgs(copy: { appDir: string; envDir: string; outDir: string }): string[] {
  return ['--app-dir', copy.appDir, '--env-dir', copy.envDir, '--out-dir', copy.outDir];
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm run package', () => {
  it('builds appPackage/build/appPackage.local.zip with the manifest and both icons at the root', async () => {
    const result = await packageApp('--env', 'local');
    expect(result.code, result.stderr).toBe(0);

    const entries = readZipEntries(readFileSync(join(root, 'appPackage', 'build', 'appPackage.local.zip')));
    expect(entries.map((entry) => entry.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifestText = entries.find((entry) => entry.name === 'manifest.json')?.data.toString('utf8') ?? '';
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText) as Record<string, unknown>;
    expect(validateManifest(manifest)).toEqual([]);
    expect(manifest.validDomains).toEqual(['localhost:3978']);
    expect(manifest.webApplicationInfo).toEqual({
      id: '00000000-0000-0000-0000-000000000000',
      resource: 'api://localhost:3978/00000000-0000-0000-0000-000000000000',
    });
    expect(readFileSync(join(root, 'appPackage', 'build', 'manifest.local.json'), 'utf8')).toBe(manifestText);
  });

  it('puts icons in the zip that follow the store rules', async () => {
    const copy = copyProject();
    expect((await packageApp('--env', 'local', ...dirArgs(copy))).code).toBe(0);
    const entries = readZipEntries(readFileSync(join(copy.outDir, 'appPackage.local.zip')));
    const icon = (name: string): Buffer =>
      entries.find((entry) => entry.name === name)?.data ?? Buffer.alloc(0);
    expect(checkIcon(icon('color.png'), iconRules.color)).toEqual([]);
    expect(checkIcon(icon('outline.png'), iconRules.outline)).toEqual([]);
  });

  it('fails naming the variable when the env file lacks one', async () => {
    const copy = copyProject();
    const envFile = join(copy.envDir, '.env.local');
    writeFileSync(envFile, readFileSync(envFile, 'utf8').replace(/^BOT_ID=.*$/m, ''));
    const result = await packageApp('--env', 'local', ...dirArgs(copy));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Missing or empty environment variable: BOT_ID');
  });

  it('lets env/.env.<env>.user override the shared env file', async () => {
    const copy = copyProject();
    writeFileSync(
      join(copy.envDir, '.env.local.user'),
      'TEAMS_APP_ID=11111111-2222-3333-4444-555555555555\n',
    );
    expect((await packageApp('--env', 'local', ...dirArgs(copy))).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(copy.outDir, 'manifest.local.json'), 'utf8')) as {
      id: string;
    };
    expect(manifest.id).toBe('11111111-2222-3333-4444-555555555555');
  });

  it('fails naming the JSON path when the manifest breaks the schema', async () => {
    const copy = copyProject();
    const manifestFile = join(copy.appDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      accentColor: string;
      bots: { botId: string }[];
    };
    manifest.accentColor = 'teal';
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const result = await packageApp('--env', 'local', ...dirArgs(copy));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('$.accentColor');
  });

  it('fails when the outline icon has no transparency or the wrong size', async () => {
    const copy = copyProject();
    writeFileSync(
      join(copy.appDir, 'outline.png'),
      encodeRgbaPng(48, 48, new Uint8Array(48 * 48 * 4).fill(255)),
    );
    const result = await packageApp('--env', 'local', ...dirArgs(copy));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('outline icon: must be 32×32 pixels, is 48×48');
    expect(result.stderr).toContain('outline icon: must have a transparent background');
  });

  it('fails clearly for an environment without an env file', async () => {
    const copy = copyProject();
    const result = await packageApp('--env', 'staging', ...dirArgs(copy));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Environment file for "staging" not found/);
  });
});

describe('env files', () => {
  it('parses KEY=VALUE lines, comments, quotes and export prefixes', () => {
    const env = parseEnvFile('# comment\n\nA=1\nexport B = two words # note\nC=" (local)"\nD=\'x#y\'\nE=\n');
    expect(env).toEqual({ A: '1', B: 'two words', C: ' (local)', D: 'x#y', E: '' });
  });

  it('names the file and line of a malformed line', () => {
    expect(() => parseEnvFile('A=1\nnot an assignment', '.env.test')).toThrow(EnvFileError);
    expect(() => parseEnvFile('A=1\nnot an assignment', '.env.test')).toThrow('.env.test:2');
  });

  it('lets later layers win', () => {
    expect(mergeEnv({ A: '1', B: '1' }, { B: '2' })).toEqual({ A: '1', B: '2' });
  });

  it('parses the committed env files and defines every manifest placeholder', () => {
    const template = readFileSync(join(root, 'appPackage', 'manifest.json'), 'utf8');
    for (const name of ['local', 'dev']) {
      const env = parseEnvFile(readFileSync(join(root, 'env', `.env.${name}`), 'utf8'));
      expect(listPlaceholders(template).filter((key) => !(key in env))).toEqual([]);
    }
  });
});

describe('placeholders', () => {
  it('fills ${{VAR}} and lists every missing or empty variable at once', () => {
    expect(fillPlaceholders('${{A}}-${{ B }}', { A: 'x', B: 'y' })).toBe('x-y');
    expect(() => fillPlaceholders('${{A}}${{B}}${{C}}', { B: '' })).toThrow(
      new MissingVariablesError(['A', 'B', 'C']),
    );
    expect(fillPlaceholders('name${{S}}', { S: '' }, { mayBeEmpty: ['S'] })).toBe('name');
  });

  it('escapes values placed inside JSON strings', () => {
    const filled = fillJsonPlaceholders('{"name":"${{N}}"}', { N: 'a "quoted" \\ name' });
    expect(JSON.parse(filled)).toEqual({ name: 'a "quoted" \\ name' });
  });
});

describe('png', () => {
  it('reads the size and colour type from IHDR and finds transparency', () => {
    const clear = encodeRgbaPng(2, 1, new Uint8Array([255, 255, 255, 255, 255, 255, 255, 0]));
    const opaque = encodeRgbaPng(2, 1, new Uint8Array([1, 2, 3, 255, 4, 5, 6, 255]));
    expect(readPngHeader(clear)).toEqual({ width: 2, height: 1, bitDepth: 8, colorType: 6, interlace: 0 });
    expect(hasTransparency(clear)).toBe(true);
    expect(hasTransparency(opaque)).toBe(false);
  });

  it('answers null for bytes that are not a PNG', () => {
    expect(readPngHeader(Buffer.from('not a png'))).toBeNull();
    expect(checkIcon(Buffer.from('not a png'), iconRules.color)).toEqual(['color icon: not a PNG file']);
  });

  it('renders JSON paths for schema problems', () => {
    expect(toJsonPath(['bots', '0', 'commandLists', '1'])).toBe('$.bots[0].commandLists[1]');
    expect(toJsonPath(['odd key'])).toBe('$["odd key"]');
  });
});
