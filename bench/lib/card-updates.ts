import type { ConnectorCall } from '../../tests/support/loopback-connector';
import { maxInWindow } from './stats';

/** How often the shared ballot card was updated, against Teams' limits per conversation, and what it shows last. */
export interface CardUpdates {
  total: number;
  max1s: number;
  max30s: number;
  perConversation: Record<string, { total: number; max1s: number; max30s: number }>;
  /** "N of M have voted" on the last update of the card, if any. */
  finalTurnout: string | null;
  finalShowsAll: boolean;
}

/** Card updates the loopback connector received for `cardId` between `from` and `to` (Date.now() times). */
export function summarizeCardUpdates(
  calls: readonly ConnectorCall[],
  options: { cardId: string; from: number; to: number; members: number },
): CardUpdates {
  const { cardId, from, to, members } = options;
  const ofCard = calls.filter((call) => call.kind === 'update' && call.activityId === cardId);
  const updates = ofCard.filter((call) => call.at >= from && call.at <= to);
  const perConversation: CardUpdates['perConversation'] = {};
  for (const conversationId of new Set(updates.map((call) => call.conversationId))) {
    const times = updates.filter((call) => call.conversationId === conversationId).map((call) => call.at);
    perConversation[conversationId] = {
      total: times.length,
      max1s: maxInWindow(times, 1_000),
      max30s: maxInWindow(times, 30_000),
    };
  }
  const finalTurnout =
    JSON.stringify(ofCard.at(-1)?.body ?? '').match(/\d+ of \d+ (?:has|have) voted/)?.[0] ?? null;
  return {
    total: updates.length,
    max1s: Math.max(0, ...Object.values(perConversation).map((c) => c.max1s)),
    max30s: Math.max(0, ...Object.values(perConversation).map((c) => c.max30s)),
    perConversation,
    finalTurnout,
    finalShowsAll: finalTurnout === `${members} of ${members} ${members === 1 ? 'has' : 'have'} voted`,
  };
}
