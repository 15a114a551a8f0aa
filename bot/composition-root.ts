import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TableServiceClientOptions } from '@azure/data-tables';
import type { AppConfig } from './config';
import { createCallerIdentity } from './http/caller-identity';
import { entraSigningKeys } from './http/entra-token';
import { createHealthCheck } from './http/health';
import { createHttpApp } from './http/create-http-app';
import { openTableSet } from './storage/table-set';
import { createTableActivityLedger } from './storage/table-activity-ledger';
import { createTableConversationStore } from './storage/table-conversation-store';
import { createTableTeamStore } from './storage/table-team-store';
import type { Clock } from './support/clock';
import type { Logger } from './support/logger';
import type { JWTVerifyGetKey } from 'jose';
import {
  createTeamsAdapter,
  createTeamsBot,
  localTenantId,
  type TeamsAdapterOverrides,
} from './teams/create-teams-bot';
import { randomUUID } from 'node:crypto';
import { createCandidateService } from './app/candidate-service';
import { createVoteService } from './app/vote-service';
import { createTeamOverview } from './app/team-overview';
import { createScheduler } from './app/scheduler';
import { createTableJobStore } from './storage/table-job-store';
import { createCloseDueVote } from './teams/priority/close-due-vote';
import { createTableAckStore } from './storage/table-ack-store';
import {
  createTableBallotBox,
  createTableCandidateStore,
  createTableConsentBox,
  createTableDecisionLog,
  createTableTeamStateStore,
  createTableVoteStore,
} from './storage/table-priority-stores';
import { createCoalescingSender } from './teams/outbound/coalescing-sender';
import { createProactiveSender } from './teams/outbound/proactive';
import { createBallotCardPublisher } from './teams/priority/ballot-card-publisher';
import { createPriorityHandlers } from './teams/priority/priority-handlers';
import { createConsentActions } from './teams/priority/consent-handlers';
import { createTeamChoice } from './teams/priority/team-choice';
import { teamsMessageLink } from './teams/message-link';
import { createTeamResolver } from './teams/priority/team-of';
import { createTablePreferenceStore } from './storage/table-preference-store';
import { createRosterCache } from './teams/team-roster';
import { createTeamMembership } from './teams/team-membership';
import { createChannelPoster } from './teams/channel-poster';
import { createProposeAsPriority } from './teams/message-extension/propose-as-priority';
import { createFindDecisions } from './teams/message-extension/find-decisions';
import { candidateCard } from './teams/cards/candidate-card';
import { visionCard } from './teams/cards/vision-card';
import { createVisionService } from './app/vision-service';
import { createTableVisionStore } from './storage/table-vision-store';
import { createSwotService } from './app/swot-service';
import { createTableSwotBoardStore } from './storage/table-board-store';
import { createTeamAccess } from './http/team-access';
import { createMyTeams, createVisitRecorder } from './app/my-teams';
import { createTableBoardVisits } from './storage/table-board-visits';
import type { TeamRef } from './app/team-ref';
import { createIntegrations } from './compose-integrations';
import { createOwnershipService } from './app/ownership-service';
import { createTableActionStore, createTableAssignmentStore } from './storage/table-ownership-stores';
import { createOwnershipPublisher } from './teams/ownership/ownership-publisher';
import { createOwnershipHandlers } from './teams/ownership/ownership-handlers';
import { createCheckIns } from './compose-check-ins';
import { createReleaseService } from './app/release-service';
import { createTableReleaseStore } from './storage/table-release-store';
import { createReleaseCards, createReleaseHandlers } from './teams/ownership/release-handlers';
import { createPriorityClosingService } from './app/priority-closing-service';
import { createClosingHandlers } from './teams/ownership/closing-handlers';

/** How long the vision and SWOT services share one storage read of a board between requests. */
export const boardReadsSharedMs = 500;

export interface RunningServer {
  url: string;
  port: number;
  /** Runs the jobs due now (the scheduler's timer does this every few seconds). */
  runDueJobs(): Promise<number>;
  /** Resolves when no card update is waiting to be sent. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface ServerOptions {
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  /** Hooks for tests and benchmarks (a fault layer, a transaction counter) on the storage client. */
  storageClientOptions?: TableServiceClientOptions;
  tabDirectory?: string;
  /** How often due jobs run; 0 turns the timer off (tests run them by hand). */
  schedulerIntervalMs?: number;
  /** Tests only: Bot Framework authentication against local keys. */
  botAuthentication?: TeamsAdapterOverrides;
  /** Tests only: the keys Teams SSO tokens are checked against (Entra ID's published keys otherwise). */
  ssoKeys?: JWTVerifyGetKey;
}

const defaultTabDirectory = fileURLToPath(new URL('../tab/dist', import.meta.url));

