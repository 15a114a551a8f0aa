/** Where the bot listens: the server's base URL. */
export interface BotEndpoint {
  url: string;
}

/** POSTs an activity to the bot's /api/messages as the Bot Connector does, and reads the answer. */
export async function postActivity(
  bot: BotEndpoint,
  activity: unknown,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  return { status: response.status, text: await response.text() };
}
