import type { AdoptedVision } from '../domain/boards';
import type { TeamRecord } from './installations';
import type { TeamRef } from './team-ref';
import type { DecisionLog, TeamStateStore } from './priority-stores';

/** What the tab's first view shows of a team: its priority, the things to watch and the recent decisions. */
export interface TeamOverview {
  team: { id: string; name: string };
  /** The adopted vision, shown at the top of every view. */
  vision: { text: string; adoptedAt: string } | null;
  priority: { title: string; chosenAt: string; decisionId: string } | null;
  watchList: Array<{ title: string; place: number }>;
  decisions: Array<{
    id: string;
    title: string;
    rationale: string;
    decidedAt: string;
    method: string;
    turnout: { voted: number; teamSize: number };
  }>;
}

export function createTeamOverview(deps: {
  teamState: TeamStateStore;
  decisions: DecisionLog;
  vision: (team: TeamRef) => Promise<AdoptedVision | null>;
}) {
  return async (tenantId: string, team: TeamRecord): Promise<TeamOverview> => {
    const ref = { tenantId, teamId: team.teamId };
    const [state, decisions, vision] = await Promise.all([
      deps.teamState.get(ref),
      deps.decisions.recent(ref, 50),
      deps.vision(ref),
    ]);
    const active = state?.value.activePriority;
    return {
      team: { id: team.teamId, name: team.name },
      vision: vision ? { text: vision.text, adoptedAt: vision.adoptedAt } : null,
      priority: active
        ? { title: active.title, chosenAt: active.chosenAt, decisionId: active.decisionId }
        : null,
      watchList: (state?.value.watchList ?? []).map((entry) => ({ title: entry.title, place: entry.place })),
      decisions: decisions.map((decision) => ({
        id: decision.id,
        title: decision.title,
        rationale: decision.rationale,
        decidedAt: decision.decidedAt,
        method: decision.method,
        turnout: decision.turnout,
      })),
    };
  };
}
