/**
 * The real app in the Microsoft 365 Agents Playground, in Chromium: install welcome, help, and a whole
 * priority vote in the team's General channel, from proposals to the announced decision.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-harness';
import {
  clickCardAction,
  fillCardInput,
  launchBrowser,
  openChannel,
  openPlayground,
  selectCardChoice,
  sendMessage,
  startPlayground,
  waitForBotText,
  type RunningPlayground,
} from '../support/playground';

const screenshots = 'test-results/screenshots';

describe('Leading Together in the Agents Playground', () => {
  let app: TestApp;
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startTestApp();
    playground = await startPlayground({ botEndpoint: `${app.baseUrl}/api/messages` });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openPlayground(page, playground.url);
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await app?.close();
  });

  it('welcomes the team when the app is added to a channel, and answers help', async () => {
    await openChannel(page, 'General');
    await waitForBotText(page, 'Welcome to Leading Together');
    await sendMessage(page, 'help');
    await waitForBotText(page, 'Here is what I can do');
    await page.screenshot({ path: `${screenshots}/playground-help.png`, fullPage: true });
  });

  it('runs a vote in the channel from proposals to the announced decision', async () => {
    await sendMessage(page, 'propose Every student reads at grade level by spring');
    await waitForBotText(page, 'Every student reads at grade level by spring');
    await sendMessage(page, 'propose Cut chronic absence in half');
    await waitForBotText(page, 'Cut chronic absence in half');
    await sendMessage(page, 'vote');
    await waitForBotText(page, 'Quorum');
    // One person acts in the playground (it has no user switch), so the quorum is lowered for the test.
    await fillCardInput(page, 'Quorum (% of members who must vote)', '10');
    await clickCardAction(page, 'Open vote');
    await waitForBotText(page, 'have voted');
    await page.screenshot({ path: `${screenshots}/playground-ballot-card.png`, fullPage: true });

    await clickCardAction(page, 'Vote');
    await selectCardChoice(page, '1st choice', 'Every student reads at grade level by spring');
    await clickCardAction(page, 'Submit ballot');
    // The answer shows "Your ballot: …"; the playground has no per-user views, so the coalesced update of the
    // shared card may replace it a moment later with the turnout everyone sees. Either proves the ballot counted.
    await waitForBotText(page, /Your ballot:|1 of 6 has voted/);
    await page.screenshot({ path: `${screenshots}/playground-my-ballot.png`, fullPage: true });

    await clickCardAction(page, 'Close vote');
    // The ballot card shows the closed vote to everyone; the facilitator's next step is a message of its own,
    // which the shared card's update cannot replace while the rationale is being typed.
    await waitForBotText(page, 'Closed — the facilitator will announce the decision');
    await waitForBotText(page, 'Vote closed:');
    await page.screenshot({ path: `${screenshots}/playground-closed.png`, fullPage: true });
    await fillCardInput(page, 'Rationale', 'Reading unlocks every other subject.');
    await clickCardAction(page, 'Announce decision');
    await waitForBotText(page, 'Decision: Every student reads at grade level by spring');
    await waitForBotText(page, 'Closed — see the decision');
    await page.screenshot({ path: `${screenshots}/playground-announcement.png`, fullPage: true });

    const overview = (await fetch(
      `${app.baseUrl}/api/teams/${encodeURIComponent(playground.config.team.id)}`,
      {
        // The tab API lets in only members of the team's roster: the playground's acting user is user-id-0.
        headers: { 'x-local-user-id': 'user-id-0' },
      },
    ).then((response) => response.json())) as { priority: { title: string } | null };
    expect(overview.priority?.title).toBe('Every student reads at grade level by spring');
  });
});
