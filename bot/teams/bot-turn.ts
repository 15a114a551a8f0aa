import { CardFactory, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { AdaptiveCard } from './cards/adaptive-card';
import type { ConversationInfo } from './conversation-info';

/** What a command handler may do in a turn, without touching botbuilder itself. */
export interface BotTurn {
  info: ConversationInfo;
  replyText(text: string): Promise<void>;
  replyCard(card: AdaptiveCard): Promise<string | undefined>;
}

/** Wraps a botbuilder TurnContext as a BotTurn. */
export function createBotTurn(context: TurnContext, info: ConversationInfo): BotTurn {
  return {
    info,
    async replyText(text) {
      await context.sendActivity(MessageFactory.text(text));
    },
    async replyCard(card) {
      const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      return sent?.id;
    },
  };
}

/** The reference botbuilder needs to post into this conversation later. */
export function conversationReferenceOf(activity: Activity): Record<string, unknown> {
  return { ...TurnContext.getConversationReference(activity) };
}
