import type { BotTurn } from './bot-turn';
import type { AdaptiveCard } from './cards/adaptive-card';
import type { CommandHelp } from './cards/help-card';

/** A text command the bot understands; its usage and description feed the help and welcome cards. */
export interface BotCommand extends CommandHelp {
  name: string;
  run(turn: BotTurn, argument: string): Promise<void>;
}

/** An Action.Execute verb on a card; the answer replaces the card for the person who pressed it. */
export interface CardAction {
  verb: string;
  /** True for verbs that change data: a redelivered invoke then gets `replay` instead of a second change. */
  changesData: boolean;
  run(turn: BotTurn, data: Record<string, unknown>): Promise<AdaptiveCard | string>;
  /** The answer to a redelivered invoke of a data-changing verb (defaults to a short message). */
  replay?(turn: BotTurn, data: Record<string, unknown>): Promise<AdaptiveCard | string>;
  /**
   * True when `run` itself makes a redelivery harmless, keyed by `turn.activityId` in its own write: the
   * separate claim, one storage request more on the ballot's hot path, is then skipped.
   */
  deduplicates?: boolean;
}
