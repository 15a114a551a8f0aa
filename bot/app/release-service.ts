import type { ReleaseDecision } from '../domain/ownership';
import {
  decideReleaseItem,
  proposeReleaseItem,
  releaseDecision,
  withdrawReleaseItem,
} from '../domain/ownership';
import { respondToConsent, type ConsentAnswer, type ConsentResponses } from '../domain/voting';
import type { Clock } from '../support/clock';
import { refuse, type BoardOutcome, type BoardRefusal } from './board-outcome';
import type { OwnershipActor, OwnershipService } from './ownership-service';
import type { BallotCardRef, ConsentBox, DecisionLog } from './priority-stores';
import type { ReleaseStore, StoredRelease } from './release-stores';
import { ConflictError, type TeamRef, type Versioned } from './team-ref';

/** A release item with the consent answers given so far. */
export interface ReleaseSnapshot {
  stored: StoredRelease;
  responses: ConsentResponses;
}

/** What a facilitator's close concluded: decided (with its decision) or objections, the item staying proposed (RL-5). */
export type ReleaseClose =
  | { kind: 'decided'; snapshot: ReleaseSnapshot; decision: ReleaseDecision }
  | { kind: 'objected'; snapshot: ReleaseSnapshot };

export interface ReleaseService {
  /** Proposes something the team stops doing, to make room for the active priority (RL-1, RL-2). */
  propose(team: TeamRef, memberId: string, text: string): Promise<BoardOutcome<ReleaseSnapshot>>;
  get(team: TeamRef, releaseId: string): Promise<ReleaseSnapshot | null>;
  /** The active priority a release would make room for, or null. */
  currentPriority(team: TeamRef): Promise<{ id: string; title: string } | null>;
  /** The release list of a priority (the active one by default), oldest first, withdrawn items left out. */
  list(team: TeamRef, priorityId?: string): Promise<StoredRelease[]>;
  attachCard(team: TeamRef, releaseId: string, card: BallotCardRef): Promise<void>;
  /** Records a member's consent answer (roster checked by the caller); the latest per member counts (RL-4). */
  respond(
    team: TeamRef,
    releaseId: string,
    memberId: string,
    answer: ConsentAnswer,
    reason: string | null,
  ): Promise<BoardOutcome<ReleaseSnapshot>>;
  /** The proposer withdraws a proposed item (RL-3). */
  withdraw(team: TeamRef, releaseId: string, by: string): Promise<BoardOutcome<ReleaseSnapshot>>;
  /** A facilitator closes the consent round: decided and logged when nobody objects (RL-5..RL-7). */
  close(team: TeamRef, releaseId: string, actor: OwnershipActor): Promise<BoardOutcome<ReleaseClose>>;
}

export interface ReleaseServiceDeps {
  releases: ReleaseStore;
  consents: ConsentBox;
  decisions: DecisionLog;
  ownership: OwnershipService;
  clock: Clock;
  newId: () => string;
}

const attempts = 5;

