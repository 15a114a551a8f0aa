import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { Logger } from '../../support/logger';
import { createBotTurn } from '../bot-turn';
import type { ConversationInfo } from '../conversation-info';
import type { RosterCache } from '../team-roster';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { messagePlainText, type MessageExtensionCommand } from './message-extension';

const messagePayload = z
  .object({
    messagePayload: z.object({ body: z.object({ content: z.string().max(100_000) }).partial() }).partial(),
  })
  .partial();

const dialog = (title: string, card: AdaptiveCard) => ({
  title,
  card: CardFactory.adaptiveCard(card),
  width: 'medium' as const,
  height: 'medium' as const,
});

const noOrganisation = 'I could not tell which organisation this belongs to, so nothing changed.';

/** Wires message extension commands into teams-ai: fetch a dialog, submit it, or search. */
export function registerMessageExtensions(
  app: Application,
  commands: readonly MessageExtensionCommand[],
  deps: {
    infoOf: (context: TurnContext) => ConversationInfo | null;
    rosters: RosterCache;
    logger: Logger;
    /** False when this invoke was already handled (Teams may deliver an invoke twice). */
    claimOnce: (info: ConversationInfo, context: TurnContext) => Promise<boolean>;
  },
): void {
  for (const command of commands) {
    if (command.kind === 'action') {
      app.messageExtensions.fetchTask(command.id, async (context) => {
        const info = deps.infoOf(context);
        if (!info) return noOrganisation;
        const parsed = messagePayload.safeParse(context.activity.value);
        const html = parsed.success ? (parsed.data.messagePayload?.body?.content ?? '') : '';
        const card = await command.open(createBotTurn(context, info, deps.rosters), messagePlainText(html));
        return dialog(command.title, card);
      });
      app.messageExtensions.submitAction(
        command.id,
        async (context, _state, data: Record<string, unknown>) => {
          const info = deps.infoOf(context);
          if (!info) return noOrganisation;
          if (!(await deps.claimOnce(info, context))) return 'Already done.';
          const payload = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
          const answer = await command.submit(createBotTurn(context, info, deps.rosters), payload);
          if (typeof answer === 'string') return answer;
          return dialog(command.title, answer);
        },
      );
    } else {
      app.messageExtensions.query(command.id, async (context, _state, query) => {
        const info = deps.infoOf(context);
        if (!info) return { type: 'message', text: noOrganisation };
        const text = typeof query.parameters.query === 'string' ? query.parameters.query.slice(0, 200) : '';
        const results = await command.search(createBotTurn(context, info, deps.rosters), text);
        deps.logger.info('message extension search', { command: command.id, results: results.length });
        return {
          type: 'result',
          attachmentLayout: 'list',
          attachments: results.map((result) => ({
            ...CardFactory.adaptiveCard(result.card),
            preview: CardFactory.thumbnailCard(result.title, result.subtitle),
          })),
        };
      });
    }
  }
}
