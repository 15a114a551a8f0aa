import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/playground';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTenantId } from '../../bot/teams/create-teams-bot';
import { startTestApp, type TestApp } from '../support/app-harness';
import { buildTab, type BuiltTab } from '../support/tab-build';

const THEMES = ['default', 'dark', 'contrast'] as const;
const WIDTHS = [320, 1280] as const;
const TEAM = {
  teamId: '19:northside-leadership@thread.tacv2',
  teamName: 'Northside Elementary Leadership Team',
};
/** The team's Teams roster: the server lets only its members use the tab. */
const ANA = { id: 'ana-lopez', name: 'Ana López', aadObjectId: 'aad-ana-lopez' };
const BEN = { id: 'ben-okafor', name: 'Ben Okafor', aadObjectId: 'aad-ben-okafor' };
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** Page background per theme (the Fluent theme's colorNeutralBackground2), so dark never shows white. */
const BACKGROUNDS: Record<(typeof THEMES)[number], string> = {
  default: 'rgb(250, 250, 250)',
  dark: 'rgb(36, 36, 36)',
  contrast: 'rgb(0, 0, 0)',
};

function tabUrl(app: TestApp, params: Record<string, string>): string {
  return `${app.baseUrl}/tab/?${new URLSearchParams(params).toString()}`;
}

describe('the tab in local mode', () => {
  let app: TestApp;
  let browser: Browser;
  let tab: BuiltTab | undefined;

  beforeAll(async () => {
    tab = await buildTab();
    await mkdir(SCREENSHOTS, { recursive: true });
    app = await startTestApp({ tabDirectory: tab.directory });
    app.connector.setRoster('*', [ANA, BEN]);
    // Local-mode callers belong to the local tenant; the install must land there for the tab to see the team.
    await app.installInTeam({ ...TEAM, tenantId: localTenantId });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await tab?.remove();
  });

  async function openPage(width: number): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    return { page, errors };
  }

  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      it(`shows the team and its empty state in the ${theme} theme at ${width} px`, async () => {
        const { page, errors } = await openPage(width);
        try {
          await page.goto(
            tabUrl(app, { team: TEAM.teamId, user: 'ana-lopez', userName: 'Ana López', theme }),
          );

          await expect
            .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
            .toBe(TEAM.teamName);
          const emptyState = page.getByRole('heading', {
            level: 2,
            name: 'Your team hasn’t chosen a priority yet',
          });
          await emptyState.waitFor();
          expect(
            await page
              .getByText(/propose <text>/)
              .first()
              .isVisible(),
          ).toBe(true);
          expect(await page.getByText('Local mode — not connected to Microsoft Teams').isVisible()).toBe(
            true,
          );
          expect(await page.getByRole('main').count()).toBe(1);
          expect(await page.getByRole('banner').count()).toBe(1);

          const layout = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            background: getComputedStyle(document.documentElement).backgroundColor,
          }));
          expect(layout.scrollWidth).toBeLessThanOrEqual(width);
          expect(layout.background).toBe(BACKGROUNDS[theme]);

          await page.screenshot({ path: join(SCREENSHOTS, `tab-${theme}-${width}.png`), fullPage: true });
          expect(errors).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }

  it('shows the not-found message, with a retry, for a team without the bot', async () => {
    const { page } = await openPage(320);
    try {
      await page.goto(
        tabUrl(app, { team: '19:no-such-team@thread.tacv2', user: 'ana-lopez', userName: 'Ana' }),
      );
      await page.getByText('This team isn’t set up yet').waitFor({ timeout: 15_000 });
      expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Choose another team' }).isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.screenshot({ path: join(SCREENSHOTS, 'tab-not-found-320.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('lets a local user pick a team and a roster member to act as, and keeps the choice in the URL', async () => {
    const { page, errors } = await openPage(1280);
    try {
      await page.goto(`${app.baseUrl}/tab/`);
      await page.getByLabel('Team', { exact: true }).selectOption(TEAM.teamId, { timeout: 15_000 });
      const actAs = page.getByLabel('Act as');
      await expect.poll(() => actAs.locator('option').allTextContents()).toEqual([ANA.name, BEN.name]);
      await actAs.selectOption(BEN.id);
      await page.getByRole('button', { name: 'Open the team' }).click();
      await page.getByRole('heading', { level: 1, name: TEAM.teamName }).waitFor({ timeout: 15_000 });
      expect(await page.getByText(`Signed in locally as ${BEN.name}`).isVisible()).toBe(true);

      const params = new URL(page.url()).searchParams;
      expect(params.get('team')).toBe(TEAM.teamId);
      expect(params.get('user')).toBe(BEN.id);
      expect(params.get('userName')).toBe(BEN.name);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('says the configuration page only works inside Teams when opened in a browser', async () => {
    const { page } = await openPage(320);
    try {
      await page.goto(`${app.baseUrl}/tab/config.html`);
      await page.getByText('This page only works inside Microsoft Teams').waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    } finally {
      await page.close();
    }
  });
});
