import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTenantId } from '../../bot/teams/create-teams-bot';
import { channelMessage, type TeamContext } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser } from '../support/playground';
import { tabApi } from '../support/tab-api';
import { buildTab, type BuiltTab } from '../support/tab-build';

const TEAM = { teamId: '19:swot-leadership@thread.tacv2', teamName: 'Eastside Middle Leadership Team' };
const ANA = { id: 'user-ana', name: 'Ana López', aadObjectId: 'aad-ana' };
const BEN = { id: 'user-ben', name: 'Ben Okafor', aadObjectId: 'aad-ben' };
const THEMES = ['default', 'dark', 'contrast'] as const;
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
/** Changes by another member must show within 2 s; the test allows a little more for the browser. */
const LIVE_MS = 3_000;

interface Member {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

describe('the SWOT board in the tab (local mode, two members)', () => {
  let app: TestApp;
  let team: TeamContext;
  let browser: Browser;
  let tab: BuiltTab | undefined;
  let ana: Member;
  let ben: Member;

  const url = (user: typeof ANA, extra: Record<string, string> = {}) =>
    `${app.baseUrl}/tab/?${new URLSearchParams({ team: TEAM.teamId, user: user.id, view: 'swot', ...extra }).toString()}`;

  async function openMember(
    user: typeof ANA,
    options: { width?: number; theme?: string; bypassCSP?: boolean } = {},
  ): Promise<Member> {
    // axe is injected as an inline script, which the tab's Content-Security-Policy rightly refuses.
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      ...(options.bypassCSP ? { bypassCSP: true } : {}),
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // Refused writes (400, 412) are logged by Chromium itself; they are expected here.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(message.text());
    });
    await page.goto(url(user, options.theme ? { theme: options.theme } : {}));
    return { context, page, errors };
  }

  const quadrant = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
  const card = (scope: Page | Locator, text: string) =>
    scope.locator('li[data-item-id]').filter({ hasText: text });

  async function addItem(
    page: Page,
    quadrantName: string,
    text: string,
    options: { tag?: string; evidence?: string } = {},
  ) {
    const region = quadrant(page, quadrantName);
    await region.getByLabel(`New item in ${quadrantName}`).fill(text);
    if (options.tag) await region.getByLabel('Tag').selectOption({ label: options.tag });
    if (options.evidence) await region.getByLabel(/^Evidence/).fill(options.evidence);
    await region.getByRole('button', { name: 'Add item' }).click();
    await card(region, text).waitFor();
  }

  async function itemAction(page: Page, text: string, action: string) {
    await card(page, text)
      .getByRole('button', { name: /^Actions for/ })
      .click();
    await page.getByRole('menuitem', { name: action }).click();
  }

  beforeAll(async () => {
    tab = await buildTab();
    await mkdir(SCREENSHOTS, { recursive: true });
    app = await startTestApp({ tabDirectory: tab.directory });
    app.connector.setRoster('*', [ANA, BEN]);
    team = await app.installInTeam({ ...TEAM, tenantId: localTenantId });
    browser = await launchBrowser();
    ana = await openMember(ANA);
    ben = await openMember(BEN);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await tab?.remove();
  });

