/** Adaptive Card JSON as Teams accepts it (schema 1.5), kept loose: cards are data for the client. */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  refresh?: { action: CardElement; userIds?: string[] };
  msteams?: Record<string, unknown>;
}

/** Teams allows at most 6 actions in one action set. */
export const maxActionsPerSet = 6;

/** Builds a 1.5 card, refusing more actions than Teams shows. */
export function adaptiveCard(
  body: CardElement[],
  actions: CardElement[] = [],
  extra: Partial<AdaptiveCard> = {},
): AdaptiveCard {
  if (actions.length > maxActionsPerSet)
    throw new Error(`a card may have at most ${maxActionsPerSet} actions`);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
    ...extra,
  };
}

/** A text block whose text is already escaped or fixed by the app. */
export function textBlock(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

/** An Action.Execute: the universal action Teams sends back as an `adaptiveCard/action` invoke. */
export function executeAction(
  title: string,
  verb: string,
  data: Record<string, unknown> = {},
  options: Record<string, unknown> = {},
): CardElement {
  return { type: 'Action.Execute', title, verb, data, ...options };
}
