/**
 * Page helpers that drive the Microsoft 365 Agents Playground UI through a playwright-core `Page`, and the
 * Chromium launcher. Starting the playground itself is `scripts/lib/playground.ts` (shared with `npm start`),
 * whose header says what the playground does and does not support.
 */
import { existsSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';

export * from '../../scripts/lib/playground';
// ---------------------------------------------------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------------------------------------------------

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch Debian's Chromium (or `CHROME_PATH`) through playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with \`apt-get install -y chromium\` ` +
        '(Debian/Ubuntu) or point CHROME_PATH at a Chrome/Chromium binary.',
    );
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

// ---------------------------------------------------------------------------------------------------------------------
// Page helpers
//
// DOM hooks relied on (playground 0.2.28, Fluent UI v9):
//  - conversation list: role=tree "Personal and Group Chat" / "Teams Channel", role=treeitem named "Personal Chat",
//    "Group Chat", "<team> - <channel>";
//  - composers: Lexical editors `[role=textbox][contenteditable][data-lexical-editor]`; the new-post composer is the
//    role=group that holds button "Post"; chat and thread composers send on Enter (button "Send Message");
//  - mention picker: role=menuitem named after the bot, opened by typing "@";
//  - every message has a button "Show more information" in its header; chat view headers are
//    `[aria-label="Message header"]` with `[aria-label="Message author"]` (absent for own messages); channel view
//    headers hold the author's avatar `span[role=img][aria-label=<name>]`;
//  - Adaptive Cards: `.ac-adaptiveCard`, inputs labelled by their `label`, actions are buttons named by `title`;
//    after an Action.Execute the UI shows "Your response was sent to the app".
//  - "Mock an Activity" toolbar button opens a menu whose items' text is "Add application", "Install application", ...;
//    each opens a dialog with the activity JSON and a "Send activity" button.
// ---------------------------------------------------------------------------------------------------------------------

export type PlaygroundScope = 'personal' | 'group' | { channel: string };

interface PageState {
  scope: PlaygroundScope;
  botName: string;
}
const pageState = new WeakMap<Page, PageState>();

