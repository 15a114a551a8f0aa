import { CardFactory, MessageFactory, type Activity, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { isAllowedServiceUrl } from '../service-url';
import { withRetry } from './retry';

/** Posting and updating cards outside a turn (scheduled closes, coalesced card updates). */
export interface ProactiveSender {
  /** Runs logic in a turn continued from a stored reference (only to allowed connector hosts). */
  run(reference: Record<string, unknown>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  updateCard(reference: Record<string, unknown>, activityId: string, card: AdaptiveCard): Promise<void>;
  postCard(reference: Record<string, unknown>, card: AdaptiveCard): Promise<string | null>;
  /** Starts a new post in a channel of the team the reference belongs to. */
  postToChannel(reference: Record<string, unknown>, channelId: string, card: AdaptiveCard): Promise<void>;
}

/** Sends through the adapter with a stored reference, only to allowed connector hosts, retrying throttling. */
export function createProactiveSender(
  adapter: CloudAdapter,
  botAppId: string,
  serviceUrlAllowlist: readonly string[],
): ProactiveSender {
  const continueIn = async (
    reference: Record<string, unknown>,
    logic: (context: TurnContext) => Promise<void>,
  ) => {
    const serviceUrl = typeof reference.serviceUrl === 'string' ? reference.serviceUrl : '';
    if (!isAllowedServiceUrl(serviceUrl, serviceUrlAllowlist))
      throw new Error(`refusing to send to ${serviceUrl}: not an allowed connector host`);
    await adapter.continueConversationAsync(botAppId, reference, logic);
  };
  return {
    run: continueIn,
    async updateCard(reference, activityId, card) {
      await continueIn(reference, (context) => updateCardInTurn(context, activityId, card));
    },
    async postToChannel(reference, channelId, card) {
      await continueIn(reference, async (context) => {
        // TeamsInfo.sendMessageToTeamsChannel needs a bot app id; the turn's own connector client works in every mode.
        const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
        const activity = { type: 'message', attachments: [CardFactory.adaptiveCard(card)] } as Activity;
        await withRetry(() =>
          client.conversations.createConversation({
            isGroup: true,
            bot: context.activity.recipient,
            channelData: { channel: { id: channelId } },
            activity,
            members: [],
          }),
        );
      });
    },
    async postCard(reference, card) {
      let id: string | null = null;
      await continueIn(reference, async (context) => {
        const sent = await withRetry(() =>
          context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))),
        );
        id = sent?.id ?? null;
      });
      return id;
    },
  };
}

/** Replaces a posted card for everyone, retrying throttling. */
export async function updateCardInTurn(
  context: TurnContext,
  activityId: string,
  card: AdaptiveCard,
): Promise<void> {
  await withRetry(() =>
    context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: activityId }),
  );
}
