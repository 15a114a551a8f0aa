import { Router, type Request } from 'express';
import { z } from 'zod';
import type { TeamRecord, TeamStore } from '../app/installations';
import type { TeamOverview } from '../app/team-overview';
import type { AppConfig } from '../config';
import { ApiError } from './api-error';
import type { IdentifyCaller } from './caller-identity';

export interface TeamRouteDeps {
  config: AppConfig;
  teams: TeamStore;
  identifyCaller: IdentifyCaller;
  overview: (tenantId: string, team: TeamRecord) => Promise<TeamOverview>;
}

const teamIdParam = z.string().min(1).max(1024);

/** The tab's read API for a team; every route resolves the caller first and only sees the caller's tenant. */
export function createTeamRoutes(deps: TeamRouteDeps): Router {
  const router = Router();

  router.get('/local/directory', async (_req, res) => {
    if (!deps.config.localMode) throw new ApiError(404, 'not_found', 'no such API route');
    const teams = await deps.teams.listAll(200);
    res.json({ teams: teams.map((team) => ({ id: team.teamId, name: team.name })) });
  });

  router.get('/teams/:teamId', async (req, res) => {
    const caller = await deps.identifyCaller(req);
    const teamId = parseTeamId(req);
    // Local mode has no tenant of its own: the team is found in whichever tenant the playground used.
    const team = caller.local
      ? (await deps.teams.listAll(500)).find((known) => known.teamId === teamId)
      : await deps.teams.get(caller.tenantId, teamId);
    if (!team)
      throw new ApiError(404, 'not_found', 'This team is not known: add Leading Together to the team first.');
    res.json(await deps.overview(team.tenantId, team));
  });

  return router;
}

function parseTeamId(req: Request): string {
  const parsed = teamIdParam.safeParse(req.params.teamId);
  if (!parsed.success) throw new ApiError(400, 'bad_request', 'teamId: expected 1 to 1024 characters');
  return parsed.data;
}
