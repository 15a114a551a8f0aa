import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTenantId } from '../../bot/teams/create-teams-bot';
import { startTestApp, type TestApp } from '../support/app-harness';
import { noHorizontalScroll, seriousViolations } from '../support/page-checks';
import { launchBrowser } from '../support/playground';
import { buildTab, type BuiltTab } from '../support/tab-build';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const THEMES = ['default', 'dark', 'contrast'] as const;
const TEAM = { teamId: '19:workflows-team@thread.tacv2', teamName: 'Workflows Team' };
const OLA = { id: 'ola-owner', name: 'Ola Owner', aadObjectId: 'aad-ola-owner', userRole: 'owner' };
const BEN = { id: 'ben-member', name: 'Ben Member', aadObjectId: 'aad-ben-member' };
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

describe('the Workflows view in local mode', () => {
  let app: TestApp;
  let browser: Browser;
  let tab: BuiltTab | undefined;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    tab = await buildTab();
    await mkdir(SCREENSHOTS, { recursive: true });
    receiver = await startWebhookReceiver();
    app = await startTestApp({ tabDirectory: tab.directory });
    app.connector.setRoster('*', [OLA, BEN]);
    await app.installInTeam({ ...TEAM, tenantId: localTenantId });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await receiver?.close();
    await tab?.remove();
  });

  const open = async (user: { id: string }, theme: string, width = 1280): Promise<Page> => {
    // axe is injected as an inline script, which the tab's Content-Security-Policy rightly refuses.
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const params = new URLSearchParams({ team: TEAM.teamId, user: user.id, view: 'workflows', theme });
    await page.goto(`${app.baseUrl}/tab/?${params.toString()}`);
    return page;
  };
  it('lets an owner add a webhook (secret once), send a test event and see it delivered, and create and revoke an API key', async () => {
    const page = await open(OLA, 'default');
    try {
      const url = page.getByLabel('Webhook URL');
      await url.waitFor({ timeout: 15_000 });
      await url.fill('ftp://example.com/hook');
      await page.getByRole('button', { name: 'Add webhook' }).click();
      await page.getByText('The URL must start with https://').waitFor();

      await url.fill(receiver.url('/tab-hook'));
      await page.getByRole('button', { name: 'Add webhook' }).click();
      const secret = page.getByLabel('Signing secret');
      await secret.waitFor();
      expect(await secret.inputValue()).toMatch(/^whsec_/);
      await page.getByRole('button', { name: 'I have copied it' }).click();
      expect(await page.getByLabel('Signing secret').count()).toBe(0);

      await page.getByRole('button', { name: 'Send test event' }).click();
      await page.getByText('Test event delivered').waitFor({ timeout: 15_000 });
      expect(receiver.on('/tab-hook')).toHaveLength(1);
      const deliveries = page.getByRole('list', {
        name: `Recent deliveries to ${receiver.url('/tab-hook')}`,
      });
      await deliveries.getByText('Delivered').waitFor();
      expect(await deliveries.getByText(/HTTP 200/).count()).toBe(1);

      await page.getByLabel('Key name').fill('Power Automate');
      await page.getByRole('button', { name: 'Create API key' }).click();
      const key = page.getByLabel('API key', { exact: true });
      await key.waitFor();
      expect(await key.inputValue()).toMatch(/^ltk_/);
      await page.getByRole('button', { name: 'I have copied it' }).click();
      const keys = page.getByRole('list', { name: 'API keys' });
      await keys.getByText('Active', { exact: true }).waitFor();
      await keys.getByRole('button', { name: 'Revoke' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
      await keys.getByText('Revoked', { exact: true }).waitFor({ timeout: 15_000 });
      await page.screenshot({ path: join(SCREENSHOTS, 'workflows-owner-1280.png'), fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  it('shows a member who is not a team owner the refusal', async () => {
    const page = await open(BEN, 'default', 320);
    try {
      await page.getByText('Only team owners can connect workflows.').waitFor({ timeout: 15_000 });
      expect(await page.getByLabel('Webhook URL').count()).toBe(0);
      expect(await noHorizontalScroll(page)).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, 'workflows-refused-320.png'), fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  for (const theme of THEMES) {
    it(`has no serious accessibility violations and no horizontal scroll at 320 px in the ${theme} theme`, async () => {
      const page = await open(OLA, theme, 320);
      try {
        await page.getByRole('list', { name: 'Webhooks' }).waitFor({ timeout: 15_000 });
        await page.getByText('Recent deliveries').first().waitFor();
        expect(await noHorizontalScroll(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `workflows-${theme}-320.png`), fullPage: true });
      } finally {
        await page.context().close();
      }
    });
  }
});
