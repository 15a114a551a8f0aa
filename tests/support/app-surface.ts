import { TableClient } from '@azure/data-tables';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { tableNames } from '../../bot/storage/table-set';

// The app's whole surface, read from its sources so a new route or card verb is tested without listing
// it, and what it has stored, so a test can show that a refused request changed nothing.

const HTTP_SOURCES = fileURLToPath(new URL('../../bot/http/', import.meta.url));
const TEAMS_SOURCES = fileURLToPath(new URL('../../bot/teams/', import.meta.url));

/** Every route the HTTP adapter declares, as "METHOD /path", read from its sources. */
export function declaredRoutes(): string[] {
  const routes = new Set<string>();
  for (const file of readdirSync(HTTP_SOURCES).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(HTTP_SOURCES, file), 'utf8');
    for (const match of source.matchAll(/router\.(get|post|put|patch|delete)\(\s*'([^']+)'/g))
      routes.add(`${(match[1] as string).toUpperCase()} ${match[2] as string}`);
  }
  return [...routes].sort();
}

/** Every card verb the Teams adapter registers, read from its sources. */
export function declaredVerbs(): string[] {
  const verbs = new Set<string>();
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const source = readFileSync(path, 'utf8');
        for (const match of source.matchAll(
          /(?:[aA]ction\(|actionExecute\(|verb:)\s*'([a-z]+(?:\.[a-z-]+)+)'/g,
        ))
          verbs.add(match[1] as string);
      }
    }
  };
  walk(TEAMS_SOURCES);
  return [...verbs].sort();
}

/**
 * Every row the app stores for team A (or, by default, for anyone) except the ledger of handled activity
 * ids, which each refused press adds to.
 */
export async function storedRows(
  prefix: string,
  only: (row: string) => boolean = () => true,
): Promise<string[]> {
  const rows: string[] = [];
  for (const name of tableNames.filter((table) => table !== 'activities')) {
    const client = TableClient.fromConnectionString(inject('azuriteConnectionString'), `${prefix}${name}`, {
      allowInsecureConnection: true,
    });
    for await (const entity of client.listEntities()) rows.push(`${name} ${JSON.stringify(entity)}`);
  }
  return rows.filter(only).sort();
}
