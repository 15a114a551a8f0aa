import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { z } from 'zod';
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
  /** This activity's own id: a redelivery carries the same one. */
  activityId: string | null;
  /** The people @mentioned in a message, by Teams' mention entities (the bot itself left out). */
  mentions: Mention[];
  /** The sender's IANA time zone when Teams sends it (`localTimezone`), else null. */
  timeZone: string | null;
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

/** A person @mentioned in a message: `text` is the `<at>…</at>` markup as it appears in the message text. */
export interface Mention {
  id: string;
  name: string;
  text: string;
}

const mentionEntity = z.object({
  type: z.literal('mention'),
  text: z.string().min(1).max(1024),
  mentioned: z.object({ id: z.string().min(1).max(512), name: z.string().max(512).optional() }),
});

/** The mention entities of an activity, validated; entities of other types or malformed ones are skipped. */
export function mentionsOf(activity: TurnContext['activity']): Mention[] {
  const entities: unknown[] = Array.isArray(activity.entities) ? activity.entities : [];
  const mentions: Mention[] = [];
  for (const entity of entities) {
    const parsed = mentionEntity.safeParse(entity);
    if (!parsed.success || parsed.data.mentioned.id === activity.recipient?.id) continue;
    const { id, name } = parsed.data.mentioned;
    mentions.push({ id, name: name ?? parsed.data.text.replace(/<\/?at>/g, ''), text: parsed.data.text });
  }
  return mentions;
}

/** Wraps a botbuilder TurnContext as a BotTurn. */
export function createBotTurn(context: TurnContext, info: ConversationInfo, rosters: RosterCache): BotTurn {
  const send = async (card: AdaptiveCard) =>
    context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return {
    info,
    cardActivityId: context.activity.type === 'invoke' ? (context.activity.replyToId ?? null) : null,
    activityId: context.activity.id ?? null,
    mentions: mentionsOf(context.activity),
    timeZone: typeof context.activity.localTimezone === 'string' ? context.activity.localTimezone : null,
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
