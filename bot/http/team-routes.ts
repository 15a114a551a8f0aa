import { Router } from 'express';
import type { TeamRecord, TeamStore } from '../app/installations';
import type { TeamMembership } from '../app/team-membership';
import type { TeamOverview } from '../app/team-overview';
import type { AppConfig } from '../config';
import { ApiError } from './api-error';
import { parseTeamId, type ResolveTeamAccess } from './team-access';

export interface TeamRouteDeps {
  config: AppConfig;
  teams: TeamStore;
  membership: TeamMembership;
  teamAccess: ResolveTeamAccess;
  overview: (tenantId: string, team: TeamRecord) => Promise<TeamOverview>;
}

/** The tab's read API for a team; every route resolves the caller as a member of the team first. */
export function createTeamRoutes(deps: TeamRouteDeps): Router {
  const router = Router();

  router.get('/local/directory', async (_req, res) => {
    if (!deps.config.localMode) throw new ApiError(404, 'not_found', 'no such API route');
    const teams = await deps.teams.listAll(200);
    res.json({ teams: teams.map((team) => ({ id: team.teamId, name: team.name })) });
  });

  router.get('/local/teams/:teamId/members', async (req, res) => {
    if (!deps.config.localMode) throw new ApiError(404, 'not_found', 'no such API route');
    const teamId = parseTeamId(req);
    const team = (await deps.teams.listAll(500)).find((known) => known.teamId === teamId);
    if (!team)
      throw new ApiError(404, 'not_found', 'This team is not known: add Leading Together to the team first.');
    const members = await deps.membership.list({ tenantId: team.tenantId, teamId: team.teamId });
    res.json({ members: members.map((member) => ({ id: member.memberId, name: member.name })) });
  });

  router.get('/teams/:teamId', async (req, res) => {
    const { team } = await deps.teamAccess(req);
    res.json(await deps.overview(team.tenantId, team));
  });

  // Whom the tab offers when assigning a role or an action: the team's Teams roster, to its members only.
  router.get('/teams/:teamId/members', async (req, res) => {
    const { ref } = await deps.teamAccess(req);
    const members = await deps.membership.list(ref);
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ members: members.map((member) => ({ id: member.memberId, name: member.name })) });
  });

  return router;
}
