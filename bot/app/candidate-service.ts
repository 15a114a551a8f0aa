import {
  createCandidate,
  editCandidate,
  reproposeFromWatchList,
  withdrawCandidate,
  type Candidate,
  type CandidateTextInput,
} from '../domain/candidates';
import { fail, ok, type Result } from '../domain/voting';
import type { Clock } from '../support/clock';
import type { CandidateStore, TeamStateStore } from './priority-stores';
import { ConflictError, type TeamRef } from './team-ref';

/** Proposing, editing, withdrawing and listing candidate priorities. */
export interface CandidateService {
  propose(team: TeamRef, memberId: string, text: CandidateTextInput): Promise<Result<Candidate>>;
  open(team: TeamRef): Promise<Candidate[]>;
  get(team: TeamRef, candidateId: string): Promise<Candidate | null>;
  edit(
    team: TeamRef,
    memberId: string,
    candidateId: string,
    changes: Partial<CandidateTextInput>,
  ): Promise<Result<Candidate>>;
  withdraw(team: TeamRef, memberId: string, candidateId: string): Promise<Result<Candidate>>;
  /** Puts a watch-list candidate up again as an open proposal, and takes it off the watch list. */
  repropose(team: TeamRef, memberId: string, candidateId: string): Promise<Result<Candidate>>;
}

export function createCandidateService(deps: {
  candidates: CandidateStore;
  teamState: TeamStateStore;
  clock: Clock;
  newId: () => string;
}): CandidateService {
  const { candidates, clock } = deps;
  const change = async (
    team: TeamRef,
    candidateId: string,
    apply: (candidate: Candidate, now: string) => Result<Candidate>,
  ): Promise<Result<Candidate>> => {
    const stored = await candidates.get(team, candidateId);
    if (!stored) return fail('candidateId', 'no such candidate in this team');
    const changed = apply(stored.value, clock.now().toISOString());
    if (!changed.ok) return changed;
    try {
      await candidates.update(team, changed.value, stored.etag);
    } catch (error: unknown) {
      if (error instanceof ConflictError)
        return fail('candidateId', 'someone changed this candidate at the same time; please try again');
      throw error;
    }
    return changed;
  };
  return {
    async propose(team, memberId, text) {
      const created = createCandidate({
        ...text,
        id: deps.newId(),
        teamId: team.teamId,
        proposedBy: memberId,
        proposedAt: clock.now().toISOString(),
      });
      if (!created.ok) return created;
      await candidates.create(team, created.value);
      return ok(created.value);
    },
    async open(team) {
      const all = await candidates.list(team);
      return all
        .filter((candidate) => candidate.status === 'open')
        .sort((a, b) => a.proposedAt.localeCompare(b.proposedAt));
    },
    async get(team, candidateId) {
      return (await candidates.get(team, candidateId))?.value ?? null;
    },
    edit: (team, memberId, candidateId, changes) =>
      change(team, candidateId, (candidate, now) => editCandidate(candidate, changes, { by: memberId, now })),
    async repropose(team, memberId, candidateId) {
      const reproposed = await change(team, candidateId, (candidate, now) =>
        reproposeFromWatchList(candidate, { by: memberId, now }),
      );
      if (!reproposed.ok) return reproposed;
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const state = await deps.teamState.get(team);
        if (!state || !state.value.watchList.some((entry) => entry.candidateId === candidateId)) break;
        try {
          await deps.teamState.save(
            team,
            {
              ...state.value,
              watchList: state.value.watchList.filter((entry) => entry.candidateId !== candidateId),
            },
            state.etag,
          );
          break;
        } catch (error: unknown) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      return reproposed;
    },
    withdraw: (team, memberId, candidateId) =>
      change(team, candidateId, (candidate, now) => withdrawCandidate(candidate, { by: memberId, now })),
  };
}
