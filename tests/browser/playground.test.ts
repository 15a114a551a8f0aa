/**
 * Proves the Agents Playground driver (tests/support/playground.ts) against a tiny echo bot, independent of our app:
 * real Chromium, real playground process, real botbuilder CloudAdapter with an empty app id.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import {
  ActivityTypes,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type Activity,
} from 'botbuilder';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickCardAction,
  fillCardInput,
  installAppInTeam,
  lastBotMessage,
  launchBrowser,
  openChannel,
  openPlayground,
  readMessages,
  replyInThread,
  sendMessage,
  startPlayground,
  waitForBotText,
  type RunningPlayground,
} from '../support/playground';

const SCREENSHOTS = 'test-results/screenshots';

function voteCard(title: string): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: title, wrap: true },
      { type: 'Input.Text', id: 'note', label: 'Note', placeholder: 'Why?' },
    ],
    actions: [{ type: 'Action.Execute', title: 'Vote', verb: 'vote', data: { option: 'A' } }],
  };
}

interface EchoBot {
  endpoint: string;
  received: Partial<Activity>[];
  close(): Promise<void>;
}

/** "echo: <text>" for messages, a card for "card", a new card for an Action.Execute, a note for membersAdded. */
async function startEchoBot(): Promise<EchoBot> {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }),
  );
  const received: Partial<Activity>[] = [];
  const app = express();
  app.use(express.json());
  app.post('/api/messages', (req, res) => {
    received.push(structuredClone(req.body) as Partial<Activity>); // the bot mutates activity.text
    void adapter.process(req, res, async (context) => {
      const activity = context.activity;
      if (activity.type === 'message') {
        const text = TurnContext.removeRecipientMention(activity)?.trim() ?? '';
        if (text === 'card') {
          await context.sendActivity({ attachments: [CardFactory.adaptiveCard(voteCard('Pick one'))] });
        } else {
          await context.sendActivity(`echo: ${text}`);
        }
      } else if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
        const value = activity.value as { action: { verb: string; data: { note?: string } } };
        const title = `Voted (${value.action.verb}) by ${activity.from.name}: ${value.action.data.note ?? ''}`;
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: {
            status: 200,
            body: {
              statusCode: 200,
              type: 'application/vnd.microsoft.card.adaptive',
              value: voteCard(title),
            },
          },
        });
      } else if (activity.type === 'conversationUpdate') {
        const botAdded = activity.membersAdded?.some((m) => m.id === activity.recipient.id) ?? false;
        if (botAdded) await context.sendActivity(`installed in ${activity.conversation.conversationType}`);
      }
    });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

describe('Agents Playground driver', () => {
  let bot: EchoBot;
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    bot = await startEchoBot();
    playground = await startPlayground({ botEndpoint: bot.endpoint });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openPlayground(page, playground.url);
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.close();
  });

  it('echoes a personal-chat message and sends the playground ids to the bot', async () => {
    await openChannel(page, 'personal');
    await sendMessage(page, 'hello playground');

    expect(await waitForBotText(page, 'echo: hello playground')).toBe('echo: hello playground');
    expect(await lastBotMessage(page)).toBe('echo: hello playground');
    await page.screenshot({ path: `${SCREENSHOTS}/playground-echo.png` });

    const message = bot.received.find((a) => a.type === 'message' && a.text === 'hello playground');
    expect(message).toMatchObject({
      channelId: 'msteams',
      serviceUrl: playground.serviceUrl,
      from: { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-000000000020' },
      recipient: { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' },
      conversation: { conversationType: 'personal', id: 'personal-chat-user-id-0' },
      channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000001' } },
    });
  });

  it('renders a card, fills an input and sends Action.Execute as an adaptiveCard/action invoke', async () => {
    await sendMessage(page, 'card');
    await waitForBotText(page, 'Pick one');
    await fillCardInput(page, 'Note', 'because');
    await clickCardAction(page, 'Vote');

    expect(await waitForBotText(page, 'Voted (vote) by Alex Wilber: because')).toContain('Vote');
    const invoke = bot.received.find((a) => a.type === 'invoke');
    expect(invoke).toMatchObject({
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'vote', data: { option: 'A', note: 'because' } } },
    });
    expect(invoke?.replyToId).toBeTruthy();
  });

  it('installs into the team channel and talks there with an @mention', async () => {
    await openChannel(page, 'General');
    await waitForBotText(page, 'installed in channel');
    const install = bot.received.find(
      (a) => a.type === 'conversationUpdate' && a.conversation?.conversationType === 'channel',
    );
    expect(install).toMatchObject({
      conversation: { id: 'team-id', isGroup: true },
      membersAdded: [{ id: '00000000-0000-0000-0000-00000000000011' }],
      channelData: {
        eventType: 'teamMemberAdded',
        team: { id: 'team-id', name: 'My Team', aadGroupId: '00000000-0000-0000-0000-000000000031' },
      },
    });

    await installAppInTeam(page); // explicit re-send through "Mock an Activity → Add application"
    await expect
      .poll(() =>
        bot.received.filter((a) => a.type === 'conversationUpdate' && a.conversation?.id === 'team-id'),
      )
      .toHaveLength(2);

    await sendMessage(page, 'hello team');
    expect(await waitForBotText(page, 'echo: hello team')).toBe('echo: hello team');
    const post = bot.received.find((a) => a.type === 'message' && a.text?.includes('hello team'));
    expect(post?.text).toBe('<at>Test Bot</at> hello team');
    expect(post?.conversation?.id).toMatch(/^team-id;messageid=\d+$/);
    expect(post?.channelData).toMatchObject({ team: { id: 'team-id' }, channel: { id: 'team-id' } });

    await replyInThread(page, 'in the thread');
    await waitForBotText(page, 'echo: in the thread');
    expect(await lastBotMessage(page)).toBe('echo: in the thread');
    const messages = await readMessages(page);
    expect(messages.filter((m) => m.post === 0).map((m) => m.text)).toEqual([
      'Test Bot hello team',
      'echo: hello team',
      'Test Bot in the thread',
      'echo: in the thread',
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}/playground-channel.png` });
  });
});
