import { ActivityTypes, StatusCodes, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from './cards/adaptive-card';

/**
 * Answers an `adaptiveCard/action` invoke with a card for the person who pressed the button.
 * teams-ai's own answer would also update the shared message when the card has a refresh section,
 * bypassing our rate-limited sender, so the adapter always answers here first.
 */
export async function sendInvokeCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: {
      status: StatusCodes.OK,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
    },
  });
}

/** Answers an invoke with a short message instead of a card (shown by Teams as a toast). */
export async function sendInvokeMessage(context: TurnContext, message: string): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: {
      status: StatusCodes.OK,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message },
    },
  });
}
