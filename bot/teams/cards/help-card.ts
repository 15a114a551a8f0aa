import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';

/** One line of the command list shown in help and welcome cards. */
export interface CommandHelp {
  usage: string;
  description: string;
}

/** The command list as facts: usage on the left, what it does on the right. */
export function commandFacts(commands: readonly CommandHelp[]): Record<string, unknown> {
  return {
    type: 'FactSet',
    facts: commands.map((command) => ({ title: command.usage, value: command.description })),
  };
}

/** Answer to `help`, and to anything the bot does not understand (with a hint first). */
export function helpCard(
  commands: readonly CommandHelp[],
  options: { hint?: string; inChannel: boolean },
): AdaptiveCard {
  return adaptiveCard(
    [
      ...(options.hint ? [textBlock(options.hint, { weight: 'Bolder' })] : []),
      textBlock('Here is what I can do', { size: 'Medium', weight: 'Bolder' }),
      textBlock(
        options.inChannel
          ? 'In a channel, mention me first, for example: @Leading Together help'
          : 'Type a command below, for example: help',
        { isSubtle: true, spacing: 'Small' },
      ),
      commandFacts(commands),
    ],
    quickActions(),
  );
}

/** Buttons for the main commands, so nobody has to remember their syntax (at most 6 per set). */
export function quickActions(): CardElement[] {
  return [
    executeAction('Propose a priority', 'candidate.new', {}, { associatedInputs: 'none' }),
    executeAction('Candidates', 'candidates.show', {}, { associatedInputs: 'none' }),
    executeAction('Priority', 'priority.show', {}, { associatedInputs: 'none' }),
    executeAction('Decisions', 'decisions.show', {}, { associatedInputs: 'none' }),
  ];
}
