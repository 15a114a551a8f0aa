import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTenantId } from '../../bot/teams/create-teams-bot';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser } from '../support/playground';
import { tabApi } from '../support/tab-api';
import { buildTab, type BuiltTab } from '../support/tab-build';

const TEAM = { teamId: '19:vision-leadership@thread.tacv2', teamName: 'Lakeside High Leadership Team' };
const ANA = { id: 'user-ana', name: 'Ana López', aadObjectId: 'aad-ana' };
const BEN = { id: 'user-ben', name: 'Ben Okafor', aadObjectId: 'aad-ben' };
const THEMES = ['default', 'dark', 'contrast'] as const;
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
/** Changes by another member must show within 2 s; the test allows a little more for the browser. */
const LIVE_MS = 3_000;

const READS = 'Every child reads, writes and reasons with confidence.';
const BELONGS = 'Every student feels they belong here.';
const FAMILIES = 'Families are partners in learning.';
const MERGED = 'Every child reads, writes and reasons with confidence, and feels they belong here.';
const OBJECTION = 'Families are missing: they are our partners.';
const FINAL = `${MERGED} Families are partners in learning.`;
const IDEA = 'Ideas welcome: add yours.';

interface Member {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

describe('the Vision board in the tab (local mode, two members)', () => {
  let app: TestApp;
  let browser: Browser;
  let tab: BuiltTab | undefined;
  let ana: Member;
  let ben: Member;

  const url = (user: typeof ANA, extra: Record<string, string> = {}) =>
    `${app.baseUrl}/tab/?${new URLSearchParams({ team: TEAM.teamId, user: user.id, view: 'vision', ...extra }).toString()}`;

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
      // Refused writes (409, 412) are logged by Chromium itself; they are expected here.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(message.text());
    });
    await page.goto(url(user, options.theme ? { theme: options.theme } : {}));
    return { context, page, errors };
  }

  const draft = (scope: Page | Locator, text: string) =>
    scope.locator('li[data-draft-id]').filter({ hasText: text });
  const consentCheck = (page: Page) => page.getByRole('region', { name: /^Consent check/ });

  async function addDraft(page: Page, text: string) {
    await page.getByLabel('Your draft vision statement').fill(text);
    await page.getByRole('button', { name: 'Add a draft' }).click();
    await draft(page, text).waitFor();
  }

  /** Presses Tab until `target` has focus (keyboard-only reachability), failing after `limit` presses. */
  async function tabTo(page: Page, target: Locator, limit = 80) {
    for (let step = 0; step < limit; step++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`could not reach ${target.toString()} with Tab`);
  }

  async function merge(page: Page, drafts: readonly string[], text: string) {
    const form = page.getByRole('form', { name: 'Merge drafts' });
    for (const each of drafts) await form.getByRole('checkbox', { name: new RegExp(`^${each}`) }).check();
    await form.getByLabel('Proposed vision').fill(text);
    await form.getByRole('button', { name: 'Start consent check' }).click();
    await consentCheck(page).getByText(text).waitFor();
  }

  beforeAll(async () => {
    tab = await buildTab();
    await mkdir(SCREENSHOTS, { recursive: true });
    app = await startTestApp({ tabDirectory: tab.directory });
    app.connector.setRoster('*', [ANA, BEN]);
    await app.installInTeam({ ...TEAM, tenantId: localTenantId });
    browser = await launchBrowser();
    ana = await openMember(ANA);
    ben = await openMember(BEN);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await tab?.remove();
  });

  it('shows a draft to the other member without reloading; their +1 puts it first, and comments show', async () => {
    const { page } = ana;
    await page.getByRole('heading', { name: 'No vision adopted yet' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('tab', { name: 'Vision' }).getAttribute('aria-selected')).toBe('true');
    await ben.page.getByText(/No drafts yet/).waitFor();

    await addDraft(page, READS);
    await addDraft(page, BELONGS);
    expect(await page.getByText('Your draft is on the board.').isVisible()).toBe(true);
    await draft(ben.page, BELONGS).waitFor({ timeout: LIVE_MS });
    expect(await draft(ben.page, BELONGS).getByText(ANA.name).isVisible()).toBe(true);
    // No +1 on one's own draft.
    expect(await draft(page, BELONGS).getByRole('button', { name: /^\+1/ }).count()).toBe(0);

    const plusOne = ben.page.getByRole('button', { name: `+1 “${BELONGS}”` });
    expect(await plusOne.getAttribute('aria-pressed')).toBe('false');
    await plusOne.click();
    await expect.poll(() => plusOne.getAttribute('aria-pressed')).toBe('true');
    // The most +1'd draft comes first, for both.
    for (const member of [ben, ana])
      await expect
        .poll(() => member.page.locator('li[data-draft-id]').first().textContent(), { timeout: LIVE_MS })
        .toContain(BELONGS);
    await draft(page, BELONGS).getByText('1 +1').waitFor({ timeout: LIVE_MS });

    // Undo takes the +1 back; +1 again.
    await ben.page.getByRole('button', { name: `+1 “${READS}”` }).click();
    await ben.page.getByText(`You +1’d “${READS}”.`).waitFor();
    await ben.page.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => ben.page.getByRole('button', { name: `+1 “${READS}”` }).getAttribute('aria-pressed'))
      .toBe('false');

    await draft(ben.page, READS)
      .getByRole('button', { name: /^0 comments on/ })
      .click();
    await draft(ben.page, READS).getByLabel('Your comment').fill('Could it say “reasons” too?');
    await draft(ben.page, READS).getByRole('button', { name: 'Add comment' }).click();
    await draft(ben.page, READS).getByText('Could it say “reasons” too?').waitFor();
    await draft(page, READS)
      .getByRole('button', { name: /^1 comment on/ })
      .click({ timeout: LIVE_MS });
    expect(await draft(page, READS).getByText(`${BEN.name}:`).isVisible()).toBe(true);
    expect(ana.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  });

  it('adds a draft with the keyboard alone, and never clears a form being typed in', async () => {
    const { page } = ben;
    // Ana is typing when Ben's draft arrives: her text stays.
    await ana.page.getByLabel('Your draft vision statement').fill('Half-typed idea');
    await page.getByLabel('Your draft vision statement').focus();
    await page.keyboard.type(FAMILIES);
    await tabTo(page, page.getByRole('button', { name: 'Add a draft' }), 5);
    await page.keyboard.press('Enter');
    await draft(page, FAMILIES).waitFor();
    expect(await page.getByLabel('Your draft vision statement').inputValue()).toBe('');
    await draft(ana.page, FAMILIES).waitFor({ timeout: LIVE_MS });
    expect(await ana.page.getByLabel('Your draft vision statement').inputValue()).toBe('Half-typed idea');
    await ana.page.getByLabel('Your draft vision statement').fill('');
  });

  it('shows both versions when the author edits a draft in two windows, and keeps the one chosen', async () => {
    const second = await openMember(ANA);
    try {
      const id = await draft(ana.page, READS).getAttribute('data-draft-id');
      const card = (page: Page) => page.locator(`li[data-draft-id="${id}"]`);
      await card(second.page)
        .getByRole('button', { name: `Edit “${READS}”` })
        .click();
      await card(second.page)
        .getByRole('textbox', { name: /^Your draft\b/ })
        .fill(`${READS} Always.`);

      await card(ana.page)
        .getByRole('button', { name: `Edit “${READS}”` })
        .click();
      await card(ana.page)
        .getByRole('textbox', { name: /^Your draft\b/ })
        .fill(`${READS} Every day.`);
      await card(ana.page).getByRole('button', { name: 'Save' }).click();
      await draft(ana.page, `${READS} Every day.`).waitFor();
      // The open form in the second window is not touched by the live update; it says what happened.
      await card(second.page).getByText('Someone changed this draft since you began editing').waitFor({
        timeout: LIVE_MS,
      });
      expect(
        await card(second.page)
          .getByRole('textbox', { name: /^Your draft\b/ })
          .inputValue(),
      ).toBe(`${READS} Always.`);

      await second.page.getByRole('button', { name: 'Save' }).click();
      const conflict = second.page.getByRole('alertdialog');
      await conflict.getByText('Someone else changed this draft first').waitFor();
      expect(await conflict.getByRole('region', { name: 'Your version' }).textContent()).toContain('Always.');
      expect(await conflict.getByRole('region', { name: 'Their version' }).textContent()).toContain(
        'Every day.',
      );
      await conflict.getByRole('button', { name: 'Keep theirs' }).click();
      // Back to the plain text: Ana's original wording, for the rest of the story.
      await card(ana.page).getByRole('button', { name: /^Edit/ }).click();
      await card(ana.page)
        .getByRole('textbox', { name: /^Your draft\b/ })
        .fill(READS);
      await ana.page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => draft(ana.page, 'Every day.').count()).toBe(0);
      expect(second.errors).toEqual([]);
    } finally {
      await second.context.close();
    }
  });

  it('merges drafts into a proposal; an objection (answered by keyboard) with its reason keeps it from adoption', async () => {
    const { page } = ana;
    const form = page.getByRole('form', { name: 'Merge drafts' });
    await form.getByRole('checkbox', { name: new RegExp(`^${BELONGS}`) }).check();
    await form.getByRole('checkbox', { name: new RegExp(`^${READS}`) }).check();
    // Pre-filled with the ticked drafts, in the list's order (most +1s first).
    expect(await form.getByLabel('Proposed vision').inputValue()).toBe(`${BELONGS} ${READS}`);
    await form.getByLabel('Proposed vision').fill(MERGED);
    await form.getByRole('button', { name: 'Start consent check' }).click();
    await consentCheck(page).getByText(MERGED).waitFor();
    // Only the facilitator may close; nobody answered yet.
    await consentCheck(page).getByRole('button', { name: 'Close check' }).click();
    await page
      .getByRole('alert')
      .getByText(/at least one member has answered/)
      .waitFor();

    const check = consentCheck(ben.page);
    await check.getByText(MERGED).waitFor({ timeout: LIVE_MS });
    expect(await check.getByRole('button', { name: 'Close check' }).count()).toBe(0);
    expect(await ben.page.getByRole('form', { name: 'Merge drafts' }).count()).toBe(0);

    // Keyboard only: from the view switcher to "Object", the reason, and "Send objection".
    await ben.page.getByRole('tab', { name: 'Vision' }).focus();
    await tabTo(ben.page, check.getByRole('button', { name: 'Object' }));
    await ben.page.keyboard.press('Enter');
    await check.getByLabel('Why do you object?').waitFor();
    await tabTo(ben.page, check.getByLabel('Why do you object?'), 3);
    await ben.page.keyboard.type(OBJECTION);
    await tabTo(ben.page, check.getByRole('button', { name: 'Send objection' }), 3);
    await ben.page.keyboard.press('Enter');
    await expect
      .poll(() => check.getByRole('button', { name: 'Object' }).getAttribute('aria-pressed'))
      .toBe('true');

    await consentCheck(page).getByText(OBJECTION).waitFor({ timeout: LIVE_MS });
    expect(await consentCheck(page).getByRole('list', { name: 'Answers so far' }).textContent()).toContain(
      '1 object',
    );
    await consentCheck(page).getByRole('button', { name: 'Close check' }).click();
    for (const member of [ana, ben]) {
      const outcome = member.page.getByRole('region', { name: 'The last proposal was not adopted' });
      await outcome.waitFor({ timeout: LIVE_MS });
      expect(await outcome.textContent()).toContain(OBJECTION);
      expect(await member.page.getByRole('heading', { name: 'No vision adopted yet' }).isVisible()).toBe(
        true,
      );
    }
    expect(ben.errors).toEqual([]);
  });

  it('merges again; a consent (by keyboard) and the close adopt the vision, shown on top of every view', async () => {
    await merge(ana.page, [BELONGS, READS, FAMILIES], FINAL);
    const check = consentCheck(ben.page);
    await check.getByText(FINAL).waitFor({ timeout: LIVE_MS });

    await ben.page.getByRole('tab', { name: 'Vision' }).focus();
    await tabTo(ben.page, check.getByRole('button', { name: 'Consent' }));
    await ben.page.keyboard.press('Enter');
    await expect
      .poll(() => check.getByRole('button', { name: 'Consent' }).getAttribute('aria-pressed'))
      .toBe('true');
    await consentCheck(ana.page).getByText('1 consent').waitFor({ timeout: LIVE_MS });
    await consentCheck(ana.page).getByRole('button', { name: 'Close check' }).click();

    for (const member of [ana, ben]) {
      const vision = member.page.getByRole('region', { name: 'Our vision' });
      await vision.getByText(FINAL).waitFor({ timeout: LIVE_MS });
      expect(await vision.textContent()).toMatch(/1 member consented/);
      // Adopted drafts are merged: the list starts over.
      await member.page.getByText(/No drafts yet/).waitFor({ timeout: LIVE_MS });
      for (const view of ['SWOT', 'Priority & decisions']) {
        await member.page.getByRole('tab', { name: view }).click();
        const banner = member.page.getByRole('complementary', { name: 'Our vision' });
        await banner.getByText(FINAL).waitFor();
        expect(
          await member.page.evaluate(() =>
            document.querySelector('aside')?.compareDocumentPosition(document.querySelector('main')!),
          ),
        ).toBe(
          4, // the banner comes before the view
        );
      }
      await member.page.getByRole('link', { name: 'See the vision board' }).click();
      await member.page.getByRole('region', { name: 'Our vision' }).waitFor();
      expect(new URL(member.page.url()).searchParams.get('view')).toBe('vision');
    }
    // The channel heard about it: the adopted vision is a decision, announced on a card.
    await app.connector.waitFor((calls) =>
      calls.some((call) => JSON.stringify(call.body).includes('Decision: our vision')),
    );
    expect(ana.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  });

  it('keeps the earlier versions in the history when a new vision is adopted', async () => {
    await addDraft(ben.page, 'Every learner thrives.');
    await merge(ben.page, ['Every learner thrives.'], 'Every learner thrives.');
    await consentCheck(ana.page).getByRole('button', { name: 'Stand aside' }).click({ timeout: LIVE_MS });
    await consentCheck(ben.page).getByText('1 stand aside').waitFor({ timeout: LIVE_MS });
    await consentCheck(ben.page).getByRole('button', { name: 'Close check' }).click();
    const vision = ana.page.getByRole('region', { name: 'Our vision' });
    await vision.getByText('Every learner thrives.').waitFor({ timeout: LIVE_MS });
    expect(await vision.textContent()).toMatch(/1 stood aside/);
    await vision.getByRole('button', { name: 'Earlier versions (1)' }).click();
    await vision.getByRole('list', { name: 'Earlier versions' }).getByText(FINAL).waitFor();

    // For the scans below: a check running, with an objection, and a draft to comment on.
    const asAna = tabApi(app.baseUrl, TEAM.teamId, ANA);
    const idea = await asAna.post<{ draft: { id: string } }>('/vision/drafts', { text: IDEA });
    const check = await asAna.post<{ proposal: { id: string } }>('/vision/proposals', {
      text: IDEA,
      draftIds: [idea.body.draft.id],
    });
    const objected = await tabApi(app.baseUrl, TEAM.teamId, BEN).put(
      `/vision/proposals/${check.body.proposal.id}/response`,
      { answer: 'object', reason: 'Too vague for now.' },
    );
    expect(objected.status).toBe(200);
  });

  for (const theme of THEMES) {
    it(`has no serious accessibility violations, no horizontal scroll at 320 px, in the ${theme} theme`, async () => {
      const member = await openMember(BEN, { theme, bypassCSP: true });
      const { page } = member;
      try {
        await page.getByRole('region', { name: 'Our vision' }).waitFor({ timeout: 15_000 });
        // Every part of the view: the running check with an objection, a draft with its comments open.
        await consentCheck(page).getByText('Too vague for now.').waitFor({ timeout: 15_000 });
        await draft(page, IDEA)
          .getByRole('button', { name: /comments? on/ })
          .click();
        await page.getByRole('button', { name: 'Earlier versions (1)' }).click();
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
        await page.screenshot({ path: join(SCREENSHOTS, `vision-${theme}-1280.png`), fullPage: true });

        await page.setViewportSize({ width: 320, height: 900 });
        await expect
          .poll(() =>
            page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
          )
          .toBe(true);
        await page.screenshot({ path: join(SCREENSHOTS, `vision-${theme}-320.png`), fullPage: true });
        await page.getByRole('tab', { name: 'SWOT' }).click();
        await page.getByRole('complementary', { name: 'Our vision' }).waitFor();
        expect(
          await page.evaluate(
            () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
          ),
        ).toBe(true);
        await page.screenshot({ path: join(SCREENSHOTS, `vision-banner-${theme}-320.png`) });
        expect(member.errors).toEqual([]);
      } finally {
        await member.context.close();
      }
    });
  }
});

declare global {
  interface Window {
    axe: typeof axe;
  }
}