/** The release list: the ownership domain's release rules in, the stores and the decision log out. */
export function createReleaseService(deps: ReleaseServiceDeps): ReleaseService {
  const now = () => deps.clock.now().toISOString();
  // The consent answers of an item live in its own round, keyed by the item's id.
  const roundOf = (releaseId: string) => `release-${releaseId}`;

  const snapshotOf = async (team: TeamRef, stored: StoredRelease): Promise<ReleaseSnapshot> => ({
    stored,
    responses: await deps.consents.responses(team, roundOf(stored.item.id)),
  });

  /** Reads, changes and writes one item with its ETag, reading again when someone changed it first. */
  const change = async <T>(
    team: TeamRef,
    releaseId: string,
    apply: (row: Versioned<StoredRelease>) => Promise<BoardOutcome<{ next: StoredRelease; result: T }>>,
  ): Promise<BoardOutcome<T>> => {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const row = await deps.releases.get(team, releaseId);
      if (!row) return refuse(404, 'releaseId', 'no such item on the release list of this team');
      const applied = await apply(row);
      if (!applied.ok) return applied;
      try {
        await deps.releases.replace(team, applied.value.next, row.etag);
        return { ok: true, value: applied.value.result };
      } catch (error: unknown) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return refuse(409, 'release', 'the item changed at the same moment; look again and retry');
  };

  const isFacilitator = async (team: TeamRef, actor: OwnershipActor) =>
    actor.isTeamOwner || ((await deps.ownership.current(team))?.facilitators ?? []).includes(actor.memberId);

  return {
    async propose(team, memberId, text) {
      const current = await deps.ownership.current(team);
      if (!current)
        return refuse(
          409,
          'priority',
          'the team has no active priority: a release makes room for the priority, so choose one first',
        );
      const proposed = proposeReleaseItem({
        id: deps.newId(),
        teamId: team.teamId,
        text,
        proposedBy: memberId,
        now: now(),
      });
      if (!proposed.ok) return refuse(400, proposed.field, proposed.message);
      const stored: StoredRelease = {
        item: proposed.value,
        priority: { id: current.priority.id, title: current.priority.title },
        card: null,
        decisionId: null,
        objections: [],
      };
      await deps.releases.insert(team, stored);
      return { ok: true, value: { stored, responses: new Map() } };
    },

    async get(team, releaseId) {
      const row = await deps.releases.get(team, releaseId);
      return row ? snapshotOf(team, row.value) : null;
    },

    async currentPriority(team) {
      const current = await deps.ownership.current(team);
      return current ? { id: current.priority.id, title: current.priority.title } : null;
    },

    async list(team, priorityId) {
      const wanted = priorityId ?? (await deps.ownership.current(team))?.priority.id ?? null;
      if (wanted === null) return [];
      return (await deps.releases.list(team))
        .map((row) => row.value)
        .filter((stored) => stored.priority.id === wanted && stored.item.status !== 'withdrawn')
        .sort((a, b) => a.item.proposedAt.localeCompare(b.item.proposedAt));
    },

    async attachCard(team, releaseId, card) {
      const attached = await change(team, releaseId, (row) =>
        Promise.resolve({ ok: true as const, value: { next: { ...row.value, card }, result: true } }),
      );
      if (!attached.ok && attached.status !== 404)
        throw new Error(`could not record the card of release ${releaseId}: ${attached.message}`);
    },

    async respond(team, releaseId, memberId, answer, reason) {
      const row = await deps.releases.get(team, releaseId);
      if (!row) return refuse(404, 'releaseId', 'no such item on the release list of this team');
      const { item } = row.value;
      if (item.status !== 'proposed')
        return refuse(409, 'release', `this item is ${item.status}: its consent round is over`);
      const current = await deps.consents.responses(team, roundOf(releaseId));
      const answered = respondToConsent(current, { memberId, answer, ...(reason ? { reason } : {}) }, now());
      if (!answered.ok) return refuse(400, answered.field, answered.message);
      const response = answered.value.get(memberId);
      if (response) await deps.consents.respond(team, roundOf(releaseId), response);
      return { ok: true, value: { stored: row.value, responses: answered.value } };
    },

    withdraw: (team, releaseId, by) =>
      change(team, releaseId, async (row) => {
        const withdrawn = withdrawReleaseItem(row.value.item, { by, now: now() });
        if (!withdrawn.ok) return fromDomain(withdrawn);
        const next = { ...row.value, item: withdrawn.value };
        return { ok: true, value: { next, result: await snapshotOf(team, next) } };
      }),

    async close(team, releaseId, actor) {
      const facilitator = await isFacilitator(team, actor);
      const closed = await change<ReleaseClose>(team, releaseId, async (row) => {
        const responses = await deps.consents.responses(team, roundOf(releaseId));
        const decided = decideReleaseItem(row.value.item, responses, {
          actor: { memberId: actor.memberId, roles: facilitator ? ['facilitator'] : [] },
          now: now(),
        });
        if (!decided.ok) return fromDomain(decided);
        const outcome = decided.value;
        if (outcome.kind === 'objected') {
          const next = { ...row.value, objections: [...outcome.objections] };
          return {
            ok: true,
            value: { next, result: { kind: 'objected', snapshot: { stored: next, responses } } },
          };
        }
        const decision = releaseDecision(outcome.item, {
          decisionId: `release-${releaseId}`,
          priority: row.value.priority,
        });
        if (!decision.ok) return fromDomain(decision);
        // Logged before the item is marked decided: a crash in between leaves it proposed, and closing
        // again finds the decision already in the log (insert-only), so nothing is logged twice.
        try {
          await deps.decisions.append(team, decision.value);
        } catch (error: unknown) {
          if (!(error instanceof ConflictError)) throw error;
        }
        const next = { ...row.value, item: outcome.item, decisionId: decision.value.id, objections: [] };
        return {
          ok: true,
          value: {
            next,
            result: { kind: 'decided', snapshot: { stored: next, responses }, decision: decision.value },
          },
        };
      });
      return closed;
    },
  };
}

/** A domain refusal: not the proposer or not a facilitator is a 403, an item already closed a 409, the rest 400. */
function fromDomain(failure: { field: string; message: string }): BoardRefusal {
  const status =
    failure.field === 'actor' || failure.field === 'by' ? 403 : failure.field === 'status' ? 409 : 400;
  return refuse(status, failure.field, failure.message);
}
