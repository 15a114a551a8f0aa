import type { BotTurn } from '../bot-turn';
import type { AdaptiveCard } from '../cards/adaptive-card';

/** An action command on a message: a dialog pre-filled from the message, then its submission. */
export interface MessageActionCommand {
  kind: 'action';
  id: string;
  /** The dialog's title. */
  title: string;
  /** The dialog's card, given the message's plain text. */
  open(turn: BotTurn, messageText: string): Promise<AdaptiveCard>;
  /** Handles the dialog's submission: a card re-opens the dialog (to show an error), a string closes it. */
  submit(turn: BotTurn, data: Record<string, unknown>): Promise<AdaptiveCard | string>;
}

/** A search command: results a person can insert into any conversation. */
export interface MessageQueryCommand {
  kind: 'query';
  id: string;
  search(
    turn: BotTurn,
    text: string,
  ): Promise<Array<{ title: string; subtitle: string; card: AdaptiveCard }>>;
}

export type MessageExtensionCommand = MessageActionCommand | MessageQueryCommand;

/** A message's HTML body as plain text: tags dropped, entities decoded, whitespace collapsed. */
export function messagePlainText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
