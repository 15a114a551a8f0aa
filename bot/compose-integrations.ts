import type { JWTVerifyGetKey } from 'jose';
import type { TableClient } from '@azure/data-tables';
import type { Router } from 'express';
import { createApiKeyService, type ApiKeyService } from './app/api-key-service';
import type { CandidateService } from './app/candidate-service';
import type { CheckInEvents } from './app/check-in-service';
import type { TeamStore } from './app/installations';
import type { JobStore } from './app/job-store';
import type { DecisionLog, TeamStateStore } from './app/priority-stores';
import type { SwotService } from './app/swot-service';
import type { TeamMembership } from './app/team-membership';
import type { TeamRef } from './app/team-ref';
import type { EventPublisher, OutgoingEvent } from './app/webhook-events';
import { createWebhookService, type WebhookService, type WebhookTransport } from './app/webhook-service';
import type { AdoptedVision } from './domain/boards';
import type { Candidate } from './domain/candidates';
import type { Decision } from './domain/decisions';
import type { EntraAudience } from './http/entra-token';
import { createFlowAuthentication } from './http/flow-authentication';
import { createFlowRoutes } from './http/flow-routes';
import { createIntegrationRoutes } from './http/integration-routes';
import type { ResolveTeamAccess } from './http/team-access';
import { createFetchTransport } from './http/webhook-transport';
import { createTableApiKeyStore, createTableWebhookStore } from './storage/table-integration-stores';
import type { Clock } from './support/clock';
import type { Logger } from './support/logger';
import { newSecret } from './support/secrets';
import {
  actionOverdueEvent,
  checkInClosedEvent,
  decisionEvents,
  visionAdoptedEvent,
} from './teams/outbound/team-events';

/** Outgoing webhooks, API keys and the flows API, wired for the composition root. */
export interface Integrations {
  webhooks: WebhookService;
  apiKeys: ApiKeyService;
  /** The /api routes: the tab's webhook and API-key routes, the flows API and /api/openapi.json. */
  routes: Router[];
  /** Raises the events of an announced decision; a failure is logged, never thrown at the announcement. */
  decisionAnnounced(team: TeamRef, decision: Decision): Promise<void>;
  /** Raises `vision.adopted`; a failure is logged, never thrown at the adoption. */
  visionAdopted(team: TeamRef, vision: AdoptedVision, closedBy: string): Promise<void>;
  /** Raises `checkin.closed` and `action.overdue`; failures are logged, never thrown at the check-ins. */
  checkIns: CheckInEvents;
}

export function createIntegrations(deps: {
  table: TableClient;
  jobs: JobStore;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  localMode: boolean;
  publicUrl: string;
  teams: TeamStore;
  /** Member names for the check-in events. */
  membership: TeamMembership;
  teamAccess: ResolveTeamAccess;
  candidates: CandidateService;
  swot: SwotService;
  teamState: TeamStateStore;
  decisions: DecisionLog;
  tabUrl: (team: TeamRef, view?: string) => string;
  onCandidateProposed: (team: TeamRef, candidate: Candidate, byName: string) => Promise<void>;
  /** The app's Entra ID registration, for flows calling with an app token; null in local mode. */
  entra: EntraAudience | null;
  entraKeys: JWTVerifyGetKey;
  /** Tests only: a transport other than fetch. */
  transport?: WebhookTransport;
}): Integrations {
  const { logger } = deps;
  const webhooks = createWebhookService({
    store: createTableWebhookStore(deps.table),
    jobs: deps.jobs,
    clock: deps.clock,
    logger,
    newId: deps.newId,
    newSecret: () => newSecret('whsec_'),
    transport: deps.transport ?? createFetchTransport(),
    teamName: async (team) => (await deps.teams.get(team.tenantId, team.teamId))?.name ?? '',
    localMode: deps.localMode,
  });
  const apiKeys = createApiKeyService({
    keys: createTableApiKeyStore(deps.table),
    clock: deps.clock,
    logger,
    newId: deps.newId,
    newKey: () => newSecret('ltk_'),
  });
  const publishAll = async (publisher: EventPublisher, team: TeamRef, events: OutgoingEvent[]) => {
    for (const event of events) {
      try {
        await publisher.publish(team, event);
      } catch (error: unknown) {
        logger.error('event not published', { error, ...team, type: event.type, subject: event.subject });
      }
    }
  };
  const namesOf = async (team: TeamRef) => {
    try {
      const names = new Map((await deps.membership.list(team)).map((m) => [m.memberId, m.name]));
      return (memberId: string) => names.get(memberId) ?? 'A former member';
    } catch (error: unknown) {
      logger.warn('roster unavailable; the event names nobody', { error, teamId: team.teamId });
      return () => 'A member';
    }
  };
  const guarded = async (team: TeamRef, type: string, raise: () => Promise<void>) => {
    try {
      await raise();
    } catch (error: unknown) {
      logger.error('event not published', { error, ...team, type });
    }
  };
  const checkIns: CheckInEvents = {
    roundClosed: (team, stored) =>
      guarded(team, 'checkin.closed', async () => {
        // No subscriber: skip the roster read.
        if (!(await webhooks.list(team)).some((each) => each.events.includes('checkin.closed'))) return;
        const event = checkInClosedEvent(stored, {
          teamId: team.teamId,
          nameOf: await namesOf(team),
          tabUrl: deps.tabUrl(team),
        });
        await webhooks.publish(team, event);
      }),
    actionOverdue: (team, overdue) =>
      guarded(team, 'action.overdue', async () => {
        const event = actionOverdueEvent(overdue, { nameOf: await namesOf(team), tabUrl: deps.tabUrl(team) });
        await webhooks.publish(team, event);
      }),
  };
  const decisionAnnounced = (team: TeamRef, decision: Decision) =>
    publishAll(webhooks, team, decisionEvents(decision, { tabUrl: deps.tabUrl(team) }));
  return {
    webhooks,
    apiKeys,
    routes: [
      createIntegrationRoutes({ teamAccess: deps.teamAccess, webhooks, apiKeys }),
      createFlowRoutes({
        ...deps,
        webhooks,
        authenticate: createFlowAuthentication({ apiKeys, entra: deps.entra, keys: deps.entraKeys }),
      }),
    ],
    decisionAnnounced,
    checkIns,
    visionAdopted: (team, vision, closedBy) =>
      publishAll(webhooks, team, [
        visionAdoptedEvent(vision, { closedBy, tabUrl: deps.tabUrl(team, 'vision') }),
      ]),
  };
}
