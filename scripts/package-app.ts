// Builds the Teams app package for one environment: `npm run package -- --env local|dev [--app-dir DIR] [--env-dir DIR]`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkIcon, iconRules, type IconRule } from './lib/app-icons';
import { EnvFileError, mergeEnv, parseEnvFile } from './lib/env-file';
import { formatProblems, validateManifest } from './lib/manifest-schema';
import { fillJsonPlaceholders, MissingVariablesError } from './lib/placeholders';
import { writeZip } from './lib/zip';

/** A failure the user can fix; printed without a stack trace. */
class PackageError extends Error {
  override name = 'PackageError';
}

interface Options {
  env: string;
  appDir: string;
  envDir: string;
  outDir: string;
}

// An empty suffix is how production drops the "(dev)" from the name.
const mayBeEmpty = ['APP_NAME_SUFFIX'];

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      env: { type: 'string', default: 'local' },
      'app-dir': { type: 'string', default: 'appPackage' },
      'env-dir': { type: 'string', default: 'env' },
      'out-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!/^[A-Za-z0-9_-]+$/.test(values.env))
    throw new PackageError(`--env: expected a name like local or dev, got "${values.env}"`);
  const appDir = resolve(values['app-dir']);
  return {
    env: values.env,
    appDir,
    envDir: resolve(values['env-dir']),
    outDir: resolve(values['out-dir'] ?? join(appDir, 'build')),
  };
}

function readText(path: string, what: string): string {
  if (!existsSync(path)) throw new PackageError(`${what} not found: ${path}`);
  return readFileSync(path, 'utf8');
}

function loadEnv(envDir: string, env: string): Record<string, string> {
  const sharedPath = join(envDir, `.env.${env}`);
  const userPath = `${sharedPath}.user`;
  const shared = parseEnvFile(readText(sharedPath, `Environment file for "${env}"`), sharedPath);
  const user = existsSync(userPath) ? parseEnvFile(readFileSync(userPath, 'utf8'), userPath) : {};
  return mergeEnv(shared, user);
}

function parseManifest(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error: unknown) {
    if (error instanceof SyntaxError)
      throw new PackageError(`${path} is not valid JSON after filling placeholders: ${error.message}`);
    throw error;
  }
}

function iconPath(manifest: unknown, key: 'color' | 'outline'): string {
  const icons = (manifest as { icons?: Record<string, unknown> }).icons;
  const path = icons?.[key];
  if (typeof path !== 'string') throw new PackageError(`$.icons.${key}: expected a relative file path`);
  const normalized = normalize(path).replace(/\\/g, '/');
  // The same relative path names the file in the app folder and in the zip, so it must stay inside both.
  if (isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../'))
    throw new PackageError(`$.icons.${key}: "${path}" must be a path inside the app folder`);
  return normalized;
}

function readIcon(appDir: string, relativePath: string, rule: IconRule): Buffer {
  const path = join(appDir, relativePath);
  if (!existsSync(path)) throw new PackageError(`${rule.name} not found: ${path}`);
  const bytes = readFileSync(path);
  const problems = checkIcon(bytes, rule);
  if (problems.length > 0) throw new PackageError(problems.join('\n'));
  return bytes;
}

async function buildPackage(options: Options): Promise<{ manifestPath: string; zipPath: string }> {
  const templatePath = join(options.appDir, 'manifest.json');
  const filled = fillJsonPlaceholders(
    readText(templatePath, 'Manifest template'),
    loadEnv(options.envDir, options.env),
    { mayBeEmpty },
  );
  const manifest = parseManifest(filled, templatePath);
  const problems = validateManifest(manifest);
  if (problems.length > 0)
    throw new PackageError(`The manifest does not match its schema:\n${formatProblems(problems)}`);
  const colorName = iconPath(manifest, 'color');
  const outlineName = iconPath(manifest, 'outline');
  const color = readIcon(options.appDir, colorName, iconRules.color);
  const outline = readIcon(options.appDir, outlineName, iconRules.outline);

  mkdirSync(options.outDir, { recursive: true });
  const manifestPath = join(options.outDir, `manifest.${options.env}.json`);
  const zipPath = join(options.outDir, `appPackage.${options.env}.zip`);
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  writeFileSync(manifestPath, manifestBytes);
  // Teams wants manifest.json at the root of the zip and each icon at the path the manifest gives.
  await writeZip(zipPath, [
    { name: 'manifest.json', data: manifestBytes },
    { name: colorName, data: color },
    { name: outlineName, data: outline },
  ]);
  return { manifestPath, zipPath };
}

async function main(): Promise<void> {
  try {
    const options = readOptions(process.argv.slice(2));
    const { manifestPath, zipPath } = await buildPackage(options);
    console.log(`Packaged "${options.env}":\n  ${manifestPath}\n  ${zipPath}`);
  } catch (error: unknown) {
    // Expected failures (bad env file, missing variable, schema, icons, bad option) get their message only.
    const expected =
      error instanceof PackageError ||
      error instanceof MissingVariablesError ||
      error instanceof EnvFileError;
    const message = expected
      ? error.message
      : error instanceof Error
        ? `${error.name}: ${error.message}`
        : String(error);
    console.error(`Packaging failed. ${message}`);
    process.exitCode = 1;
  }
}

await main();
