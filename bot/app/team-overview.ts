import type { AdoptedVision } from '../domain/boards';
import { isPriorityClosedDecision, isVoteDecision, type LoggedDecision } from '../domain/decisions';
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
  decisions: OverviewDecision[];
}

/** A decision in the overview; `method` and `turnout` only for a vote, `outcomes`/`learned` only for an ended priority. */
export interface OverviewDecision {
  id: string;
  kind: LoggedDecision['kind'];
  title: string;
  /** Why: the vote's rationale, a release's consent, or what an ended priority achieved. */
  rationale: string;
  decidedAt: string;
  method: string | null;
  turnout: { voted: number; teamSize: number } | null;
  outcomes?: string;
  learned?: string;
}

/** One log entry as the overview lists it, whatever its kind (L-8). */
export function overviewDecision(decision: LoggedDecision): OverviewDecision {
  const base = { id: decision.id, kind: decision.kind, title: decision.title, decidedAt: decision.decidedAt };
  if (isVoteDecision(decision))
    return { ...base, rationale: decision.rationale, method: decision.method, turnout: decision.turnout };
  if (isPriorityClosedDecision(decision))
    return {
      ...base,
      rationale: decision.outcomes,
      method: null,
      turnout: null,
      outcomes: decision.outcomes,
      learned: decision.learned,
    };
  return {
    ...base,
    rationale: `Released by consent: ${decision.consents} consent, ${decision.standAsides} stand aside, no objection.`,
    method: 'consent',
    turnout: null,
  };
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
      decisions: decisions.map(overviewDecision),
    };
  };
}
