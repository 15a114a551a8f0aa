import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from './cards/adaptive-card';
import type { ConversationInfo } from './conversation-info';
import type { RosterCache, TeamMember } from './team-roster';

/** Where a posted card lives, so it can be updated later from outside the turn. */
export interface PostedCard {
  conversationId: string;
  activityId: string;
  /** botbuilder's ConversationReference, opaque outside this folder. */
  reference: Record<string, unknown>;
}

/** What a handler may do in a turn, without touching botbuilder itself. */
export interface BotTurn {
  info: ConversationInfo;
  /** The message a pressed card belongs to (invokes only). */
  cardActivityId: string | null;
  roster(): Promise<TeamMember[]>;
  /** The members of a team by id, from any conversation (personal chat included). */
  rosterOfTeam(teamId: string): Promise<TeamMember[]>;
  replyText(text: string): Promise<void>;
  replyCard(card: AdaptiveCard): Promise<string | undefined>;
  /** Posts a new card into this conversation and says where it is. */
  postCard(card: AdaptiveCard): Promise<PostedCard>;
  /** Replaces a card in this conversation for everyone (one-off changes; bursts go through the sender). */
  updateCard(activityId: string, card: AdaptiveCard): Promise<void>;
}

/** Wraps a botbuilder TurnContext as a BotTurn. */
export function createBotTurn(context: TurnContext, info: ConversationInfo, rosters: RosterCache): BotTurn {
  const send = async (card: AdaptiveCard) =>
    context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return {
    info,
    cardActivityId: context.activity.type === 'invoke' ? (context.activity.replyToId ?? null) : null,
    roster: () => rosters.membersOf(context, info),
    rosterOfTeam: (teamId) => rosters.membersOfTeam(context, info.tenantId, teamId),
    async replyText(text) {
      await context.sendActivity(MessageFactory.text(text));
    },
    async replyCard(card) {
      return (await send(card))?.id;
    },
    async postCard(card) {
      const sent = await send(card);
      if (!sent?.id) throw new Error('the connector did not return an id for the posted card');
      return {
        conversationId: context.activity.conversation.id,
        activityId: sent.id,
        reference: conversationReferenceOf(context.activity),
      };
    },
    async updateCard(activityId, card) {
      await context.updateActivity({
        ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
        id: activityId,
      });
    },
  };
}

/** The reference botbuilder needs to post into this conversation later. */
export function conversationReferenceOf(activity: TurnContext['activity']): Record<string, unknown> {
  return { ...TurnContext.getConversationReference(activity) };
}