function stateOf(page: Page): PageState {
  return pageState.get(page) ?? { scope: 'personal', botName: 'Test Bot' };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const isLoopback = (url: URL): boolean => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/**
 * Open the playground UI. Requests to anything but loopback (the UI's web fonts on a CDN) are aborted so the page
 * loads fast offline. Loading the page sends the personal-chat install activities to the bot.
 */
export async function openPlayground(
  page: Page,
  url: string,
  options: { botName?: string } = {},
): Promise<void> {
  await page.route(
    (requestUrl) => !isLoopback(requestUrl) && requestUrl.protocol.startsWith('http'),
    (route) => route.abort(),
  );
  pageState.set(page, { scope: 'personal', botName: options.botName ?? 'Test Bot' });
  await page.goto(url);
  await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor();
}

/**
 * Switch the conversation: `'personal'`, `'group'`, or a channel of the team by name (`'General'`,
 * `'Announcements'`). Opening a channel the first time in a page load makes the playground send the bot
 * `installationUpdate` + `conversationUpdate` (membersAdded: the bot, eventType teamMemberAdded).
 */
export async function openChannel(page: Page, scope: string | { channel: string }): Promise<void> {
  const target: PlaygroundScope =
    typeof scope === 'object'
      ? scope
      : scope === 'personal' || scope === 'group'
        ? scope
        : { channel: scope };
  if (target === 'personal') {
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
  } else if (target === 'group') {
    await page.getByRole('treeitem', { name: 'Group Chat' }).click();
  } else {
    await page.getByRole('treeitem', { name: new RegExp(` - ${escapeRegExp(target.channel)}$`) }).click();
    await newPostGroup(page).waitFor();
  }
  pageState.set(page, { ...stateOf(page), scope: target });
}

/**
 * Send the bot the "app added to the team" event explicitly (Mock an Activity → Add application → Send activity):
 * a `conversationUpdate` with membersAdded = [bot] in the current channel. Opens General first unless a channel is
 * already open. (Opening a channel already sends one automatically; this is for re-sending it.)
 */
export async function installAppInTeam(page: Page): Promise<void> {
  if (typeof stateOf(page).scope !== 'object') await openChannel(page, 'General');
  await mockActivity(page, 'Add application');
}

/** Pick an item of the "Mock an Activity" menu by its text and send the prefilled activity as is. */
export async function mockActivity(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Mock an Activity' }).click();
  await page
    .getByRole('menuitem')
    .filter({ hasText: new RegExp(`^${escapeRegExp(item)}$`) })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Send activity' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

function newPostGroup(page: Page): Locator {
  return page.getByRole('group').filter({ has: page.getByRole('button', { name: 'Post', exact: true }) });
}

async function typeInto(page: Page, editor: Locator, text: string, mentionBot: boolean): Promise<void> {
  await editor.click();
  if (mentionBot) {
    const { botName } = stateOf(page);
    await page.keyboard.type(`@${botName.slice(0, 3)}`);
    // The item's accessible name repeats the name (avatar label + text), so match its text instead.
    await page
      .getByRole('menuitem')
      .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(botName)}\\s*$`) })
      .click();
    await page.keyboard.type(' ');
  }
  await page.keyboard.type(text);
}

async function waitUntilEmpty(editor: Locator): Promise<void> {
  await editor.filter({ hasText: /^\s*$/ }).waitFor({ timeout: 10_000 });
}

/**
 * Send `text` as the current user in the open conversation. In the personal chat it is sent as typed; in the group
 * chat and in channels the bot is @mentioned first (otherwise the playground, like Teams, does not deliver it). In a
 * channel this starts a new post; use `replyInThread` to answer inside the newest post.
 */
export async function sendMessage(
  page: Page,
  text: string,
  options: { mentionBot?: boolean } = {},
): Promise<void> {
  const { scope } = stateOf(page);
  const mentionBot = options.mentionBot ?? scope !== 'personal';
  if (typeof scope === 'object') {
    const group = newPostGroup(page);
    const editor = group.locator('[role="textbox"][contenteditable="true"]');
    await typeInto(page, editor, text, mentionBot);
    await group.getByRole('button', { name: 'Post', exact: true }).click();
    await waitUntilEmpty(editor);
    return;
  }
  const editor = page.locator('[data-lexical-editor="true"]').last();
  await typeInto(page, editor, text, mentionBot);
  await page.keyboard.press('Enter');
  await waitUntilEmpty(editor);
}

/** In a channel, reply inside the newest post (or the newest post containing `inPostWith`), mentioning the bot. */
export async function replyInThread(
  page: Page,
  text: string,
  options: { inPostWith?: string; mentionBot?: boolean } = {},
): Promise<void> {
  let posts = page
    .getByRole('group')
    .filter({ has: page.getByRole('button', { name: 'Send Message', exact: true }) });
  if (options.inPostWith !== undefined) posts = posts.filter({ hasText: options.inPostWith });
  const post = posts.first(); // the newest post is on top
  const editor = post.locator('[role="textbox"][contenteditable="true"]');
  await typeInto(page, editor, text, options.mentionBot ?? true);
  await page.keyboard.press('Enter');
  await waitUntilEmpty(editor);
}

export interface RenderedMessage {
  /** Display name of the author; the current user's own chat messages have no author label and get `null`. */
  author: string | null;
  /** Rendered text (`innerText`) of the message body or card, without the "response was sent" notice. */
  text: string;
  /** In a channel: index of the post (thread) holding the message, 0 = newest post on top. In chats: 0. */
  post: number;
}

/**
 * All messages of the open conversation as rendered, in document order. In a channel, posts are newest first and
 * each post is followed by its replies.
 */
export async function readMessages(page: Page): Promise<RenderedMessage[]> {
  return page.evaluate(() => {
    const result: { author: string | null; text: string; post: number }[] = [];
    const posts = Array.from(document.querySelectorAll('[role="group"]')).filter((g) =>
      g.querySelector('button[aria-label="Show more information"]'),
    );
    const buttons = document.querySelectorAll('button[aria-label="Show more information"]');
    for (const button of Array.from(buttons)) {
      let header: Element | null = button.closest('[aria-label="Message header"]');
      let author: string | null = null;
      if (header) {
        author = header.querySelector('[aria-label="Message author"]')?.textContent?.trim() ?? null;
      } else {
        // Channel view: the header is the avatar's parent.
        let el: Element | null = button.parentElement;
        while (el && !el.querySelector(':scope > span[role="img"][aria-label]')) el = el.parentElement;
        header = el;
        author =
          el?.querySelector(':scope > span[role="img"][aria-label]')?.getAttribute('aria-label') ?? null;
      }
      let anchor: Element | null = header;
      while (anchor && !anchor.nextElementSibling && anchor.parentElement) anchor = anchor.parentElement;
      const body = anchor?.nextElementSibling;
      if (!(body instanceof HTMLElement)) continue;
      const notice = body.querySelector('[aria-label="Display Invoked Message"]');
      let text = body.innerText;
      if (notice instanceof HTMLElement && notice.innerText) text = text.replace(notice.innerText, '');
      const group = button.closest('[role="group"]');
      result.push({ author, text: text.trim(), post: group ? Math.max(0, posts.indexOf(group)) : 0 });
    }
    return result;
  });
}

/**
 * Text of the newest message from the bot in the open conversation (`undefined` if none). In a channel: the bot's
 * last message in the newest post (thread) where the bot said anything.
 */
export async function lastBotMessage(page: Page): Promise<string | undefined> {
  const { botName } = stateOf(page);
  const fromBot = (await readMessages(page)).filter((m) => m.author === botName);
  const first = fromBot[0];
  if (!first) return undefined;
  return fromBot.filter((m) => m.post === first.post).at(-1)?.text;
}

/**
 * Wait until some bot message in the open conversation contains `expected` (string or RegExp) and return its text.
 * Throws with the bot messages seen so far when it does not show up in time.
 */
export async function waitForBotText(
  page: Page,
  expected: string | RegExp,
  options: { timeoutMs?: number } = {},
): Promise<string> {
  const { botName } = stateOf(page);
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const matches = (text: string): boolean =>
    typeof expected === 'string' ? text.includes(expected) : expected.test(text);
  let seen: string[] = [];
  for (;;) {
    seen = (await readMessages(page)).filter((m) => m.author === botName).map((m) => m.text);
    const hit = [...seen].reverse().find(matches);
    if (hit !== undefined) return hit;
    if (Date.now() > deadline) {
      throw new Error(
        `No bot message matching ${String(expected)} within ${options.timeoutMs ?? 15_000} ms. ` +
          `Bot messages seen:\n${seen.map((t) => `  - ${t.replace(/\n/g, ' ⏎ ')}`).join('\n') || '  (none)'}`,
      );
    }
    await page.waitForTimeout(200);
  }
}

/** The newest rendered Adaptive Card in the open conversation. */
export function lastCard(page: Page): Locator {
  return page.locator('.ac-adaptiveCard').last();
}

/**
 * Click the action button titled `title` on the newest card that has one. For Action.Execute the playground sends
 * an `adaptiveCard/action` invoke and, if the bot answers with a card, replaces the card in place; this waits for
 * the "Your response was sent to the app" notice.
 */
export async function clickCardAction(page: Page, title: string): Promise<void> {
  const card = page
    .locator('.ac-adaptiveCard')
    .filter({ has: page.getByRole('button', { name: title, exact: true }) })
    .last();
  await card.getByRole('button', { name: title, exact: true }).click();
  await page.getByText('Your response was sent to the app').first().waitFor({ timeout: 10_000 });
}

/** Fill the input labelled `label` on the newest card that has it (Input.Text / Input.Number / Input.Date). */
export async function fillCardInput(page: Page, label: string, value: string): Promise<void> {
  // A required input's label ends with " *".
  await page
    .locator('.ac-adaptiveCard')
    .getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`))
    .last()
    .fill(value);
}

/**
 * Choose `option` (by its title) in the compact choice set labelled `label` on the newest card that has it.
 * The playground renders these as Fluent comboboxes (a required one's label ends with " *").
 */
export async function selectCardChoice(page: Page, label: string, option: string): Promise<void> {
  const box = page
    .locator('.ac-adaptiveCard')
    .getByRole('combobox', { name: new RegExp(`^${escapeRegExp(label)}( \\*)?$`) })
    .last();
  await box.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
