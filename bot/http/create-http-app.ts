import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import type { AppConfig } from '../config';
import type { Logger } from '../support/logger';
import type { TeamsBot } from '../teams/create-teams-bot';
import { MembershipUnavailableError } from '../app/team-membership';
import { ApiError, internalErrorMessage, sendApiError } from './api-error';
import { createBotEndpoint, isBotEndpointRequest } from './bot-endpoint';
import { securityHeaders } from './security-headers';
import type { IdentifyCaller } from './caller-identity';
import type { HealthCheck } from './health';
import { tabContentSecurityPolicy } from './tab-security';
import { createTeamRoutes, type TeamRouteDeps } from './team-routes';
import { createSwotRoutes } from './swot-routes';
import type { SwotService } from '../app/swot-service';
import type { VisionService } from '../app/vision-service';
import { createVisionRoutes } from './vision-routes';
import { createMeRoutes } from './me-routes';
import type { MyTeam } from '../app/my-teams';
import type { TeamRecord } from '../app/installations';
import type { TeamRef } from '../app/team-ref';
import { createOwnershipRoutes } from './ownership-routes';
import type { OwnershipService } from '../app/ownership-service';
import type { OwnershipPublisher } from '../teams/ownership/ownership-publisher';
import type { ReleaseService } from '../app/release-service';
import type { ReleaseCards } from '../teams/ownership/release-handlers';

export interface HttpAppDeps extends TeamRouteDeps {
  swot: SwotService;
  vision: VisionService;
  onBoardViewed: (team: TeamRef, memberId: string, boardId: string) => Promise<void>;
  myTeams: (candidates: readonly TeamRecord[], callerId: string) => Promise<MyTeam[]>;
  ownership: OwnershipService;
  ownershipCards: OwnershipPublisher;
  releases: ReleaseService;
  releaseCards: ReleaseCards;
  config: AppConfig;
  logger: Logger;
  bot: TeamsBot;
  health: HealthCheck;
  identifyCaller: IdentifyCaller;
  /** Built tab (tab/dist); served at /tab/ when present. */
  tabDirectory: string;
  /** The priority's check-in settings and timeline (bot/compose-check-ins.ts). */
  checkInRoutes?: express.Router;
  /** Webhooks, API keys, the flows API and /api/openapi.json (bot/compose-integrations.ts). */
  integrationRoutes?: express.Router[];
}

/** The one HTTP surface: bot endpoint, tab pages, tab API and health. */
export function createHttpApp(deps: HttpAppDeps): RequestListener {
  const botEndpoint = createBotEndpoint(deps);
  const app = createExpressApp(deps);
  return (req, res) => {
    if (isBotEndpointRequest(req)) botEndpoint(req, res);
    else void app(req, res);
  };
}

/** Everything but the bot endpoint: tab pages, tab API and health. */
function createExpressApp(deps: HttpAppDeps): express.Express {
  const { logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);

  app.use((_req, res, next) => {
    res.set(securityHeaders);
    next();
  });
  // The tab's scripts and a big board's JSON shrink to about a tenth: App Service does not compress for
  // a Node app, and a phone between classes should not download half a megabyte to show the tab.
  app.use(compression({ threshold: 1024 }));

  app.get('/healthz', async (_req, res) => {
    const report = await deps.health.check();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });

  app.use(
    '/api',
    express.json({ limit: '64kb' }),
    createTeamRoutes(deps),
    createSwotRoutes(deps),
    createVisionRoutes(deps),
    createMeRoutes(deps),
    ...(deps.integrationRoutes ?? []),
    createOwnershipRoutes(deps),
    ...(deps.checkInRoutes ? [deps.checkInRoutes] : []),
  );

  app.use('/api', (_req, res) => sendApiError(res, 404, 'not_found', 'no such API route'));

  if (existsSync(deps.tabDirectory)) {
    app.use('/tab', (_req, res, next) => {
      res.setHeader('Content-Security-Policy', tabContentSecurityPolicy);
      next();
    });
    app.use('/tab', express.static(deps.tabDirectory, { index: 'index.html', maxAge: '5m' }));
  } else {
    app.use('/tab', (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The tab is not built yet: run `npm run build` (npm start does it for you).');
    });
  }
  app.get('/', (_req, res) => res.redirect('/tab/'));

  // One place turns failures into answers: expected ones keep their status, the rest are a 500 without details.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof ApiError) {
      sendApiError(res, error.status, error.code, error.message, error.details);
      return;
    }
    if (error instanceof MembershipUnavailableError) {
      logger.warn('team roster unavailable', { error });
      sendApiError(
        res,
        503,
        'membership_unavailable',
        'Microsoft Teams could not confirm who is in this team just now. Try again in a minute.',
      );
      return;
    }
    if (isBodyParserError(error)) {
      sendApiError(
        res,
        error.status,
        'bad_request',
        error.type === 'entity.too.large' ? 'body: too large' : 'body: expected valid JSON',
      );
      return;
    }
    logger.error('request failed', { error });
    sendApiError(res, 500, 'internal', internalErrorMessage);
  });
  return app;
}

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    typeof error.status === 'number' &&
    error.status >= 400 &&
    error.status < 500 &&
    'type' in error &&
    typeof error.type === 'string'
  );
}
