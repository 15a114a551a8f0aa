import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTenantId } from '../../bot/teams/create-teams-bot';
import { testUser, type TeamContext, type TestUser } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import { buttonsOf, cardOf, channelSteps } from '../support/ownership-flow';
import { noHorizontalScroll, seriousViolations } from '../support/page-checks';
import { launchBrowser } from '../support/playground';
import { buildTab, type BuiltTab } from '../support/tab-build';
import { createTestClock } from '../support/test-clock';

const THEMES = ['default', 'dark', 'contrast'] as const;
const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');
const carol = testUser('Carol Coach');
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const DAY = 24 * 3_600_000;

/** 'YYYY-MM-DD' a number of days from now, as the date input takes it. */
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe('the Priority view in local mode', () => {
  let app: TestApp;
  let browser: Browser;
  let tab: BuiltTab | undefined;
  let team: TeamContext;
  let actionCard: string | null;

  beforeAll(async () => {
    tab = await buildTab();
    await mkdir(SCREENSHOTS, { recursive: true });
    // The app's clock starts now, so the browser's "today" and the server's agree on due dates.
    const clock = createTestClock(new Date().toISOString());
    app = await startTestApp({ tabDirectory: tab.directory, clock });
    app.connector.setRoster('*', [alice, bob, carol]);
    team = await app.installInTeam({
      teamId: '19:priority-view@thread.tacv2',
      teamName: 'Lincoln Leadership',
      tenantId: localTenantId,
    });
    const steps = channelSteps(app, team);
    await steps.choosePriority(alice, bob);
    await steps.makeOwner(alice, bob, 'co-owner');
    const { call } = await steps.addAction(alice, 'Call every family', bob, dayFromNow(20));
    actionCard = call.assignedId;

    // One check-in round, answered by Bob, so the timeline has an entry.
    await steps.say(alice, 'check-ins Tuesday 15:30 timezone Europe/London');
    const settings = await fetch(
      `${app.baseUrl}/api/teams/${encodeURIComponent(team.teamId)}/priority/check-ins`,
      {
        headers: { 'x-local-user-id': alice.id, 'x-local-user-name': alice.name },
      },
    );
    const { nextRoundAt } = (await settings.json()) as { nextRoundAt: string };
    clock.set(nextRoundAt);
    await app.runDueJobs();
    await app.settle();
    const round = app.connector.calls.find(
      (each) => each.kind !== 'update' && JSON.stringify(each.body).includes('checkin.view'),
    );
    const roundId = buttonsOf(cardOf(round))[0]?.data?.roundId as string;
    await steps.press(bob, 'checkin.answer', {
      roundId,
      tried: 'Called ten families',
      happened: 'Only three picked up',
      learned: 'Evenings work better than mornings',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await tab?.remove();
  });

  const open = async (user: TestUser, theme: string, width = 1280): Promise<Page> => {
    // axe is injected as an inline script, which the tab's Content-Security-Policy rightly refuses.
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const params = new URLSearchParams({ team: team.teamId, user: user.id, view: 'priority', theme });
    await page.goto(`${app.baseUrl}/tab/?${params.toString()}`);
    await page.getByRole('heading', { name: 'Owners and roles' }).waitFor({ timeout: 20_000 });
    return page;
  };

  it('shows the owners, the actions and the check-in timeline, and a status changed here reaches the channel card', async () => {
    const page = await open(bob, 'default');
    try {
      const owners = page.getByRole('list', { name: 'Owners' });
      await owners.getByText('Bob Teacher').waitFor();
      expect(await owners.getByText('Accepted').count()).toBe(1);
      const timeline = page.getByRole('listitem', { name: /^Check-in of / });
      await timeline.getByText('Learned: Evenings work better than mornings').waitFor();
      expect(await timeline.getByText('1 of 1 checked in: Bob Teacher').count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'Watch list' }).count()).toBe(1);
      expect(await page.getByText('Cut chronic absence in half').count()).toBe(1);

      const action = page.getByRole('listitem', { name: 'Call every family' });
      expect(await action.getByRole('button', { name: 'Not started', pressed: true }).count()).toBe(1);
      const before = app.connector.calls.length;
      await action.getByRole('button', { name: 'On track' }).click();
      await page.getByRole('heading', { name: 'On track (1)' }).waitFor({ timeout: 15_000 });
      await page
        .getByRole('listitem', { name: 'Call every family' })
        .getByRole('button', { name: 'On track', pressed: true })
        .waitFor();
      await app.connector.waitFor((all) =>
        all
          .slice(before)
          .some(
            (call) =>
              call.kind === 'update' &&
              call.activityId === actionCard &&
              JSON.stringify(call.body).includes('{"title":"Status","value":"On track"}'),
          ),
      );
      await page.screenshot({ path: join(SCREENSHOTS, 'priority-owner-1280.png'), fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  it('lets a facilitator add an action, assign a role and propose a release from the tab, naming what is missing', async () => {
    const page = await open(alice, 'default');
    try {
      const addAction = page.getByRole('form', { name: 'Add an action' });
      await addAction.getByRole('button', { name: 'Add action' }).click();
      await addAction.getByText('Say what the next small step is.').waitFor();
      await addAction.getByLabel('Action').fill('Draft the family survey');
      await addAction.getByRole('button', { name: 'Add action' }).click();
      await addAction.getByText('Choose who owns it.').waitFor();
      await addAction.getByLabel('Owner').selectOption({ label: carol.name });
      await addAction.getByLabel('Due').fill(dayFromNow(10));
      await addAction.getByRole('button', { name: 'Add action' }).click();
      await page
        .getByRole('listitem', { name: 'Draft the family survey' })
        .getByText(/Carol Coach · due/)
        .waitFor({
          timeout: 15_000,
        });
      expect(await addAction.getByLabel('Action').inputValue()).toBe('');

      const assign = page.getByRole('form', { name: 'Assign a role' });
      await assign.getByLabel('Member').selectOption({ label: carol.name });
      await assign.getByLabel('Role').selectOption({ label: 'Contributor' });
      await assign.getByRole('button', { name: 'Assign' }).click();
      const owners = page.getByRole('list', { name: 'Owners' });
      await owners.getByText('Asked', { exact: true }).waitFor({ timeout: 15_000 });
      expect(await owners.getByText('Carol Coach').count()).toBe(1);

      const release = page.getByRole('form', { name: 'Propose a release' });
      await release.getByLabel('What to stop doing').fill('Weekly paper newsletter');
      await release.getByRole('button', { name: 'Propose release' }).click();
      const releases = page.getByRole('list', { name: 'Releases' });
      await releases.getByText('Weekly paper newsletter').waitFor({ timeout: 15_000 });
      expect(await releases.getByText('Consent round open').count()).toBe(1);
      await page.screenshot({ path: join(SCREENSHOTS, 'priority-facilitator-1280.png'), fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  for (const theme of THEMES) {
    it(`has no serious accessibility violations and no horizontal scroll at 320 px in the ${theme} theme`, async () => {
      const page = await open(alice, theme, 320);
      try {
        await page.getByRole('listitem', { name: 'Call every family' }).waitFor();
        await page.getByRole('form', { name: 'Check-in schedule' }).waitFor();
        expect(await noHorizontalScroll(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `priority-${theme}-320.png`), fullPage: true });
      } finally {
        await page.context().close();
      }
    });
  }
});
