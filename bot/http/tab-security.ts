import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Teams (web, desktop, mobile, Outlook and the Microsoft 365 app) frames the tab from. */
const teamsFrameAncestors = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://*.microsoft365.com',
  'https://local.teams.office.com',
];

/**
 * The tab's Content-Security-Policy: only Teams may frame it; scripts are its own files plus the small
 * inline theme script of each page, allowed by hash (no 'unsafe-inline' for scripts). Fluent injects
 * style elements at run time, so styles need 'unsafe-inline'.
 */
export function tabContentSecurityPolicy(tabDirectory: string): string {
  const hashes = inlineScriptHashes(tabDirectory).map((hash) => `'sha256-${hash}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${teamsFrameAncestors.join(' ')}`,
  ].join('; ');
}

function inlineScriptHashes(tabDirectory: string): string[] {
  if (!existsSync(tabDirectory)) return [];
  const hashes = new Set<string>();
  for (const name of readdirSync(tabDirectory).filter((file) => file.endsWith('.html'))) {
    const html = readFileSync(join(tabDirectory, name), 'utf8');
    for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      hashes.add(
        createHash('sha256')
          .update(match[1] ?? '')
          .digest('base64'),
      );
    }
  }
  return [...hashes];
}
