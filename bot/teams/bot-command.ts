import type { BotTurn } from './bot-turn';
import type { CommandHelp } from './cards/help-card';

/** A text command the bot understands; its usage and description feed the help and welcome cards. */
export interface BotCommand extends CommandHelp {
  name: string;
  run(turn: BotTurn, argument: string): Promise<void>;
}
