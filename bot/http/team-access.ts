import type { Request } from 'express';
import { z } from 'zod';
import type { TeamRecord, TeamStore } from '../app/installations';
import type { TeamMembership } from '../app/team-membership';
import type { TeamRef } from '../app/team-ref';
import type { BoardActor } from '../domain/boards';
import { ApiError } from './api-error';
import type { IdentifyCaller } from './caller-identity';

/** The team a request is about, and the caller as one of its members. */
export interface TeamAccess {
  team: TeamRecord;
  ref: TeamRef;
  actor: BoardActor;
}

export type ResolveTeamAccess = (req: Request) => Promise<TeamAccess>;

const teamIdParam = z.string().min(1).max(1024);

/**
 * Every team route starts here: who is calling (SSO token, or local headers), which team of the caller's
 * tenant, and whether Teams' roster has the caller in it. Another tenant's team is simply not found.
 */
export function createTeamAccess(deps: {
  teams: TeamStore;
  identifyCaller: IdentifyCaller;
  membership: TeamMembership;
}): ResolveTeamAccess {
  return async (req) => {
    const caller = await deps.identifyCaller(req);
    const teamId = parseTeamId(req);
    // Local mode has no tenant of its own: the team is found in whichever tenant the playground used.
    const team = caller.local
      ? (await deps.teams.listAll(500)).find((known) => known.teamId === teamId)
      : await deps.teams.get(caller.tenantId, teamId);
    if (!team)
      throw new ApiError(404, 'not_found', 'This team is not known: add Leading Together to the team first.');
    const ref = { tenantId: team.tenantId, teamId: team.teamId };
    // A roster Teams cannot give right now is a 503 (the error handler's): never a guess either way.
    const member = await deps.membership.find(ref, caller.userId);
    if (!member)
      throw new ApiError(403, 'not_a_member', 'You are not a member of this team in Microsoft Teams.');
    return {
      team,
      ref,
      actor: { memberId: member.memberId, name: member.name, isTeamOwner: member.isTeamOwner },
    };
  };
}

export function parseTeamId(req: Request): string {
  const parsed = teamIdParam.safeParse(req.params.teamId);
  if (!parsed.success) throw new ApiError(400, 'bad_request', 'teamId: expected 1 to 1024 characters');
  return parsed.data;
}
