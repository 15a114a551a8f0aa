import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-harness';

describe('the tab pages', () => {
  const tabDirectory = mkdtempSync(join(tmpdir(), 'lt-tab-'));
  const inline = "document.documentElement.style.background = '#fafafa';";
  const page = (name: string) => readFileSync(new URL(`../../tab/${name}`, import.meta.url), 'utf8');
  let app: TestApp;

  beforeAll(async () => {
    writeFileSync(
      join(tabDirectory, 'index.html'),
      `<!doctype html><html><head><script>${inline}</script></head><body></body></html>`,
    );
    writeFileSync(
      join(tabDirectory, 'app.js'),
      `export const words = ${JSON.stringify('word '.repeat(20_000))};`,
    );
    app = await startTestApp({ tabDirectory });
  });
  afterAll(async () => {
    await app.close();
    rmSync(tabDirectory, { recursive: true, force: true });
  });

  it('may be framed by Teams only, and run only their own script files, never an inline script', async () => {
    const response = await fetch(`${app.baseUrl}/tab/`);
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-ancestors 'self' https://teams.microsoft.com");
    // Not even the page's own inline script: no 'unsafe-inline', no hash, no nonce for scripts.
    expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // And the tab's pages ship none.
    for (const name of ['index.html', 'config.html']) {
      const scripts = [...page(name).matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? '');
      expect(scripts.length, name).toBeGreaterThan(1);
      for (const attributes of scripts) expect(attributes, name).toMatch(/\bsrc=/);
    }
  });

  it('sends the tab’s scripts and the API’s bigger answers compressed to a client that accepts it', async () => {
    const script = await fetch(`${app.baseUrl}/tab/app.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(await script.text()).toBe(readFileSync(join(tabDirectory, 'app.js'), 'utf8'));
    const openapi = await fetch(`${app.baseUrl}/api/openapi.json`, { headers: { 'accept-encoding': 'br' } });
    expect(openapi.headers.get('content-encoding')).toBe('br');
    expect(await openapi.json()).toMatchObject({ openapi: expect.any(String) as unknown });
    const plain = await fetch(`${app.baseUrl}/tab/app.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('answers errors without stack traces', async () => {
    const response = await fetch(`${app.baseUrl}/api/teams/x`);
    expect(response.status).toBe(401);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      error: { code: 'unauthenticated', message: expect.stringContaining('X-Local-User-Id') as unknown },
    });
    expect(body).not.toMatch(/\n\s+at /);
  });
});
