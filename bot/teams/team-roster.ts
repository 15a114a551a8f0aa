import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { ConversationInfo } from './conversation-info';

/** A member of the team (or group chat) the conversation belongs to. */
export interface TeamMember {
  id: string;
  aadObjectId: string | null;
  name: string;
}

export interface RosterCache {
  /** The members, from a short cache: ballots must not call Teams' member APIs each time. */
  membersOf(context: TurnContext, info: ConversationInfo): Promise<TeamMember[]>;
  /** The members of a team by its id, from any turn (a proactive one included). */
  membersOfTeam(context: TurnContext, tenantId: string, teamId: string): Promise<TeamMember[]>;
}

/** Reads rosters with the paged APIs (the old ones are throttled hard) and keeps them for `ttlMs`. */
export function createRosterCache(options: { ttlMs: number; now: () => number }): RosterCache {
  const cache = new Map<string, { at: number; members: Promise<TeamMember[]> }>();
  const cached = (key: string, load: () => Promise<TeamMember[]>): Promise<TeamMember[]> => {
    const hit = cache.get(key);
    if (hit && options.now() - hit.at < options.ttlMs) return hit.members;
    const members = load();
    cache.set(key, { at: options.now(), members });
    // A failed read must not stick in the cache.
    members.catch(() => cache.delete(key));
    return members;
  };
  return {
    membersOf(context, info) {
      if (info.scope === 'personal')
        return Promise.resolve([
          { id: info.user.id, aadObjectId: info.user.aadObjectId, name: info.user.name },
        ]);
      const teamId = info.teamId;
      return teamId
        ? cached(`${info.tenantId}|${teamId}`, () => fetchAll(context, teamId))
        : cached(`${info.tenantId}|${info.conversationId}`, () => fetchAll(context, null));
    },
    membersOfTeam(context, tenantId, teamId) {
      return cached(`${tenantId}|${teamId}`, () => fetchAll(context, teamId));
    },
  };
}

async function fetchAll(context: TurnContext, teamId: string | null): Promise<TeamMember[]> {
  const members: TeamMember[] = [];
  let continuationToken: string | undefined;
  do {
    const page = teamId
      ? await TeamsInfo.getPagedTeamMembers(context, teamId, 500, continuationToken)
      : await TeamsInfo.getPagedMembers(context, 500, continuationToken);
    for (const member of page.members) {
      members.push({
        id: member.id,
        aadObjectId: member.aadObjectId ?? null,
        name: member.name ?? member.givenName ?? 'Member',
      });
    }
    continuationToken = page.continuationToken || undefined;
  } while (continuationToken);
  return members;
}

/** True when the user is on the roster, by channel account id or Entra object id. */
export function isOnRoster(
  members: readonly TeamMember[],
  user: { id: string; aadObjectId: string | null },
): boolean {
  return members.some(
    (member) =>
      member.id === user.id || (user.aadObjectId !== null && member.aadObjectId === user.aadObjectId),
  );
}

/** The team's members, or none when Teams cannot say (logged), for work outside a user's turn. */
export function membersOrNone(
  rosters: RosterCache,
  context: TurnContext,
  team: { tenantId: string; teamId: string },
  onError: (error: unknown) => void,
): Promise<TeamMember[]> {
  return rosters.membersOfTeam(context, team.tenantId, team.teamId).catch((error: unknown) => {
    onError(error);
    return [];
  });
}
