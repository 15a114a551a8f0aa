// Parses the Agents Toolkit's `env/.env.<env>` files: KEY=VALUE lines, `#` comments, optional quotes.

/** Thrown when an env file has a line that is not a comment, blank or KEY=VALUE. */
export class EnvFileError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${source}:${line}: ${detail}`);
    this.name = 'EnvFileError';
  }
}

const assignment = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

/** Parses env-file text into a map; later keys win, as in dotenv. */
export function parseEnvFile(text: string, source = 'env file'): Record<string, string> {
  const values: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = assignment.exec(line);
    if (!match) throw new EnvFileError(source, index + 1, `expected KEY=VALUE, got "${line}"`);
    const [, key = '', rawValue = ''] = match;
    values[key] = parseValue(rawValue, source, index + 1);
  });
  return values;
}

function parseValue(rawValue: string, source: string, line: number): string {
  const quote = rawValue[0];
  if (quote === '"' || quote === "'") {
    const end = rawValue.indexOf(quote, 1);
    if (end < 0) throw new EnvFileError(source, line, `unterminated ${quote} quote`);
    const rest = rawValue.slice(end + 1).trim();
    if (rest !== '' && !rest.startsWith('#'))
      throw new EnvFileError(source, line, `unexpected text after the closing quote: "${rest}"`);
    return rawValue.slice(1, end);
  }
  // An unquoted value ends at a ` #` comment, as in the toolkit's dotenv parser.
  const comment = rawValue.search(/\s#/);
  return (comment < 0 ? rawValue : rawValue.slice(0, comment)).trim();
}

/** Merges env maps left to right, so a `.user` file overrides the shared one. */
export function mergeEnv(...layers: Record<string, string>[]): Record<string, string> {
  return Object.assign({}, ...layers) as Record<string, string>;
}
