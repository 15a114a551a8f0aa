// Validates a Teams app manifest offline against the official schema shipped in @microsoft/app-manifest.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject } from 'ajv';

/** One schema violation, located by a JSONPath-like path such as `$.bots[0].botId`. */
export interface ManifestProblem {
  path: string;
  message: string;
}

/** Where the official `MicrosoftTeams.schema.json` for a manifest version is kept, or null if not shipped. */
export function manifestSchemaPath(manifestVersion: string): string | null {
  const packageJson = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
  const path = join(
    dirname(packageJson),
    'build',
    'json-schemas',
    'teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  return existsSync(path) ? path : null;
}

/** Validates a parsed manifest against the schema of its own `manifestVersion`; an empty list means valid. */
export function validateManifest(manifest: unknown): ManifestProblem[] {
  const version = readManifestVersion(manifest);
  if (version === null) return [{ path: '$.manifestVersion', message: 'must be a string such as "1.30"' }];
  const schemaPath = manifestSchemaPath(version);
  if (schemaPath === null)
    return [{ path: '$.manifestVersion', message: `no offline schema for manifest version ${version}` }];
  return validateAgainstSchema(manifest, JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
}

/** Validates with a given draft-04 schema (the Teams schemas declare draft-04). */
export function validateAgainstSchema(value: unknown, schema: object): ManifestProblem[] {
  // strict: false because the official schema uses keywords (e.g. `const`, descriptions on $ref) that strict mode rejects.
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(value)) return [];
  return dedupe((validate.errors ?? []).map(toProblem));
}

function readManifestVersion(manifest: unknown): string | null {
  if (typeof manifest !== 'object' || manifest === null) return null;
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  return typeof version === 'string' ? version : null;
}

function toProblem(error: ErrorObject): ManifestProblem {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const extra = params.missingProperty ?? params.additionalProperty;
  const segments = error.instancePath.split('/').slice(1).map(unescapePointer);
  if (extra !== undefined) segments.push(extra);
  const detail =
    params.additionalProperty !== undefined
      ? 'is not allowed here (additional property)'
      : (error.message ?? 'is invalid');
  return { path: toJsonPath(segments), message: detail };
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Renders path segments as `$.a.b[0]['odd key']`. */
export function toJsonPath(segments: readonly string[]): string {
  return segments.reduce((path, segment) => {
    if (/^\d+$/.test(segment)) return `${path}[${segment}]`;
    if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) return `${path}.${segment}`;
    return `${path}[${JSON.stringify(segment)}]`;
  }, '$');
}

function dedupe(problems: ManifestProblem[]): ManifestProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path} ${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Formats problems one per line for a terminal or an error message. */
export function formatProblems(problems: readonly ManifestProblem[]): string {
  return problems.map((problem) => `  ${problem.path}: ${problem.message}`).join('\n');
}
