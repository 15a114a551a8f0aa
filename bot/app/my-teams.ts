import type { SwotItem } from '../domain/boards';
import { visitKey, type BoardVisits } from './board-visits';
import type { TeamRecord } from './installations';
import type { TeamOverview } from './team-overview';
import { MembershipUnavailableError, type TeamMembership } from './team-membership';
import type { SwotService } from './swot-service';
import type { VoteService } from './vote-service';

/** One of the caller's teams on the personal tab: its priority and what waits for the caller. */
export interface MyTeam {
  id: string;
  name: string;
  vision: string | null;
  priority: string | null;
  /** Open votes in which the caller has no ballot yet. */
  ballots: Array<{ voteId: string; title: string; closesAt: string }>;
  /** The open SWOT board, with the items others added since the caller last looked. */
  board: { sessionId: string; title: string; newItems: number } | null;
}

/**
 * The personal tab's "my teams": the teams (of the caller's tenant) whose Teams roster has the caller,
 * each with its priority, the ballots the caller has not cast, and board items new to them.
 */
export function createMyTeams(deps: {
  membership: TeamMembership;
  votes: VoteService;
  swot: SwotService;
  visits: BoardVisits;
  overview: (tenantId: string, team: TeamRecord) => Promise<TeamOverview>;
}) {
  const waitingFor = async (team: TeamRecord, memberId: string, seen: ReadonlyMap<string, string>) => {
    const ref = { tenantId: team.tenantId, teamId: team.teamId };
    const [overview, openVotes, sessions] = await Promise.all([
      deps.overview(team.tenantId, team),
      deps.votes.openVotes(ref),
      deps.swot.sessions(ref),
    ]);
    const ballots: MyTeam['ballots'] = [];
    for (const stored of openVotes) {
      const snapshot = await deps.votes.snapshot(ref, stored.vote.id, {
        ballotsMaxAgeMs: 30_000,
        freshFor: memberId,
      });
      if (snapshot && !snapshot.ballots.has(memberId))
        ballots.push({ voteId: stored.vote.id, title: stored.vote.title, closesAt: stored.vote.closesAt });
    }
    const open = sessions.find((session) => session.status === 'open') ?? null;
    let board: MyTeam['board'] = null;
    if (open) {
      const stored = await deps.swot.board(ref, open.id);
      const since = seen.get(visitKey(team.teamId, open.id)) ?? '';
      const isNew = (item: SwotItem) => item.authorId !== memberId && item.createdAt > since;
      board = {
        sessionId: open.id,
        title: open.title,
        newItems: stored?.board.items.filter(isNew).length ?? 0,
      };
    }
    return {
      id: team.teamId,
      name: team.name,
      vision: overview.vision?.text ?? null,
      priority: overview.priority?.title ?? null,
      ballots,
      board,
    };
  };

  return async (candidates: readonly TeamRecord[], callerId: string): Promise<MyTeam[]> => {
    const mine: MyTeam[] = [];
    const visits = new Map<string, Promise<ReadonlyMap<string, string>>>();
    const seenBy = (tenantId: string, memberId: string) => {
      const key = `${tenantId}|${memberId}`;
      const known = visits.get(key) ?? deps.visits.lastSeen(tenantId, memberId);
      visits.set(key, known);
      return known;
    };
    // A few teams at a time: each membership check may read a roster from Teams.
    for (let start = 0; start < candidates.length; start += 5) {
      const batch = candidates.slice(start, start + 5);
      const found = await Promise.all(
        batch.map(async (team) => {
          const member = await deps.membership
            .find({ tenantId: team.tenantId, teamId: team.teamId }, callerId)
            .catch((error: unknown) => {
              // A team whose roster Teams cannot give now is left out of the list, not the whole list.
              if (error instanceof MembershipUnavailableError) return null;
              throw error;
            });
          if (!member) return null;
          const seen = await seenBy(team.tenantId, member.memberId);
          return waitingFor(team, member.memberId, seen);
        }),
      );
      for (const team of found) if (team) mine.push(team);
    }
    return mine;
  };
}

/** Records board visits, at most once a minute per member and board on this instance (polls do not write). */
export function createVisitRecorder(visits: BoardVisits, now: () => Date) {
  const recent = new Map<string, number>();
  return async (
    team: { tenantId: string; teamId: string },
    memberId: string,
    boardId: string,
  ): Promise<void> => {
    const key = `${team.tenantId}|${memberId}|${team.teamId}|${boardId}`;
    const at = now();
    if (at.getTime() - (recent.get(key) ?? 0) < 60_000) return;
    recent.set(key, at.getTime());
    if (recent.size > 10_000) recent.clear();
    await visits.record(team.tenantId, memberId, team.teamId, boardId, at.toISOString());
  };
}
