import type { Priority, WatchListEntry } from '../domain/decisions';
import { isPriorityClosedDecision } from '../domain/decisions';
import {
  actingAs,
  completePriority,
  type Actor,
  type PriorityClosedDecision,
  type PriorityOutcome,
} from '../domain/ownership';
import type { VoteSettingsInput } from '../domain/voting';
import type { Clock } from '../support/clock';
import { refuse, type BoardOutcome } from './board-outcome';
import type { CandidateService } from './candidate-service';
import type { OwnershipActor, OwnershipService } from './ownership-service';
import type { DecisionLog, StoredVote, TeamStateStore } from './priority-stores';
import { ConflictError, type TeamRef } from './team-ref';
import type { VoteService } from './vote-service';

/** What ending the priority produced: the logged decision and the watch list the next vote can come from. */
export interface PriorityClosedResult {
  decision: PriorityClosedDecision;
  watchList: WatchListEntry[];
}

export interface PriorityClosingService {
  /** The active priority, when this member may complete or retire it (a facilitator or the lead, PC-3). */
  closable(team: TeamRef, actor: OwnershipActor): Promise<BoardOutcome<Priority>>;
  /**
   * Completes or retires the active priority with its outcomes and learning (PC-1..PC-4): the decision is
   * logged in the hash chain, the priority moves to the past ones and the team has no active priority.
   */
  close(
    team: TeamRef,
    actor: OwnershipActor,
    input: { priorityId: string; outcome: PriorityOutcome; outcomes: string; learned: string },
  ): Promise<BoardOutcome<PriorityClosedResult>>;
  /**
   * Opens the vote on the next priority: the watch list's candidates are proposed again and the vote opens
   * over the open candidates, with the member as its facilitator.
   */
  voteOnWatchList(
    team: TeamRef,
    actor: { memberId: string; teamSize: number },
    settings: { settings: VoteSettingsInput; closesInHours: number },
  ): Promise<BoardOutcome<StoredVote>>;
}

export interface PriorityClosingDeps {
  ownership: OwnershipService;
  decisions: DecisionLog;
  teamState: TeamStateStore;
  candidates: CandidateService;
  votes: VoteService;
  clock: Clock;
}

const attempts = 5;

/** Ending the active priority by decision, and choosing the next one from the watch list. */
export function createPriorityClosingService(deps: PriorityClosingDeps): PriorityClosingService {
  const now = () => deps.clock.now().toISOString();

  const actorOf = async (
    team: TeamRef,
    who: OwnershipActor,
  ): Promise<BoardOutcome<{ priority: Priority; actor: Actor }>> => {
    const current = await deps.ownership.current(team);
    if (!current) return refuse(409, 'priority', 'the team has no active priority to complete or retire');
    const actor = actingAs(
      who.memberId,
      current.assignments.map((row) => row.value.assignment),
      { facilitator: who.isTeamOwner || current.facilitators.includes(who.memberId) },
    );
    return { ok: true, value: { priority: current.priority, actor } };
  };

  /** Moves the ended priority out of the team state (once; a repeat after a crash finds it done). */
  const endInState = async (team: TeamRef, ended: Priority): Promise<WatchListEntry[]> => {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const state = await deps.teamState.get(team);
      if (!state) return [];
      if (state.value.activePriority?.id !== ended.id) return state.value.watchList;
      try {
        await deps.teamState.save(
          team,
          {
            activePriority: null,
            watchList: state.value.watchList,
            pastPriorities: [ended, ...state.value.pastPriorities.filter((past) => past.id !== ended.id)],
          },
          state.etag,
        );
        return state.value.watchList;
      } catch (error: unknown) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    throw new Error(`could not end priority ${ended.id} after ${attempts} concurrent attempts`);
  };

  return {
    async closable(team, who) {
      const acting = await actorOf(team, who);
      if (!acting.ok) return acting;
      if (acting.value.actor.roles.length === 0)
        return refuse(403, 'actor', 'only a facilitator or the lead completes or retires the priority');
      return { ok: true, value: acting.value.priority };
    },

    async close(team, who, input) {
      const acting = await actorOf(team, who);
      if (!acting.ok) return acting;
      const { priority, actor } = acting.value;
      if (priority.id !== input.priorityId)
        return refuse(409, 'priorityId', 'this form is for a priority that is no longer the active one');
      const closed = completePriority(
        priority,
        {
          decisionId: `closed-${priority.id}`,
          outcome: input.outcome,
          outcomes: input.outcomes,
          learned: input.learned,
        },
        now(),
        actor,
      );
      if (!closed.ok)
        return refuse(
          closed.field === 'actor' ? 403 : closed.field === 'priority' ? 409 : 400,
          closed.field,
          closed.message,
        );
      let decision = closed.value.decision;
      // The log first (insert-only, chained): a retry after a crash finds the decision and only finishes the state.
      try {
        await deps.decisions.append(team, decision);
      } catch (error: unknown) {
        if (!(error instanceof ConflictError)) throw error;
        const logged = await deps.decisions.get(team, decision.id);
        if (logged && isPriorityClosedDecision(logged)) decision = logged;
      }
      const watchList = await endInState(team, closed.value.priority);
      return { ok: true, value: { decision, watchList } };
    },

    async voteOnWatchList(team, actor, request) {
      if ((await deps.votes.openVotes(team)).length > 0)
        return refuse(409, 'vote', 'a vote is already open in this team: vote on its card');
      const state = (await deps.teamState.get(team))?.value;
      if (state?.activePriority) return refuse(409, 'priority', 'the team already has an active priority');
      for (const entry of state?.watchList ?? []) {
        // Already proposed again by someone: it is open, which is all the vote needs.
        await deps.candidates.repropose(team, actor.memberId, entry.candidateId);
      }
      const opened = await deps.votes.open(team, actor, {
        settings: request.settings,
        closesInHours: request.closesInHours,
        disposition: null,
      });
      if (!opened.ok) return refuse(409, opened.field, opened.message);
      return { ok: true, value: opened.value };
    },
  };
}