/** The composition root: wires storage, the Teams bot and the HTTP app, then listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, clock, logger } = options;
  const tables = await openTableSet(config.storage, config.tablePrefix, options.storageClientOptions);
  const teams = createTableTeamStore(tables.table('teams'));
  const conversations = createTableConversationStore(tables.table('conversations'));
  const ledger = createTableActivityLedger(tables.table('activities'), () => clock.now());

  const newId = () => randomUUID();
  const jobs = createTableJobStore(tables.table('jobs'));
  const candidateStore = createTableCandidateStore(tables.table('candidates'));
  const decisions = createTableDecisionLog(tables.table('decisions'));
  const teamState = createTableTeamStateStore(tables.table('teamstate'));
  const votes = createVoteService({
    votes: createTableVoteStore(tables.table('votes')),
    consents: createTableConsentBox(tables.table('consents')),
    ballots: createTableBallotBox(tables.table('ballots')),
    candidates: candidateStore,
    decisions,
    teamState,
    clock,
    newId,
    scheduleClose: (team, voteId, closesAt) =>
      jobs.schedule({
        id: `close-vote|${team.tenantId}|${team.teamId}|${voteId}`,
        kind: 'close-vote',
        tenantId: team.tenantId,
        teamId: team.teamId,
        subjectId: voteId,
        dueAt: closesAt,
      }),
  });
  const rosters = createRosterCache({ ttlMs: 60_000, now: () => clock.now().getTime() });
  const sender = createCoalescingSender({
    onError: (error, itemKey) => logger.error('card update failed', { error, itemKey }),
  });

  const adapter = createTeamsAdapter(config, logger, options.botAuthentication);
  const proactive = createProactiveSender(adapter, config.bot?.appId ?? '', config.serviceUrlAllowlist);
  const preferences = createTablePreferenceStore(tables.table('preferences'));
  const resolveTeam = createTeamResolver(preferences);
  const publisher = createBallotCardPublisher({ votes, sender, proactive, rosters, logger });
  const scheduler = createScheduler({
    jobs,
    clock,
    logger,
    owner: `instance-${randomUUID()}`,
    handlers: {
      'close-vote': createCloseDueVote({ votes, proactive, rosters, publisher, logger }),
      'deliver-webhook': (job) => integrations.webhooks.deliver(job),
      'check-in-round': (job) => checkIns.runRound(job),
      reminders: (job) => checkIns.runReminders(job),
    },
  });
  const candidates = createCandidateService({ candidates: candidateStore, teamState, clock, newId });
  const membership = createTeamMembership({ conversations, proactive, rosters });
  const tabUrl = (team: TeamRef, view?: string) =>
    `${config.publicUrl}/tab/?team=${encodeURIComponent(team.teamId)}${view ? `&view=${view}` : ''}`;
  const postToChannel = createChannelPoster({ conversations, teams, proactive, logger });
  const vision = createVisionService({
    visions: createTableVisionStore(tables.table('boards')),
    clock,
    newId,
    onAdopted: async (team, adopted, actor) => {
      await integrations.visionAdopted(team, adopted, actor.name);
      const card = visionCard(adopted, { closedBy: actor.name, tabUrl: tabUrl(team, 'vision') });
      await postToChannel(team, card, { decision: true });
    },
    cacheMs: boardReadsSharedMs,
  });
  const swot = createSwotService({
    boards: createTableSwotBoardStore(tables.table('boards')),
    candidates,
    clock,
    newId,
    link: (team, sessionId, subject) =>
      `${tabUrl(team, 'swot')}&session=${encodeURIComponent(sessionId)}&${subject.kind}=${encodeURIComponent(subject.id)}`,
    onCandidateProposed: (team, candidate, actor) =>
      postToChannel(
        team,
        candidateCard(candidate, {
          canChange: true,
          notice: `Proposed by ${actor.name} from the SWOT board`,
        }),
        { decision: false },
      ),
    cacheMs: boardReadsSharedMs,
  });
  const ownership = createOwnershipService({
    assignments: createTableAssignmentStore(tables.table('assignments')),
    actions: createTableActionStore(tables.table('actions')),
    teamState,
    decisions,
    votes: createTableVoteStore(tables.table('votes')),
    clock,
    newId,
    onActionCreated: (team) => checkIns.onActionCreated(team),
  });
  const ownershipCards = createOwnershipPublisher({ conversations, proactive, sender, ownership, logger });
  const owners = createOwnershipHandlers({ ownership, publisher: ownershipCards, resolveTeam, clock });
  const checkIns = createCheckIns({
    table: tables.table('checkins'),
    jobs,
    ownership,
    actions: createTableActionStore(tables.table('actions')),
    conversations,
    membership,
    proactive,
    sender,
    ownershipCards,
    resolveTeam,
    // Created on use: the caller identity is wired further down.
    teamAccess: (req) => createTeamAccess({ teams, identifyCaller, membership })(req),
    clock,
    logger,
    // Created further down; only called once the app runs.
    events: {
      roundClosed: (team, stored) => integrations.checkIns.roundClosed(team, stored),
      actionOverdue: (team, overdue) => integrations.checkIns.actionOverdue(team, overdue),
    },
  });
  const releases = createReleaseService({
    releases: createTableReleaseStore(tables.table('releases')),
    consents: createTableConsentBox(tables.table('consents')),
    decisions,
    ownership,
    clock,
    newId,
  });
  const releaseDeps = {
    releases,
    conversations,
    teams,
    proactive,
    sender,
    resolveTeam,
    logger,
    tabUrl: (team: TeamRef) => tabUrl(team),
  };
  const releaseCards = createReleaseCards(releaseDeps);
  const releaseHandlers = createReleaseHandlers({ ...releaseDeps, cards: releaseCards });
  const acks = createTableAckStore(tables.table('acks'));
  const closing = createClosingHandlers({
    closing: createPriorityClosingService({ ownership, decisions, teamState, candidates, votes, clock }),
    votes,
    acks,
    teams,
    proactive,
    resolveTeam,
    tabUrl: (team) => tabUrl(team),
  });
  const priority = createPriorityHandlers({
    owners: owners.owners,
    releases: async (team) => (await releases.list(team)).map((stored) => stored.item),
    candidates,
    // Outgoing events are raised where a decision is announced.
    votes: {
      ...votes,
      announce: async (team, ...rest) => {
        const decided = await votes.announce(team, ...rest);
        if (decided.ok) await integrations.decisionAnnounced(team, decided.value);
        return decided;
      },
    },
    decisions,
    teamState,
    acks,
    publisher,
    sender,
    proactive,
    clock,
    tabUrl: (team) => tabUrl(team),
    resolveTeam,
    teams,
    // Deep links only mean something in Teams; the local playground has no message URLs.
    messageLink: config.localMode ? () => null : teamsMessageLink,
  });
  const teamChoice = createTeamChoice({ teams, preferences });
  const bot = createTeamsBot({
    config,
    teams,
    conversations,
    ledger,
    clock,
    logger,
    rosters,
    adapter,
    commands: [
      ...priority.commands,
      ...owners.commands,
      ...checkIns.commands,
      ...releaseHandlers.commands,
      ...closing.commands,
      teamChoice.command,
    ],
    messageExtensions: [
      createProposeAsPriority({
        candidates,
        resolveTeam,
        announce: (team, candidate, byName) =>
          postToChannel(
            team,
            candidateCard(candidate, { canChange: true, notice: `Proposed by ${byName}` }),
            {
              decision: false,
            },
          ),
      }),
      createFindDecisions({ decisions, resolveTeam, tabUrl: (team) => tabUrl(team) }),
    ],
    actions: [
      ...priority.actions,
      ...createConsentActions({ votes, publisher, resolveTeam }),
      teamChoice.action,
      ...owners.actions,
      ...checkIns.actions,
      ...releaseHandlers.actions,
      ...closing.actions,
    ],
  });
  const entraKeys = options.ssoKeys ?? entraSigningKeys();
  const identifyCaller = createCallerIdentity(config, localTenantId, entraKeys);
  const integrations = createIntegrations({
    entra: config.sso,
    entraKeys,
    table: tables.table('integrations'),
    jobs,
    clock,
    logger,
    newId,
    localMode: config.localMode,
    publicUrl: config.publicUrl,
    teams,
    membership,
    teamAccess: createTeamAccess({ teams, identifyCaller, membership }),
    candidates,
    swot,
    teamState,
    decisions,
    tabUrl,
    onCandidateProposed: (team, candidate, byName) =>
      postToChannel(team, candidateCard(candidate, { canChange: false, notice: `Proposed by ${byName}` }), {
        decision: false,
      }),
  });
  const overview = createTeamOverview({ teamState, decisions, vision: (team) => vision.current(team) });
  const visits = createTableBoardVisits(tables.table('preferences'));
  const app = createHttpApp({
    config,
    logger,
    bot,
    teams,
    membership,
    teamAccess: createTeamAccess({ teams, identifyCaller, membership }),
    swot,
    vision,
    overview,
    onBoardViewed: createVisitRecorder(visits, () => clock.now()),
    myTeams: createMyTeams({ membership, votes, swot, visits, overview }),
    ownership,
    ownershipCards,
    releases,
    releaseCards,
    health: createHealthCheck(() => tables.ping(), clock),
    identifyCaller,
    tabDirectory: options.tabDirectory ?? defaultTabDirectory,
    checkInRoutes: checkIns.routes,
    integrationRoutes: integrations.routes,
  });

  const server = createServer(app);
  await listen(server, config.port, config.host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info('server listening', { url, localMode: config.localMode });
  if (options.schedulerIntervalMs !== 0) scheduler.start(options.schedulerIntervalMs ?? 5_000);
  if (config.localMode) {
    logger.warn(
      'local mode: no Bot Framework or Teams SSO authentication; never expose this server beyond this machine',
    );
  }
  return {
    url,
    port,
    runDueJobs: () => scheduler.runDue(),
    settle: () => sender.idle(),
    close: async () => {
      await scheduler.stop();
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
