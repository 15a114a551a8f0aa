import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTenantId } from '../../bot/teams/create-teams-bot';
import { cardAction, channelMessage, type TeamContext } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser } from '../support/playground';
import { tabApi } from '../support/tab-api';
import { buildTab, type BuiltTab } from '../support/tab-build';

const NORTH = { teamId: '19:north-personal@thread.tacv2', teamName: 'Northside Leadership Team' };
const SOUTH = { teamId: '19:south-personal@thread.tacv2', teamName: 'Southside Leadership Team' };
const ANA = { id: 'user-ana', name: 'Ana López', aadObjectId: 'aad-ana' };
const BEN = { id: 'user-ben', name: 'Ben Okafor', aadObjectId: 'aad-ben' };
const THEMES = ['default', 'dark', 'contrast'] as const;
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

describe('the personal tab (local mode): my teams and what waits for me', () => {
  let app: TestApp;
  let browser: Browser;
  let tab: BuiltTab | undefined;
  let north: TeamContext;
  let voteTitle: string;

  async function open(
    params: Record<string, string>,
    options: { width?: number; bypassCSP?: boolean } = {},
  ): Promise<Opened> {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      ...(options.bypassCSP ? { bypassCSP: true } : {}),
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${app.baseUrl}/tab/?${new URLSearchParams({ view: 'personal', ...params }).toString()}`);
    return { context, page, errors };
  }

  beforeAll(async () => {
    tab = await buildTab();
    await mkdir(SCREENSHOTS, { recursive: true });
    app = await startTestApp({ tabDirectory: tab.directory });
    app.connector.setRoster(NORTH.teamId, [ANA, BEN]);
    app.connector.setRoster(SOUTH.teamId, [BEN]);
    north = await app.installInTeam({ ...NORTH, tenantId: localTenantId });
    await app.installInTeam({ ...SOUTH, tenantId: localTenantId });

    // In the North team: a vote is open (Ben has not voted), and Ana added SWOT items Ben has not seen.
    await app.post(channelMessage(north, ANA, 'propose Every student reads at grade level'));
    await app.post(channelMessage(north, BEN, 'propose Cut chronic absence in half'));
    await app.post(cardAction(north, ANA, 'vote.open', { quorumPercent: '0' }));
    await app.settle();
    const asAna = tabApi(app.baseUrl, NORTH.teamId, ANA);
    const session = (await asAna.post<{ session: { id: string } }>('/swot', { title: 'Spring review' })).body
      .session.id;
    await asAna.post(`/swot/${session}/items`, { quadrant: 'strengths', text: 'Strong coaches' });
    await asAna.post(`/swot/${session}/items`, { quadrant: 'threats', text: 'Budget cuts' });
    const me = await fetch(`${app.baseUrl}/api/me`, {
      headers: { 'x-local-user-id': BEN.id, 'x-local-user-name': BEN.name },
    });
    const body = (await me.json()) as { teams: Array<{ id: string; ballots: Array<{ title: string }> }> };
    voteTitle = body.teams.find((team) => team.id === NORTH.teamId)?.ballots[0]?.title ?? '';
    expect(voteTitle).not.toBe('');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await tab?.remove();
  });

  it('shows a member of two teams both, with the ballot waiting and the new SWOT items, and opens the board', async () => {
    const { context, page, errors } = await open({ user: BEN.id, userName: BEN.name });
    try {
      await page.getByRole('heading', { level: 1, name: 'My teams' }).waitFor({ timeout: 15_000 });
      const northCard = page.getByRole('region', { name: NORTH.teamName });
      const southCard = page.getByRole('region', { name: SOUTH.teamName });
      await northCard.waitFor({ timeout: 15_000 });
      await southCard.waitFor();
      const waiting = northCard.getByRole('list', { name: `Waiting for you in ${NORTH.teamName}` });
      expect(await waiting.textContent()).toContain(`Vote: ${voteTitle}`);
      expect(await waiting.textContent()).toMatch(/Closes /);
      expect(await waiting.textContent()).toContain('2 new items in “Spring review”');
      expect(await northCard.getByText('Not chosen yet').isVisible()).toBe(true);
      expect(await southCard.getByText('Nothing right now.', { exact: false }).isVisible()).toBe(true);
      expect(await page.getByText(`Signed in locally as ${BEN.name}`).isVisible()).toBe(true);

      await northCard.getByRole('link', { name: `Open the SWOT board of ${NORTH.teamName}` }).click();
      await page.getByRole('heading', { level: 2, name: 'Spring review' }).waitFor({ timeout: 15_000 });
      const params = new URL(page.url()).searchParams;
      expect(params.get('team')).toBe(NORTH.teamId);
      expect(params.get('view')).toBe('swot');
      expect(params.get('user')).toBe(BEN.id);

      // Looking at the board cleared them.
      await page.goBack();
      await page.getByRole('region', { name: NORTH.teamName }).waitFor({ timeout: 15_000 });
      await expect
        .poll(() => page.getByRole('region', { name: NORTH.teamName }).textContent())
        .not.toContain('new items');
      expect(await page.getByRole('region', { name: NORTH.teamName }).textContent()).toContain(voteTitle);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('asks who you are when the address names nobody, then shows your teams', async () => {
    const { context, page } = await open({});
    try {
      await page.getByLabel('Team', { exact: true }).selectOption(SOUTH.teamId, { timeout: 15_000 });
      await page.getByLabel('Act as').selectOption(BEN.id);
      await page.getByRole('button', { name: 'Show my teams' }).click();
      await page.getByRole('region', { name: NORTH.teamName }).waitFor({ timeout: 15_000 });
      expect(new URL(page.url()).searchParams.get('user')).toBe(BEN.id);
      expect(new URL(page.url()).searchParams.get('team')).toBeNull();
    } finally {
      await context.close();
    }
  });

  it('says what to do next for someone in no team with the app', async () => {
    const { context, page, errors } = await open({ user: 'user-cara', userName: 'Cara Ng' });
    try {
      await page
        .getByRole('heading', { name: /not in a team with Leading Together yet/ })
        .waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const theme of THEMES) {
    it(`has no serious accessibility violations, no horizontal scroll at 320 px, in the ${theme} theme`, async () => {
      const { context, page, errors } = await open(
        { user: ANA.id, userName: ANA.name, theme },
        { bypassCSP: true },
      );
      try {
        await page.getByRole('region', { name: NORTH.teamName }).waitFor({ timeout: 15_000 });
        await page.addScriptTag({ content: axe.source });
        const violations = await page.evaluate(async () => {
          const result = await window.axe.run(
            { exclude: [['[data-tabster-dummy]']] },
            { resultTypes: ['violations'] },
          );
          return result.violations
            .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
            .map((violation) => ({
              id: violation.id,
              help: violation.help,
              targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
            }));
        });
        expect(violations).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `personal-${theme}-1280.png`), fullPage: true });
        await page.setViewportSize({ width: 320, height: 900 });
        await expect
          .poll(() =>
            page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
          )
          .toBe(true);
        await page.screenshot({ path: join(SCREENSHOTS, `personal-${theme}-320.png`), fullPage: true });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
