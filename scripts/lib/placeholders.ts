// Fills the Agents Toolkit's `${{VAR}}` placeholders, as `teamsApp/zipAppPackage` does.

const placeholder = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Thrown when a template names variables the environment does not define. */
export class MissingVariablesError extends Error {
  constructor(readonly names: readonly string[]) {
    super(`Missing or empty environment variable${names.length > 1 ? 's' : ''}: ${names.join(', ')}`);
    this.name = 'MissingVariablesError';
  }
}

/** The distinct variable names a template refers to, in order of first use. */
export function listPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((match) => match[1] ?? ''))];
}

/** Options for filling: `mayBeEmpty` names variables whose empty value is meaningful (e.g. a name suffix). */
export interface FillOptions {
  mayBeEmpty?: readonly string[];
}

/** Replaces every placeholder; throws MissingVariablesError naming all undefined (or, unless allowed, empty) variables at once. */
export function fillPlaceholders(
  template: string,
  variables: Readonly<Record<string, string>>,
  options: FillOptions = {},
): string {
  const mayBeEmpty = new Set(options.mayBeEmpty ?? []);
  const missing = listPlaceholders(template).filter(
    (name) => !Object.hasOwn(variables, name) || (variables[name] === '' && !mayBeEmpty.has(name)),
  );
  if (missing.length > 0) throw new MissingVariablesError(missing);
  return template.replace(placeholder, (_match, name: string) => variables[name] ?? '');
}

/** Like fillPlaceholders for a JSON template: values are escaped so they cannot break the JSON. */
export function fillJsonPlaceholders(
  template: string,
  variables: Readonly<Record<string, string>>,
  options: FillOptions = {},
): string {
  const escaped = Object.fromEntries(
    Object.entries(variables).map(([key, value]) => [key, JSON.stringify(value).slice(1, -1)]),
  );
  return fillPlaceholders(template, escaped, options);
}
