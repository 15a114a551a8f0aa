import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTenantId } from '../../bot/teams/create-teams-bot';
import { testUser, type TeamContext } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import { directionOverrides, nastyStrings } from '../support/nasty-strings';
import { noHorizontalScroll } from '../support/page-checks';
import { launchBrowser } from '../support/playground';
import { tabApi } from '../support/tab-api';
import { buildTab, type BuiltTab } from '../support/tab-build';
import { teamFlow } from '../support/team-flow';

/**
 * The tab shows the corpus of nasty strings (issue #6) as text: no element, attribute, script or link
 * comes out of what members typed, and each reads as it was typed.
 */

const alice = { ...testUser('Alice Principal'), userRole: 'owner' };
const bob = testUser('Bob Teacher');
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const typed = nastyStrings.map((nasty) => nasty.text.trim());

describe('nasty strings in the tab', () => {
  let app: TestApp;
  let browser: Browser;
  let tab: BuiltTab | undefined;
  let team: TeamContext;

  beforeAll(async () => {
    tab = await buildTab();
    await mkdir(SCREENSHOTS, { recursive: true });
    app = await startTestApp({ tabDirectory: tab.directory });
    app.connector.setRoster('*', [alice, bob]);
    team = await app.installInTeam({
      teamId: '19:nasty-tab@thread.tacv2',
      teamName: 'Nasty Team',
      tenantId: localTenantId,
    });
    // The HTML one becomes the priority; the others go to the watch list.
    await teamFlow(app, team).choosePriority(
      alice,
      [...nastyStrings]
        .sort((a, b) => Number(b.name === 'HTML') - Number(a.name === 'HTML'))
        .map((nasty) => [bob, nasty.text] as [typeof bob, string]),
      [alice, bob],
    );
    const api = tabApi(app.baseUrl, team.teamId, alice);
    const session = (await api.post<{ session: { id: string } }>('/swot', { title: 'Spring review' })).body
      .session.id;
    for (const text of typed) {
      expect((await api.post(`/swot/${session}/items`, { quadrant: 'threats', text })).status).toBe(201);
      expect((await api.post('/vision/drafts', { text })).status).toBe(201);
      expect((await api.post('/priority/actions', { title: text, ownerId: bob.id })).status).toBe(201);
      expect((await api.post('/priority/releases', { text })).status).toBe(201);
    }
    await app.settle();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await tab?.remove();
  });

  it.each([
    ['priority', 'Owners and roles'],
    ['swot', 'Threats'],
    ['vision', 'Drafts'],
  ])('renders every nasty string in the %s view as text, never as HTML or a link', async (view, heading) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      const params = new URLSearchParams({ team: team.teamId, user: bob.id, view });
      await page.goto(`${app.baseUrl}/tab/?${params.toString()}`);
      await page.getByRole('heading', { name: heading }).first().waitFor({ timeout: 20_000 });
      await page.getByText('Sign in at https://evil.example/login').first().waitFor();

      const injected = await page.evaluate(() => ({
        images: document.querySelectorAll('img[src="x"], img[src*="evil.example"]').length,
        scripts: [...document.scripts].filter((script) => script.textContent?.includes('alert')).length,
        bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
        handlers: document.querySelectorAll('[onerror]').length,
        links: [...document.querySelectorAll('a')].filter((a) => /javascript:|evil\.example/.test(a.href))
          .length,
        text: document.body.innerText,
      }));
      expect(injected).toMatchObject({ images: 0, scripts: 0, bold: 0, handlers: 0, links: 0 });
      expect(dialogs).toEqual([]);
      // Shown as typed, but for zero-width characters (compared without them) and direction overrides,
      // which are dropped as in the cards.
      expect(injected.text).not.toMatch(directionOverrides);
      const visible = (text: string) =>
        text.replace(directionOverrides, '').replace(/[\u200B-\u200D\uFEFF]/g, '');
      for (const text of typed) expect(visible(injected.text), text).toContain(visible(text));
      await page.screenshot({ path: join(SCREENSHOTS, `nasty-strings-${view}.png`), fullPage: true });
      // A word longer than the line wraps instead of pushing the page sideways, even on a phone.
      await page.setViewportSize({ width: 320, height: 900 });
      expect(await noHorizontalScroll(page)).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, `nasty-strings-${view}-320.png`) });
    } finally {
      await context.close();
    }
  });
});
