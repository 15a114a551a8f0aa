import { adaptiveCard, executeAction, textBlock, type AdaptiveCard } from './adaptive-card';
import { escapeCardText } from './escape';
import { commandFacts, quickActions, type CommandHelp } from './help-card';

/** Sent once when the app is added: what it is for, how to start, and the commands. */
export function welcomeCard(options: {
  commands: readonly CommandHelp[];
  installer: { id: string; name: string } | null;
  teamName: string | null;
}): AdaptiveCard {
  const mentionText = options.installer ? `<at>${escapeCardText(options.installer.name)}</at>` : null;
  const greeting = mentionText ? `Thanks for adding me, ${mentionText}.` : 'Thanks for adding me.';
  const where = options.teamName ? ` for ${escapeCardText(options.teamName)}` : '';
  return adaptiveCard(
    [
      textBlock(`Welcome to Leading Together${where}`, { size: 'Large', weight: 'Bolder' }),
      textBlock(greeting),
      textBlock(
        'Leading Together helps your leadership team decide, together, what comes first, and follow through: ' +
          'co-create a vision, run a SWOT, choose **one priority** by a vote in this channel, share ownership, ' +
          'and keep every decision announced and logged.',
      ),
      textBlock('How to start', { weight: 'Bolder', spacing: 'Medium' }),
      textBlock(
        '1. Propose a candidate priority: propose <what should come first>\n' +
          '2. See the candidates: candidates\n' +
          '3. The facilitator opens a vote: vote',
      ),
      textBlock('Commands', { weight: 'Bolder', spacing: 'Medium' }),
      commandFacts(options.commands),
    ],
    [...quickActions(), executeAction('Show commands', 'help', {}, { associatedInputs: 'none' })],
    mentionText && options.installer
      ? {
          msteams: {
            width: 'Full',
            entities: [
              {
                type: 'mention',
                text: mentionText,
                mentioned: { id: options.installer.id, name: options.installer.name },
              },
            ],
          },
        }
      : {},
  );
}
