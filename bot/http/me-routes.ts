import { Router } from 'express';
import { z } from 'zod';
import type { TeamStore } from '../app/installations';
import type { MyTeam } from '../app/my-teams';
import type { TeamRecord } from '../app/installations';
import type { IdentifyCaller } from './caller-identity';
import { parseInput } from './request-schemas';

/** The personal tab's API: the caller's teams and what waits for them there. */
export function createMeRoutes(deps: {
  teams: TeamStore;
  identifyCaller: IdentifyCaller;
  myTeams: (candidates: readonly TeamRecord[], callerId: string) => Promise<MyTeam[]>;
}): Router {
  const router = Router();
  router.get('/me', async (req, res) => {
    const caller = await deps.identifyCaller(req);
    parseInput(z.object({}).strict(), req.query, 'query');
    // Local mode has no tenant of its own; otherwise only the caller's tenant is ever looked at.
    const candidates = caller.local
      ? await deps.teams.listAll(200)
      : await deps.teams.listInTenant(caller.tenantId, 200);
    res.json({ me: { name: caller.name }, teams: await deps.myTeams(candidates, caller.userId) });
  });
  return router;
}