  it('opens a session from the empty state; what one member adds, groups and moves appears for the other without reloading', async () => {
    const { page } = ana;
    await page.getByRole('heading', { name: 'No SWOT session yet' }).waitFor({ timeout: 15_000 });
    await ben.page.getByRole('heading', { name: 'No SWOT session yet' }).waitFor();
    await page.getByLabel('Title').fill('Spring review');
    expect(await page.getByRole('spinbutton', { name: 'Dots per member' }).inputValue()).toBe('5');
    await page.getByRole('button', { name: 'Open a SWOT session' }).click();
    await page.getByRole('heading', { level: 2, name: 'Spring review' }).waitFor();
    // Ben's empty state asks for sessions every 2 s, then loads the board.
    await ben.page.getByRole('heading', { level: 2, name: 'Spring review' }).waitFor({ timeout: 5_000 });
    expect(await ben.page.getByText('5 of 5 dots left').isVisible()).toBe(true);

    await addItem(page, 'Weaknesses', 'Chronic absence in grade 3', {
      tag: 'Symptom',
      evidence: 'https://example.org/attendance',
    });
    await addItem(page, 'Weaknesses', 'No shared reading curriculum', { tag: 'Root cause' });
    await addItem(page, 'Strengths', 'Experienced teacher leaders', {
      evidence: '12 of 20 teachers have 10+ years',
    });
    const benCard = card(quadrant(ben.page, 'Weaknesses'), 'Chronic absence in grade 3');
    await benCard.waitFor({ timeout: LIVE_MS });
    expect(await benCard.getByText('Symptom').isVisible()).toBe(true);
    const link = benCard.getByRole('link', { name: 'https://example.org/attendance' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await benCard.getByText(ANA.name).isVisible()).toBe(true);

    const weaknesses = quadrant(page, 'Weaknesses');
    await weaknesses.getByRole('button', { name: 'New group in Weaknesses' }).click();
    await weaknesses.getByLabel('Group name in Weaknesses').fill('Attendance');
    await weaknesses.getByRole('button', { name: 'Create group' }).click();
    const group = page.getByRole('region', { name: 'Attendance' });
    await group.waitFor();
    await ben.page.getByRole('region', { name: 'Attendance' }).waitFor({ timeout: LIVE_MS });

    // Drag and drop (HTML5) into the group.
    await card(weaknesses, 'Chronic absence in grade 3').dragTo(group);
    await card(group, 'Chronic absence in grade 3').waitFor();
    await card(ben.page.getByRole('region', { name: 'Attendance' }), 'Chronic absence in grade 3').waitFor({
      timeout: LIVE_MS,
    });
    expect(ana.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  });

  it('asks for the current board together with the session list, not after it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      let currentAsked = () => {};
      const current = new Promise<void>((resolve) => (currentAsked = resolve));
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.endsWith('/swot/current')) currentAsked();
      });
      // The session list is held back until the current board has been asked for (10 s at most).
      let listHeldUntilCurrent = false;
      await page.route(
        (address) => address.pathname.endsWith('/swot'),
        async (route) => {
          listHeldUntilCurrent = await Promise.race([
            current.then(() => true),
            delay(10_000).then(() => false),
          ]);
          await route.continue();
        },
      );
      const firstBySession = page.waitForRequest((request) =>
        /\/swot\/(?!current$)[^/]+$/.test(new URL(request.url()).pathname),
      );
      await page.goto(url(BEN));
      await card(quadrant(page, 'Strengths'), 'Experienced teacher leaders').waitFor();
      expect(listHeldUntilCurrent).toBe(true);
      // The board shown is that early answer: the first request at the session's own address is a poll.
      expect((await firstBySession).headers()['if-none-match']).toMatch(/^".+"$/);
    } finally {
      await context.close();
    }
  });

  it('lets a member place all their dots, refuses one more with a message, and keeps the count', async () => {
    const { page } = ben;
    const texts = [
      'Chronic absence in grade 3',
      'No shared reading curriculum',
      'Experienced teacher leaders',
    ];
    const plan = [texts[0], texts[0], texts[1], texts[1], texts[2]] as string[];
    for (const [index, text] of plan.entries()) {
      await page.getByRole('button', { name: `Add dot to “${text}”` }).click();
      await page.getByText(`${4 - index} of 5 dots left`).waitFor();
    }
    await expect.poll(() => card(page, texts[0]!).getByText('2 dots (2 yours)').count()).toBe(1);
    // Wait until the server's numbers have replaced the ones shown while the clicks were on their way.
    await card(ana.page, texts[2]!).getByText('1 dot').waitFor({ timeout: LIVE_MS });

    await page.getByRole('button', { name: `Add dot to “${texts[2]}”` }).click();
    await page
      .getByRole('alert')
      .getByText(/take a dot off another item first/)
      .waitFor();
    expect(await page.getByText('0 of 5 dots left').isVisible()).toBe(true);
    expect(await card(page, texts[2]!).getByText('1 dot (1 yours)').isVisible()).toBe(true);
    // Sorted by dots, the most dotted weakness comes first.
    await expect
      .poll(() => quadrant(ana.page, 'Weaknesses').locator('li[data-item-id]').first().textContent(), {
        timeout: LIVE_MS,
      })
      .toContain('Chronic absence in grade 3');
  });

  it('counts every click on Add dot while the earlier ones are still on their way', async () => {
    const { page } = ana;
    const text = 'Chronic absence in grade 3';
    // Each dot write reaches the server at once, but its answer reaches the page only when let go, so the
    // board's next read shows the first write while the second is still queued behind it.
    const answers: Array<() => void> = [];
    const writes = '**/swot/*/items/*/dots';
    await page.route(writes, async (route) => {
      const response = await route.fetch();
      await new Promise<void>((resolve) => answers.push(resolve));
      await route.fulfill({ response });
    });
    try {
      const add = page.getByRole('button', { name: `Add dot to “${text}”` });
      await add.click();
      await add.click();
      await expect.poll(() => answers.length).toBe(1);
      await page.waitForResponse(
        (response) =>
          response.request().method() === 'GET' &&
          /\/swot\/[^/]+$/.test(new URL(response.url()).pathname) &&
          response.status() === 200,
      );
      await add.click();
      for (let released = 0; released < 3; released += 1) {
        await expect.poll(() => answers.length).toBe(1);
        answers.shift()?.();
      }
      await card(ben.page, text).getByText('5 dots').waitFor({ timeout: LIVE_MS });
      await card(page, text).getByText('5 dots (3 yours)').waitFor({ timeout: LIVE_MS });
      expect(await page.getByText('2 of 5 dots left').isVisible()).toBe(true);
    } finally {
      await page.unroute(writes);
    }
    // Ana takes her dots off again, one click at a time, leaving the board as the later tests expect it.
    const remove = page.getByRole('button', { name: `Remove dot from “${text}”` });
    for (const yours of [2, 1, 0]) {
      await remove.click();
      await page.getByText(`${5 - yours} of 5 dots left`).waitFor();
    }
    await card(ben.page, text).getByText('2 dots (2 yours)').waitFor({ timeout: LIVE_MS });
    await card(page, text)
      .getByText(/^2 dots$/)
      .waitFor({ timeout: LIVE_MS });
  });

  it('promotes an item to a candidate priority that the channel vote lists', async () => {
    const { page } = ana;
    await itemAction(page, 'No shared reading curriculum', 'Promote to candidate');
    await page.getByText('Promoted “No shared reading curriculum” to a candidate priority.').waitFor();
    await card(page, 'No shared reading curriculum').getByText('Promoted', { exact: true }).waitFor();
    await card(ben.page, 'No shared reading curriculum').getByText('Promoted', { exact: true }).waitFor({
      timeout: LIVE_MS,
    });

    const before = app.connector.calls.length;
    const listed = await app.post(channelMessage(team, BEN, 'candidates'));
    expect(listed.status).toBe(200);
    const calls = await app.connector.waitFor((all) =>
      all.slice(before).some((call) => JSON.stringify(call.body).includes('No shared reading curriculum')),
    );
    expect(calls.length).toBeGreaterThan(before);
  });

  it('shows both versions when two members edit the same item, and keeps the one chosen', async () => {
    // Ben's item: he (its author) and Ana (the facilitator) may both edit it.
    await addItem(ben.page, 'Strengths', 'Family engagement nights');
    await card(ana.page, 'Family engagement nights').waitFor({ timeout: LIVE_MS });

    // Ana opens the editor on the version she sees; Ben saves a change first.
    await itemAction(ana.page, 'Family engagement nights', 'Edit');
    const anaDialog = ana.page.getByRole('dialog', { name: 'Edit item' });
    await anaDialog.getByLabel('Item').fill('Family engagement nights every month');

    await itemAction(ben.page, 'Family engagement nights', 'Edit');
    const benDialog = ben.page.getByRole('dialog', { name: 'Edit item' });
    await benDialog.getByLabel('Item').fill('Family nights draw 200 parents');
    await benDialog.getByRole('button', { name: 'Save' }).click();
    await card(ben.page, 'Family nights draw 200 parents').waitFor();
    // Ana's open form is not touched by the live update.
    await card(ana.page, 'Family nights draw 200 parents').waitFor({ timeout: LIVE_MS });
    expect(await anaDialog.getByLabel('Item').inputValue()).toBe('Family engagement nights every month');

    await anaDialog.getByRole('button', { name: 'Save' }).click();
    const conflict = ana.page.getByRole('alertdialog');
    await conflict.getByText('Someone else changed this item first').waitFor();
    expect(await conflict.getByRole('region', { name: 'Your version' }).textContent()).toContain(
      'Family engagement nights every month',
    );
    expect(await conflict.getByRole('region', { name: 'Their version' }).textContent()).toContain(
      'Family nights draw 200 parents',
    );
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await card(ana.page, 'Family engagement nights every month').waitFor();
    await card(ben.page, 'Family engagement nights every month').waitFor({ timeout: LIVE_MS });
    expect(await card(ben.page, 'Family nights draw 200 parents').count()).toBe(0);
  });

  it('adds an item and moves it into a group with the keyboard alone', async () => {
    const { page } = ben;
    const opportunities = quadrant(page, 'Opportunities');
    // Groups first, then the item: everything below is keys only.
    await opportunities.getByRole('button', { name: 'New group in Opportunities' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Partnerships');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Partnerships' }).waitFor();

    await opportunities.getByLabel('New item in Opportunities').focus();
    await page.keyboard.type('Library offers after-school tutoring');
    await page.keyboard.press('Tab'); // Tag
    await page.keyboard.press('Tab'); // Evidence
    await page.keyboard.type('Offer letter from the city library');
    await page.keyboard.press('Tab'); // Add item
    await page.keyboard.press('Enter');
    const item = card(opportunities, 'Library offers after-school tutoring');
    await item.waitFor();

    await item.getByRole('button', { name: /^Actions for/ }).focus();
    await page.keyboard.press('ArrowDown');
    const move = page.getByRole('menuitem', { name: 'Move to group' });
    await move.waitFor();
    while (!(await move.evaluate((element) => element === document.activeElement)))
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const target = page.getByRole('menuitem', { name: 'Partnerships' });
    await target.waitFor();
    for (
      let step = 0;
      step < 5 && !(await target.evaluate((element) => element === document.activeElement));
      step++
    )
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await card(
      page.getByRole('region', { name: 'Partnerships' }),
      'Library offers after-school tutoring',
    ).waitFor();
    await card(
      ana.page.getByRole('region', { name: 'Partnerships' }),
      'Library offers after-school tutoring',
    ).waitFor({
      timeout: LIVE_MS,
    });
  });

  it('brings a deleted item, and a deleted group with its items, back with Undo (button or Ctrl+Z)', async () => {
    const { page } = ana;
    await addItem(page, 'Threats', 'Enrollment drop next year', {
      tag: 'Symptom',
      evidence: 'District forecast',
    });
    await itemAction(page, 'Enrollment drop next year', 'Delete');
    await page.getByText('Deleted “Enrollment drop next year”.').waitFor();
    await expect.poll(() => card(page, 'Enrollment drop next year').count()).toBe(0);
    await expect
      .poll(() => card(ben.page, 'Enrollment drop next year').count(), { timeout: LIVE_MS })
      .toBe(0);

    await page.getByRole('button', { name: 'Undo' }).click();
    const restored = card(quadrant(page, 'Threats'), 'Enrollment drop next year');
    await restored.waitFor();
    expect(await restored.getByText('Symptom').isVisible()).toBe(true);
    expect(await restored.getByText('District forecast').isVisible()).toBe(true);
    await card(ben.page, 'Enrollment drop next year').waitFor({ timeout: LIVE_MS });

    // Ctrl+Z does the same, outside text fields.
    await itemAction(page, 'Enrollment drop next year', 'Delete');
    await expect.poll(() => card(page, 'Enrollment drop next year').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await card(quadrant(page, 'Threats'), 'Enrollment drop next year').waitFor();

    // Undoing a group's deletion brings the group back with its items.
    await page.getByRole('button', { name: 'Actions for the group “Partnerships”' }).click();
    await page.getByRole('menuitem', { name: 'Delete group' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Partnerships' }).count()).toBe(0);
    await card(quadrant(page, 'Opportunities'), 'Library offers after-school tutoring').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await card(
      page.getByRole('region', { name: 'Partnerships' }),
      'Library offers after-school tutoring',
    ).waitFor();
  });

  it('exports the board as Markdown and CSV', async () => {
    const { page } = ana;
    for (const [button, extension, expected] of [
      ['Export Markdown', '.md', '## Weaknesses'],
      ['Export CSV', '.csv', 'Chronic absence in grade 3'],
    ] as const) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: button }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`Spring review${extension}`);
      const path = await file.path();
      const { readFile } = await import('node:fs/promises');
      expect(await readFile(path, 'utf8')).toContain(expected);
    }
  });

  it('shows a big board a page at a time, sorted by dots or newest first', async () => {
    const big = { teamId: '19:swot-big@thread.tacv2', teamName: 'Big Board Team' };
    await app.installInTeam({ ...big, tenantId: localTenantId });
    const api = tabApi(app.baseUrl, big.teamId, BEN);
    const opened = await api.post<{ session: { id: string } }>('/swot', { title: 'Whole-staff SWOT' });
    expect(opened.status).toBe(201);
    const session = opened.body.session.id;
    // Each add reads the whole board on the server, so seeding grows with the square of the count: 40 is enough.
    const count = 40;
    for (let start = 0; start < count; start += 12) {
      const batch = Array.from({ length: Math.min(12, count - start) }, (_, offset) => start + offset);
      const added = await Promise.all(
        batch.map((index) =>
          api.post(`/swot/${session}/items`, { quadrant: 'strengths', text: `Strength number ${index + 1}` }),
        ),
      );
      expect(added.map((response) => response.status)).toEqual(batch.map(() => 201));
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(
        `${app.baseUrl}/tab/?${new URLSearchParams({ team: big.teamId, user: ANA.id, view: 'swot' })}`,
      );
      const strengths = quadrant(page, 'Strengths');
      await strengths.locator('li[data-item-id]').first().waitFor({ timeout: 15_000 });
      // The first render builds a few cards per list, and the rest of the first page follows.
      await expect.poll(() => strengths.locator('li[data-item-id]').count()).toBe(25);
      await strengths.getByRole('button', { name: /^Show 15 more of 40/ }).click();
      expect(await strengths.locator('li[data-item-id]').count()).toBe(40);

      await page.getByRole('radio', { name: 'Newest' }).check();
      await expect
        .poll(() => strengths.locator('li[data-item-id]').first().locator('p').textContent())
        .toMatch(/^Strength number (3[7-9]|40)$/);
    } finally {
      await context.close();
    }
  });

  for (const theme of THEMES) {
    it(`has no serious accessibility violations, no horizontal scroll at 320 px, in the ${theme} theme`, async () => {
      const member = await openMember(ANA, { theme, bypassCSP: true });
      const { page } = member;
      try {
        await card(page, 'Chronic absence in grade 3').waitFor({ timeout: 15_000 });
        await page.addScriptTag({ content: axe.source });
        const violations = await page.evaluate(async () => {
          // Tabster's focus sentinels (Fluent's `<i aria-hidden tabindex=0 data-tabster-dummy>`) pass focus
          // straight on and are never read out; axe cannot know that.
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
        await page.screenshot({ path: join(SCREENSHOTS, `swot-${theme}-1280.png`), fullPage: true });

        await page.setViewportSize({ width: 320, height: 900 });
        await expect
          .poll(() =>
            page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
          )
          .toBe(true);
        await page.screenshot({ path: join(SCREENSHOTS, `swot-${theme}-320.png`), fullPage: true });
        expect(member.errors).toEqual([]);
      } finally {
        await member.context.close();
      }
    });
  }

  it('closes the session for the facilitator: the board turns read-only with a banner and stays in the history', async () => {
    const { page } = ana;
    await page.getByRole('button', { name: 'Close session' }).click();
    await page
      .getByRole('dialog', { name: 'Close this SWOT session?' })
      .getByRole('button', { name: 'Close session' })
      .click();
    await page.getByText('This SWOT session is closed').waitFor();
    await ben.page.getByText('This SWOT session is closed').waitFor({ timeout: LIVE_MS });
    expect(await page.getByRole('button', { name: 'Add item' }).count()).toBe(0);
    expect(await ben.page.getByRole('button', { name: /^Add dot/ }).count()).toBe(0);
    // The read-only board may still be rendering: wait for what it must show, then check it.
    const dots = card(ben.page, 'Chronic absence in grade 3').getByText('2 dots');
    await dots.waitFor({ timeout: LIVE_MS });
    expect(await dots.isVisible()).toBe(true);
    expect(await page.getByLabel('Session').locator('option').first().textContent()).toMatch(
      /Spring review.*closed$/,
    );
    const openNew = page.getByRole('button', { name: 'Open a new session' });
    await openNew.waitFor({ timeout: LIVE_MS });
    expect(await openNew.isVisible()).toBe(true);
    expect(ana.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  });
});

declare global {
  interface Window {
    axe: typeof axe;
  }
}
