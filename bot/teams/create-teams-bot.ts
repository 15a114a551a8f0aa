import {
  ConfigurationServiceClientCredentialFactory,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError, type ServiceClientCredentialsFactory } from 'botframework-connector';
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity } from 'botbuilder';
import type { IncomingActivity } from './activity-schema';
import { reuseConnectorClients } from './reused-clients';
import type { ActivityLedger } from '../app/activity-ledger';
import type { ConversationStore, TeamStore } from '../app/installations';
import type { AppConfig } from '../config';
import type { Clock } from '../support/clock';
import type { Logger } from '../support/logger';
import type { BotCommand, CardAction } from './bot-command';
import { conversationReferenceOf, createBotTurn } from './bot-turn';
import type { AdaptiveCard } from './cards/adaptive-card';
import { helpCard } from './cards/help-card';
import { welcomeCard } from './cards/welcome-card';
import { parseCommandText } from './command-text';
import { readConversationInfo, type ConversationInfo } from './conversation-info';
import { sendInvokeCard, sendInvokeMessage } from './invoke-response';
import { isMemberOf, type RosterCache } from './team-roster';
import type { MessageExtensionCommand } from './message-extension/message-extension';
import { registerMessageExtensions } from './message-extension/register';

export interface TeamsBotDeps {
  config: AppConfig;
  teams: TeamStore;
  conversations: ConversationStore;
  ledger: ActivityLedger;
  clock: Clock;
  logger: Logger;
  /** Extra commands beyond `help`, registered by the composition root. */
  commands: readonly BotCommand[];
  /** Card actions (Action.Execute verbs) beyond `help`. */
  actions: readonly CardAction[];
  rosters: RosterCache;
  adapter: StrictTeamsAdapter;
  /** Message extension commands (the manifest's composeExtensions). */
  messageExtensions: readonly MessageExtensionCommand[];
}

/** What to answer the Bot Connector's POST: an HTTP status and, for invokes, a body. */
export interface BotAnswer {
  status: number;
  body: unknown;
}

export interface TeamsBot {
  /** Handles one activity validated at the HTTP edge, with the request's Authorization header ('' if none). */
  answer(activity: IncomingActivity, authorization: string): Promise<BotAnswer>;
}

/** The tenant used when the Agents Playground or a test sends an activity without one (local mode only). */
export const localTenantId = 'local-tenant';

/** Builds the teams-ai application: install welcome, help, commands, and the fallback that is never silent. */
const tokenVerificationErrors = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder rethrows jsonwebtoken's own errors (a forged signature, alg none, a token not yet valid),
 * which CloudAdapter answers with 500; they are refused credentials, so they become 401s here.
 */
export class StrictTeamsAdapter extends TeamsAdapter {
  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    const auth = this.botFrameworkAuthentication;
    reuseConnectorClients(auth);
    const authenticateRequest = auth.authenticateRequest.bind(auth);
    auth.authenticateRequest = async (activity, authHeader) => {
      try {
        return await authenticateRequest(activity, authHeader);
      } catch (error: unknown) {
        if (error instanceof Error && tokenVerificationErrors.has(error.name)) {
          throw new AuthenticationError(`Unauthorized. ${error.message}`, 401);
        }
        throw error;
      }
    };
  }

  /**
   * Runs one activity's turn and says what to answer: the invoke's response, or 200. It replaces
   * botbuilder's `process(req, res)`, which checks the request again (the HTTP edge has validated it)
   * by building its schemas anew on every request.
   */
  async answer(
    activity: Activity,
    authorization: string,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<BotAnswer> {
    try {
      const response = await this.processActivity(authorization, withDates(activity), logic);
      return { status: response?.status ?? 200, body: response?.body };
    } catch (error: unknown) {
      if (error instanceof AuthenticationError) return { status: 401, body: undefined };
      throw error;
    }
  }
}

/** botbuilder's handlers expect the activity's times as dates, as its own `process` leaves them. */
function withDates(activity: Activity): Activity {
  const raw = activity as Activity & Record<string, unknown>;
  for (const [field, rawField] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = raw[field];
    if (typeof value === 'string') {
      raw[rawField] = value;
      raw[field] = new Date(value);
    }
  }
  return activity;
}

/**
 * Test seams for Bot Framework authentication: a loopback OpenID metadata endpoint and issuer, and
 * credentials that need no network. Production passes none.
 */
export interface TeamsAdapterOverrides {
  authConfig?: ConfigurationBotFrameworkAuthenticationOptions;
  credentialsFactory?: ServiceClientCredentialsFactory;
}

