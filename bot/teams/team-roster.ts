import { createPipelineRequest } from '@azure/core-rest-pipeline';
import type { TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { z } from 'zod';
import type { ConversationInfo } from './conversation-info';

/** A member of the team (or group chat) the conversation belongs to. */
export interface TeamMember {
  id: string;
  aadObjectId: string | null;
  name: string;
  /** Teams' role in the team: owners may stand in for a vote's facilitator. */
  role?: 'owner' | 'member';
}

export interface RosterCache {
  /**
   * The members, from a short cache: ballots must not call Teams' member APIs each time. `fresh` reads
   * Teams again (someone the cached list lacks may have just been added).
   */
  membersOf(
    context: TurnContext,
    info: ConversationInfo,
    options?: { fresh?: boolean },
  ): Promise<TeamMember[]>;
  /** The members of a team by its id, from any turn (a proactive one included). */
  membersOfTeam(context: TurnContext, tenantId: string, teamId: string): Promise<TeamMember[]>;
}

/** Reads rosters with the paged APIs (the old ones are throttled hard) and keeps them for `ttlMs`. */
export function createRosterCache(options: { ttlMs: number; now: () => number }): RosterCache {
  const cache = new Map<string, { at: number; members: Promise<TeamMember[]> }>();
  const cached = (key: string, load: () => Promise<TeamMember[]>, fresh = false): Promise<TeamMember[]> => {
    const hit = cache.get(key);
    if (hit && !fresh && options.now() - hit.at < options.ttlMs) return hit.members;
    const members = load();
    cache.set(key, { at: options.now(), members });
    // A failed read must not stick in the cache.
    members.catch(() => cache.delete(key));
    return members;
  };
  return {
    membersOf(context, info, { fresh = false } = {}) {
      if (info.scope === 'personal')
        return Promise.resolve([
          { id: info.user.id, aadObjectId: info.user.aadObjectId, name: info.user.name },
        ]);
      const teamId = info.teamId;
      return teamId
        ? cached(`${info.tenantId}|${teamId}`, () => fetchAll(context, teamId), fresh)
        : cached(`${info.tenantId}|${info.conversationId}`, () => fetchAll(context, null), fresh);
    },
    membersOfTeam(context, tenantId, teamId) {
      return cached(`${tenantId}|${teamId}`, () => fetchAll(context, teamId));
    },
  };
}

const pagedMembers = z.object({
  members: z.array(
    z
      .object({
        id: z.string(),
        name: z.string().optional(),
        givenName: z.string().optional(),
        aadObjectId: z.string().optional(),
        userRole: z.string().optional(),
      })
      .passthrough(),
  ),
  continuationToken: z.string().nullish(),
});

/**
 * Reads the paged members API with the turn's own connector client (so the bot's credentials sign it).
 * botbuilder's TeamsInfo drops `userRole` when it deserialises, and the role says who owns the team.
 */
async function fetchAll(context: TurnContext, teamId: string | null): Promise<TeamMember[]> {
  const client = context.turnState.get<ConnectorClient | undefined>(context.adapter.ConnectorClientKey);
  if (!client) throw new Error('no connector client in this turn');
  const base = context.activity.serviceUrl.replace(/\/?$/, '/');
  const conversationId = teamId ?? context.activity.conversation.id;
  const members: TeamMember[] = [];
  let continuationToken: string | undefined;
  do {
    const query = new URLSearchParams({
      pageSize: '500',
      ...(continuationToken ? { continuationToken } : {}),
    });
    const url = `${base}v3/conversations/${encodeURIComponent(conversationId)}/pagedmembers?${query.toString()}`;
    const response = await client.sendRequest(
      // Plain http only reaches loopback connectors (the serviceUrl allowlist admits no other).
      createPipelineRequest({ url, method: 'GET', allowInsecureConnection: url.startsWith('http://') }),
    );
    if (response.status >= 400) {
      throw Object.assign(new Error(`reading the team's members failed with ${response.status}`), {
        statusCode: response.status,
      });
    }
    const page = pagedMembers.parse(JSON.parse(response.bodyAsText ?? '{}'));
    for (const member of page.members) {
      members.push({
        id: member.id,
        aadObjectId: member.aadObjectId ?? null,
        name: member.name ?? member.givenName ?? 'Member',
        role: member.userRole === 'owner' ? 'owner' : 'member',
      });
    }
    continuationToken = page.continuationToken || undefined;
  } while (continuationToken);
  return members;
}

/** True when the person acting is in the conversation's team or chat, reading Teams again before saying no. */
export async function isMemberOf(
  rosters: RosterCache,
  context: TurnContext,
  info: ConversationInfo,
): Promise<boolean> {
  if (isOnRoster(await rosters.membersOf(context, info), info.user)) return true;
  return isOnRoster(await rosters.membersOf(context, info, { fresh: true }), info.user);
}

/** True when the user is on the roster, by channel account id or Entra object id. */
export function isOnRoster(
  members: readonly TeamMember[],
  user: { id: string; aadObjectId: string | null },
): boolean {
  const { ids, aadObjectIds } = rosterIndex(members);
  return ids.has(user.id) || (user.aadObjectId !== null && aadObjectIds.has(user.aadObjectId));
}

/** A roster's members by id, name and Entra object id. */
export interface RosterIndex {
  ids: ReadonlySet<string>;
  aadObjectIds: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
}

// A roster is kept (and shared) for a minute and looked up on every card press: index it once.
const indexes = new WeakMap<readonly TeamMember[], RosterIndex>();

export function rosterIndex(members: readonly TeamMember[]): RosterIndex {
  let index = indexes.get(members);
  if (!index) {
    index = {
      ids: new Set(members.map((member) => member.id)),
      aadObjectIds: new Set(members.flatMap((member) => (member.aadObjectId ? [member.aadObjectId] : []))),
      names: new Map(members.map((member) => [member.id, member.name])),
    };
    indexes.set(members, index);
  }
  return index;
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

/** True when the user owns the team, by this roster. */
export function isTeamOwner(
  members: readonly TeamMember[],
  user: { id: string; aadObjectId: string | null },
): boolean {
  return members.some(
    (member) =>
      member.role === 'owner' &&
      (member.id === user.id || (user.aadObjectId !== null && member.aadObjectId === user.aadObjectId)),
  );
}