/** The Bot Framework adapter: authenticated with the bot's credentials, or open in local mode. */
export function createTeamsAdapter(
  config: AppConfig,
  logger: Logger,
  overrides: TeamsAdapterOverrides = {},
): StrictTeamsAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory(
    config.bot
      ? {
          MicrosoftAppId: config.bot.appId,
          MicrosoftAppPassword: config.bot.password,
          MicrosoftAppType: config.bot.appType,
          MicrosoftAppTenantId: config.bot.tenantId,
        }
      : {},
  );
  const adapter = new StrictTeamsAdapter(
    overrides.authConfig ?? {},
    overrides.credentialsFactory ?? credentials,
  );
  adapter.onTurnError = async (context, error) => {
    logger.error('turn failed', {
      error,
      activityType: context.activity.type,
      activityId: context.activity.id,
    });
    if (context.activity.type === 'message') {
      await context.sendActivity(
        'Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.',
      );
    }
  };
  return adapter;
}

export function createTeamsBot(deps: TeamsBotDeps): TeamsBot {
  const { config, logger, adapter } = deps;
  const app = new Application({
    adapter,
    botAppId: config.bot?.appId ?? '',
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  const helpCommand: BotCommand = {
    name: 'help',
    usage: 'help',
    description: 'What I can do, and how to start',
    async run(turn) {
      await turn.replyCard(helpCard(commandList(), { inChannel: turn.info.scope === 'team' }));
    },
  };
  const commands = [helpCommand, ...deps.commands];
  const commandList = () => commands.map(({ usage, description }) => ({ usage, description }));
  const known = new Set<string>();

  const infoOf = (context: TurnContext): ConversationInfo | null =>
    readConversationInfo(context.activity, config.localMode ? localTenantId : null);

  const remember = async (context: TurnContext, info: ConversationInfo): Promise<void> => {
    const cacheKey = `${info.tenantId}|${info.conversationId}`;
    if (known.has(cacheKey)) return;
    if (info.teamId) {
      await deps.teams.recordInstall({
        tenantId: info.tenantId,
        teamId: info.teamId,
        name: info.teamName,
        installedAt: deps.clock.now().toISOString(),
        installedBy: info.user.aadObjectId ?? info.user.id,
      });
    }
    await deps.conversations.save({
      tenantId: info.tenantId,
      conversationId: info.conversationId,
      scope: info.scope,
      teamId: info.teamId,
      channelId: info.channelId,
      channelName: info.channelName,
      serviceUrl: context.activity.serviceUrl,
      reference: conversationReferenceOf(context.activity),
      updatedAt: deps.clock.now().toISOString(),
    });
    known.add(cacheKey);
  };

  /** Runs a side-effecting handler once per activity id; a failure gives the claim back. */
  const once = async (
    info: ConversationInfo,
    context: TurnContext,
    handler: () => Promise<void>,
  ): Promise<void> => {
    const activityId = context.activity.id;
    const scope = `${info.tenantId}|${info.conversationId}`;
    if (activityId && !(await deps.ledger.claim(scope, activityId))) {
      logger.info('redelivered activity ignored', { activityId });
      return;
    }
    try {
      await handler();
    } catch (error: unknown) {
      if (activityId) await deps.ledger.release(scope, activityId);
      throw error;
    }
  };

  /** Claims an invoke for this delivery; null when storage cannot say (the answer must then be an error). */
  const claimOrNull = async (scope: string, activityId: string): Promise<boolean | null> => {
    try {
      return await deps.ledger.claim(scope, activityId);
    } catch (error: unknown) {
      logger.error('could not claim the activity', { error, activityId });
      return null;
    }
  };
  /** Gives a claim back after a failure; if storage is down too, the member still gets the error answer. */
  const releaseQuietly = async (scope: string, activityId: string): Promise<void> => {
    try {
      await deps.ledger.release(scope, activityId);
    } catch (error: unknown) {
      logger.error('could not give back the claim of a failed activity', { error, activityId });
    }
  };

  app.conversationUpdate('membersAdded', async (context) => {
    const info = infoOf(context);
    if (!info) return;
    const botId = context.activity.recipient.id;
    const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
    if (!botWasAdded) return;
    known.delete(`${info.tenantId}|${info.conversationId}`);
    await remember(context, info);
    // One welcome per installation: the same install event may be redelivered or repeated by a client;
    // the claim is given back when the app is removed, so a real reinstall is welcomed again.
    const welcomeScope = `${info.tenantId}|${info.conversationId}`;
    if (!(await deps.ledger.claim(welcomeScope, 'welcome'))) {
      logger.info('install event for a conversation already welcomed', {
        conversationId: info.conversationId,
      });
      return;
    }
    try {
      // Mention the person who added the app when the event names them (some clients leave the name out).
      const installerName = context.activity.from.name;
      const installer =
        info.scope === 'personal' || !installerName ? null : { id: info.user.id, name: installerName };
      await createBotTurn(context, info, deps.rosters).replyCard(
        welcomeCard({ commands: commandList(), installer, teamName: info.teamName }),
      );
    } catch (error: unknown) {
      await deps.ledger.release(welcomeScope, 'welcome');
      throw error;
    }
    logger.info('installed', {
      tenantId: info.tenantId,
      conversationId: info.conversationId,
      scope: info.scope,
    });
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const info = infoOf(context);
    const botId = context.activity.recipient.id;
    if (!info || !(context.activity.membersRemoved ?? []).some((member) => member.id === botId)) return;
    await deps.ledger.release(`${info.tenantId}|${info.conversationId}`, 'welcome');
    logger.info('removed', { tenantId: info.tenantId, conversationId: info.conversationId });
  });

  app.adaptiveCards.actionExecute('help', async (context) => {
    const info = infoOf(context);
    await sendInvokeCard(context, helpCard(commandList(), { inChannel: info?.scope === 'team' }));
    return '';
  });

  // One route for every card action, found by its verb: teams-ai awaits each route's selector in turn,
  // and a ballot should not wait behind fifty of them.
  const cardActions = new Map(deps.actions.map((action) => [action.verb, action]));
  const cardActionOf = (context: TurnContext): CardAction | undefined => {
    const { type, name } = context.activity;
    const value: unknown = context.activity.value;
    const action = (value as { action?: { type?: unknown; verb?: unknown } } | undefined)?.action;
    return type === 'invoke' &&
      name === 'adaptiveCard/action' &&
      action?.type === 'Action.Execute' &&
      typeof action.verb === 'string'
      ? cardActions.get(action.verb)
      : undefined;
  };
  app.adaptiveCards.actionExecute(
    (context) => Promise.resolve(cardActionOf(context) !== undefined),
    async (context, _state, data: Record<string, unknown>) => {
      const action = cardActionOf(context);
      if (!action) throw new Error('a card action route ran for an activity it does not handle');
      const info = infoOf(context);
      if (!info) {
        await sendInvokeMessage(
          context,
          'I could not tell which organisation this card belongs to, so nothing changed.',
        );
        return '';
      }
      const turn = createBotTurn(context, info, deps.rosters);
      const payload = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
      let answer: AdaptiveCard | string;
      const activityId = context.activity.id;
      const scope = `${info.tenantId}|${info.conversationId}`;
      const claimFor = action.changesData && !action.deduplicates ? activityId : undefined;
      const claimed = claimFor ? await claimOrNull(scope, claimFor) : true;
      if (claimed === null) {
        // Storage is unreachable: nothing was done, and the member must not see a stale or blank card.
        answer = 'Sorry, I could not reach storage, so nothing was recorded. Please try again in a moment.';
      } else if (!claimed) {
        answer = action.replay ? await action.replay(turn, payload) : 'Already done.';
      } else {
        try {
          // Teams only delivers a channel's cards to its members; a removed member's old card is refused here.
          answer =
            info.scope === 'personal' || (await isMemberOf(deps.rosters, context, info))
              ? await action.run(turn, payload)
              : 'Only members of this team can use its cards, so nothing changed.';
        } catch (error: unknown) {
          logger.error('card action failed', { error, verb: action.verb });
          if (claimFor) await releaseQuietly(scope, claimFor);
          answer = 'Sorry, something went wrong on my side. Please try again in a moment.';
        }
      }
      if (typeof answer === 'string') await sendInvokeMessage(context, answer);
      else await sendInvokeCard(context, answer);
      return '';
    },
  );

  registerMessageExtensions(app, deps.messageExtensions, {
    infoOf,
    rosters: deps.rosters,
    logger,
    claimOnce: async (info, context) => {
      const activityId = context.activity.id;
      return !activityId || deps.ledger.claim(`${info.tenantId}|${info.conversationId}`, activityId);
    },
  });

  app.activity('message', async (context) => {
    const info = infoOf(context);
    if (!info) {
      await context.sendActivity(
        'I could not tell which organisation this conversation belongs to, so I did nothing.',
      );
      return;
    }
    await once(info, context, async () => {
      await remember(context, info);
      const turn = createBotTurn(context, info, deps.rosters);
      const parsed = parseCommandText(context.activity.text);
      const command = parsed ? commands.find((candidate) => candidate.name === parsed.name) : undefined;
      if (parsed && command) {
        await command.run(turn, parsed.argument);
        return;
      }
      const hint = parsed
        ? `I don't know "${parsed.name.slice(0, 40)}". Here are the commands I understand.`
        : 'Say a command, for example help.';
      await turn.replyCard(helpCard(commandList(), { hint, inChannel: info.scope === 'team' }));
    });
  });

  return {
    answer: (activity, authorization) =>
      adapter.answer(activity as unknown as Activity, authorization, async (context) => {
        await app.run(context);
      }),
  };
}
