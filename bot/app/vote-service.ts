import { moveCandidate, type Candidate } from '../domain/candidates';
import { decidePriority, isVoteDecision, type Decision } from '../domain/decisions';
import {
  ballotReceipt as receiptOf,
  castBallot,
  closeVote,
  createRunoff,
  extendVote,
  fail,
  isDue,
  ok,
  evaluateConsent,
  openConsentRound,
  openVote,
  resolveTieByFacilitator,
  respondToConsent,
  type Ballot,
  type BallotChoice,
  type ClosedVote,
  type ConsentAnswer,
  type ConsentOutcome,
  type ConsentResponses,
  type CurrentBallots,
  type PriorityDispositionInput,
  type Result,
  type VoteSettingsInput,
} from '../domain/voting';
import type { Clock } from '../support/clock';
import { sha256Hex } from '../support/sha256';
import type {
  BallotBox,
  BallotCardRef,
  CandidateStore,
  ConsentBox,
  DecisionLog,
  StoredVote,
  TeamStateStore,
  VoteStore,
} from './priority-stores';
import { withBallotOf } from './ballots-with';
import { createFreshReads } from './fresh-reads';
import { ConflictError, type TeamRef, type Versioned } from './team-ref';

/** The acting member and what the app knows of the team's roster at that moment. */
export interface Actor {
  memberId: string;
  /** Team size for turnout and quorum; at least 1. */
  teamSize: number;
}

/** A team owner may close or extend a vote in the facilitator's place. */
export interface OwnerOption {
  isTeamOwner?: boolean;
}

export interface OpenVoteRequest {
  settings: VoteSettingsInput;
  closesInHours: number;
  disposition: PriorityDispositionInput | null;
}

/** A recorded ballot and the receipt the voter sees. */
export interface CastResult {
  ballot: Ballot;
  receipt: string;
  /** True when this ballot completed the roster and the vote closes when everyone has voted. */
  everyoneHasVoted: boolean;
  /** True when this delivery had already recorded `ballot`: nothing was written now. */
  redelivered: boolean;
}

export interface VoteSnapshot {
  stored: StoredVote;
  /** A live view, not a copy: it may gain ballots this process records after the snapshot was taken. */
  ballots: CurrentBallots;
}

export interface VoteService {
  open(team: TeamRef, actor: Actor, request: OpenVoteRequest): Promise<Result<StoredVote>>;
  attachCard(team: TeamRef, voteId: string, card: BallotCardRef): Promise<void>;
  /**
   * The vote and its current ballots. `ballotsMaxAgeMs` lets a hot path reuse ballots this process read
   * a moment ago instead of reading the whole partition again (turnout on a personal card may lag a little).
   */
  snapshot(
    team: TeamRef,
    voteId: string,
    /**
     * `freshFor`: this member's own ballot is read now, so their view never shows an older one.
     * `sharedVoteRead`: the vote may come from a read already under way (a moment old), for a member's
     * view and a ballot's first check; `cast` reads the vote again after writing, which makes that safe.
     */
    options?: { ballotsMaxAgeMs?: number; freshFor?: string; sharedVoteRead?: boolean },
  ): Promise<VoteSnapshot | null>;
  openVotes(team: TeamRef): Promise<StoredVote[]>;
  /**
   * Records a ballot; `known` is the vote as the caller just read it, saving a second read. The same
   * `deliveryId` (the invoke's activity id) twice records once.
   */
  cast(
    team: TeamRef,
    voteId: string,
    memberId: string,
    ballot: { choice: BallotChoice; concern: string | null; deliveryId: string | null },
    teamSize: number,
    known?: StoredVote,
  ): Promise<Result<CastResult>>;
  /** Closes now: the facilitator (or `system` for the scheduler) stops ballots and the tally is taken. */
  close(
    team: TeamRef,
    voteId: string,
    closedBy: string,
    teamSize: number,
    options?: OwnerOption,
  ): Promise<Result<ClosedVote>>;
  announce(
    team: TeamRef,
    voteId: string,
    memberId: string,
    rationale: string,
    responses: Array<{ concernId: string; response: string }>,
  ): Promise<Result<Decision>>;
  runoff(team: TeamRef, voteId: string, memberId: string): Promise<Result<StoredVote>>;
  tieBreak(
    team: TeamRef,
    voteId: string,
    memberId: string,
    chosenId: string,
    reason: string,
  ): Promise<Result<ClosedVote>>;
  extend(
    team: TeamRef,
    voteId: string,
    memberId: string,
    hours: number,
    options?: OwnerOption,
  ): Promise<Result<StoredVote>>;
  isDue(snapshot: VoteSnapshot, teamSize: number): boolean;
  /** Puts the winner (or the runner-up), possibly amended, to a consent round. */
  startConsent(
    team: TeamRef,
    voteId: string,
    memberId: string,
    options: { candidateId?: string; amendment?: string },
  ): Promise<Result<StoredVote>>;
  attachConsentCard(team: TeamRef, voteId: string, card: BallotCardRef): Promise<void>;
  consentSnapshot(team: TeamRef, voteId: string): Promise<ConsentSnapshot | null>;
  respondConsent(
    team: TeamRef,
    voteId: string,
    memberId: string,
    answer: ConsentAnswer,
    reason: string | null,
  ): Promise<Result<ConsentResponses>>;
  finishConsent(team: TeamRef, voteId: string, memberId: string): Promise<Result<ConsentOutcome>>;
}

export interface ConsentSnapshot {
  stored: StoredVote & { vote: ClosedVote; consent: NonNullable<StoredVote['consent']> };
  responses: ConsentResponses;
}

export interface VoteServiceDeps {
  votes: VoteStore;
  consents: ConsentBox;
  ballots: BallotBox;
  candidates: CandidateStore;
  decisions: DecisionLog;
  teamState: TeamStateStore;
  clock: Clock;
  newId: () => string;
  /** Called when a vote opens or its closing time moves, so the scheduler closes it on time. */
  scheduleClose: (team: TeamRef, voteId: string, closesAt: string) => Promise<void>;
}

/** The short receipt a voter sees: the SHA-256 of their latest ballot's canonical JSON, which `verify-log` lists (L-7). */
export function ballotReceipt(ballot: Ballot): string {
  return receiptOf(ballot, sha256Hex);
}

const hour = 3_600_000;

/** Orchestrates the vote on one priority: domain rules in, stores out, each step safe to repeat. */
export function createVoteService(deps: VoteServiceDeps): VoteService {
  const { votes, ballots, candidates, decisions, teamState, clock } = deps;
  const now = () => clock.now().toISOString();

  const voteKey = (team: TeamRef, voteId: string) => `${team.tenantId}|${team.teamId}|${voteId}`;
  // Hundreds of ballots in the same seconds each read the vote before and after writing: they share reads,
  // each still one that started after it asked, so a close is never missed.
  const voteReads = createFreshReads<Versioned<StoredVote> | null>();
  const ballotReads = createFreshReads<Map<string, Ballot>>();
  const load = (team: TeamRef, voteId: string) =>
    voteReads.read(voteKey(team, voteId), () => votes.get(team, voteId));

  // Ballots this process read recently, per vote, with the ones it recorded since: reading a vote's whole
  // partition on every ballot would make a vote of N members cost N² rows, and so would copying them.
  // Entries are dropped once they are a minute old.
  const recentBallots = new Map<string, { at: number; ballots: Map<string, Ballot> }>();
  const currentBallots = async (team: TeamRef, voteId: string, maxAgeMs: number): Promise<CurrentBallots> => {
    const key = voteKey(team, voteId);
    const nowMs = Date.now();
    for (const [cachedKey, entry] of recentBallots)
      if (nowMs - entry.at > 60_000) recentBallots.delete(cachedKey);
    const cached = recentBallots.get(key);
    if (cached && nowMs - cached.at <= maxAgeMs) return cached.ballots;
    const fresh = await ballotReads.read(key, async () => new Map(await ballots.current(team, voteId)));
    recentBallots.set(key, { at: nowMs, ballots: fresh });
    return fresh;
  };

  const onlyFacilitator = (stored: StoredVote, memberId: string, options: OwnerOption = {}): Result<true> =>
    stored.vote.openedBy === memberId || memberId === 'system' || options.isTeamOwner === true
      ? ok(true)
      : fail('member', 'only the facilitator who opened this vote (or a team owner) can do that');

  const moveAll = async (team: TeamRef, ids: readonly string[], to: Candidate['status']) => {
    for (const id of ids) {
      // A conflict means the candidate changed since we read it: read it again and move it from there.
      for (let attempt = 1; ; attempt += 1) {
        const stored = await candidates.get(team, id);
        if (!stored || stored.value.status === to) break;
        const moved = moveCandidate(stored.value, to, now());
        if (!moved.ok) break;
        try {
          await candidates.update(team, moved.value, stored.etag);
          break;
        } catch (error: unknown) {
          if (!(error instanceof ConflictError) || attempt >= 3) throw error;
        }
      }
    }
  };

  const save = async (team: TeamRef, stored: StoredVote, etag: string): Promise<Result<string>> => {
    try {
      return ok(await votes.update(team, stored, etag));
    } catch (error: unknown) {
      if (error instanceof ConflictError)
        return fail('vote', 'someone else changed this vote at the same moment; please try again');
      throw error;
    }
  };

  return {
    async open(team, actor, request) {
      if (
        !Number.isFinite(request.closesInHours) ||
        request.closesInHours < 1 ||
        request.closesInHours > 336
      ) {
        return fail('closesInHours', 'expected 1 to 336 hours');
      }
      if ((await votes.listOpen(team)).length > 0)
        return fail('vote', 'a vote is already open in this team; close it first');
      const open = (await candidates.list(team)).filter((candidate) => candidate.status === 'open');
      if (open.length < 2)
        return fail('candidates', 'a vote needs at least two open candidates; propose more first');
      const state = await teamState.get(team);
      const opened = openVote({
        id: deps.newId(),
        teamId: team.teamId,
        candidates: open.sort((a, b) => a.proposedAt.localeCompare(b.proposedAt)),
        settings: request.settings,
        closesAt: new Date(clock.now().getTime() + request.closesInHours * hour).toISOString(),
        openedBy: actor.memberId,
        now: now(),
        activePriorityId: state?.value.activePriority?.id ?? null,
        ...(request.disposition ? { currentPriorityDisposition: request.disposition } : {}),
      });
      if (!opened.ok) return opened;
      const stored: StoredVote = {
        vote: opened.value,
        card: null,
        closing: false,
        counted: null,
        decisionId: null,
        consent: null,
      };
      await votes.create(team, stored);
      await moveAll(
        team,
        opened.value.candidates.map((candidate) => candidate.id),
        'in-vote',
      );
      await deps.scheduleClose(team, opened.value.id, opened.value.closesAt);
      return ok(stored);
    },

    async attachCard(team, voteId, card) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const stored = await load(team, voteId);
        if (!stored) return;
        const saved = await save(team, { ...stored.value, card }, stored.etag);
        if (saved.ok) return;
      }
      throw new Error(`could not record the ballot card of vote ${voteId}`);
    },

    async snapshot(team, voteId, options = {}) {
      const stored = options.sharedVoteRead
        ? await voteReads.recent(voteKey(team, voteId), () => votes.get(team, voteId))
        : await load(team, voteId);
      if (!stored) return null;
      const current = await currentBallots(team, voteId, options.ballotsMaxAgeMs ?? 0);
      if (options.freshFor === undefined || (options.ballotsMaxAgeMs ?? 0) === 0)
        return { stored: stored.value, ballots: current };
      const own = await ballots.currentOf(team, voteId, options.freshFor);
      return { stored: stored.value, ballots: withBallotOf(current, options.freshFor, own) };
    },

    openVotes: (team) => votes.listOpen(team),

    async cast(team, voteId, memberId, { choice, concern, deliveryId }, teamSize, known) {
      const stored = known ? { value: known } : await load(team, voteId);
      if (!stored) return fail('voteId', 'no such vote in this team');
      if (stored.value.closing) return fail('vote', 'this vote is closing; ballots are no longer accepted');
      const accepted = castBallot(
        stored.value.vote,
        new Map(),
        { ...choice, memberId, ...(concern ? { concern } : {}) },
        now(),
      );
      if (!accepted.ok) return accepted;
      const cast = accepted.value.get(memberId);
      if (!cast) throw new Error('castBallot returned no ballot for the member');
      const { recorded: ballot, redelivered } = await ballots.cast(team, cast, deliveryId);
      if (redelivered)
        return ok({ ballot, receipt: ballotReceipt(ballot), everyoneHasVoted: false, redelivered });
      recentBallots.get(voteKey(team, voteId))?.ballots.set(memberId, ballot);
      // A close may have started between our read and our write: the voter must learn whether it counted.
      const after = await load(team, voteId);
      if (after && (after.value.closing || after.value.vote.status === 'closed')) {
        const counted = await waitForCount(team, voteId);
        if (counted !== 'open' && counted?.[memberId] !== ballot.castAt) {
          return fail('vote', 'the vote closed before your ballot arrived, so it was not counted');
        }
      }
      // Only a vote that closes when everyone has voted needs a fresh count on every ballot.
      const everyoneHasVoted =
        stored.value.vote.settings.closeWhenAllVoted &&
        (await currentBallots(team, voteId, 0)).size >= teamSize;
      return ok({ ballot, receipt: ballotReceipt(ballot), everyoneHasVoted, redelivered });
    },

    async close(team, voteId, closedBy, teamSize, options = {}) {
      const stored = await load(team, voteId);
      if (!stored) return fail('voteId', 'no such vote in this team');
      const allowed = onlyFacilitator(stored.value, closedBy, options);
      if (!allowed.ok) return allowed;
      if (stored.value.vote.status === 'closed') return fail('vote', 'this vote is already closed');
      // A close cut short after it stopped the ballots (a crash, a storage fault) is finished by the next
      // one; the final write is conditional, so of two closes racing only one counts.
      const marked = stored.value.closing
        ? ok(stored.etag)
        : await save(team, { ...stored.value, closing: true }, stored.etag);
      if (!marked.ok) {
        const current = await load(team, voteId);
        return current?.value.closing || current?.value.vote.status === 'closed'
          ? fail('vote', 'this vote is already being closed')
          : marked;
      }
      const current = await ballots.current(team, voteId);
      const closed = closeVote(stored.value.vote, current, {
        now: now(),
        teamSize: Math.max(1, teamSize),
        closedBy,
      });
      if (!closed.ok) {
        await save(team, { ...stored.value, closing: false }, marked.value);
        return closed;
      }
      const counted = Object.fromEntries(
        [...current.values()].map((ballot) => [ballot.memberId, ballot.castAt]),
      );
      const saved = await save(
        team,
        { ...stored.value, vote: closed.value, closing: false, counted },
        marked.value,
      );
      if (!saved.ok) return saved;
      return closed;
    },

    async announce(team, voteId, memberId, rationale, responses) {
      const stored = await load(team, voteId);
      if (!stored) return fail('voteId', 'no such vote in this team');
      const allowed = onlyFacilitator(stored.value, memberId);
      if (!allowed.ok) return allowed;
      const vote = stored.value.vote;
      if (vote.status !== 'closed') return fail('vote', 'close the vote before announcing the decision');
      if (stored.value.decisionId) {
        const existing = await decisions.get(team, stored.value.decisionId);
        if (existing && isVoteDecision(existing)) return ok(existing);
      }
      const consent = stored.value.consent?.outcome ?? null;
      if (vote.settings.consentRound && consent?.kind !== 'adopted') {
        return fail(
          'consent',
          'this vote asks for a consent round: the winner must be adopted by consent before it is announced',
        );
      }
      const state = await teamState.get(team);
      const decisionId = `decision-${vote.id}`;
      const active = state?.value.activePriority;
      if (active?.decisionId === decisionId) {
        // An earlier attempt failed after the team state was saved: finish its remaining steps, decide nothing again.
        const earlier = await decisions.get(team, decisionId);
        if (earlier && isVoteDecision(earlier)) {
          await moveAll(team, [active.candidateId], 'chosen');
          await moveAll(
            team,
            (state?.value.watchList ?? []).map((entry) => entry.candidateId),
            'watch-list',
          );
          const latest = await load(team, voteId);
          if (latest) await save(team, { ...latest.value, decisionId }, latest.etag);
          return ok(earlier);
        }
      }
      const earlierVotes = await earlierVotesOf(team, vote);
      const decided = decidePriority({
        vote,
        consent,
        decisionId,
        priorityId: `priority-${vote.id}`,
        rationale,
        concernResponses: responses,
        earlierVotes,
        activePriority: state?.value.activePriority ?? null,
        decidedBy: memberId,
        now: now(),
      });
      if (!decided.ok) return decided;
      const { decision, priority, endedPriority, watchList } = decided.value;
      // Each step can be repeated after a crash: the decision row is insert-only, the rest checks before it writes.
      try {
        await decisions.append(team, decision);
      } catch (error: unknown) {
        if (!(error instanceof ConflictError)) throw error;
      }
      if (state?.value.activePriority?.decisionId !== decisionId) {
        const past = [...(endedPriority ? [endedPriority] : []), ...(state?.value.pastPriorities ?? [])];
        await teamState.save(
          team,
          { activePriority: priority, watchList: [...watchList], pastPriorities: past },
          state?.etag ?? null,
        );
      }
      await moveAll(team, [priority.candidateId], 'chosen');
      await moveAll(
        team,
        watchList.map((entry) => entry.candidateId),
        'watch-list',
      );
      const latest = await load(team, voteId);
      if (latest) await save(team, { ...latest.value, decisionId }, latest.etag);
      return ok(decision);
    },

    async runoff(team, voteId, memberId) {
      const stored = await load(team, voteId);
      if (!stored) return fail('voteId', 'no such vote in this team');
      const allowed = onlyFacilitator(stored.value, memberId);
      if (!allowed.ok) return allowed;
      const vote = stored.value.vote;
      if (vote.status !== 'closed' || vote.outcome.kind !== 'tied')
        return fail('vote', 'a runoff follows a vote that ended in a tie');
      const runoff = createRunoff(vote, vote.outcome.candidateIds, now(), { id: deps.newId() });
      if (!runoff.ok) return runoff;
      // The facilitator stays in charge of the runoff, even when the scheduler closed the tied vote.
      const next: StoredVote = {
        vote: { ...runoff.value, openedBy: vote.openedBy },
        card: null,
        closing: false,
        counted: null,
        decisionId: null,
        consent: null,
      };
      await votes.create(team, next);
      const others = vote.candidates
        .map((c) => c.id)
        .filter((id) => !runoff.value.candidates.some((c) => c.id === id));
      await moveAll(team, others, 'open');
      await deps.scheduleClose(team, runoff.value.id, runoff.value.closesAt);
      return ok(next);
    },

    async tieBreak(team, voteId, memberId, chosenId, reason) {
      const stored = await load(team, voteId);
      if (!stored) return fail('voteId', 'no such vote in this team');
      const allowed = onlyFacilitator(stored.value, memberId);
      if (!allowed.ok) return allowed;
      if (stored.value.vote.status !== 'closed') return fail('vote', 'the vote is still open');
      const resolved = resolveTieByFacilitator(stored.value.vote, chosenId, reason);
      if (!resolved.ok) return resolved;
      const saved = await save(team, { ...stored.value, vote: resolved.value }, stored.etag);
      if (!saved.ok) return saved;
      return resolved;
    },

    async extend(team, voteId, memberId, hours, options = {}) {
      if (!Number.isFinite(hours) || hours < 1 || hours > 336)
        return fail('hours', 'expected 1 to 336 hours');
      const stored = await load(team, voteId);
      if (!stored) return fail('voteId', 'no such vote in this team');
      const allowed = onlyFacilitator(stored.value, memberId, options);
      if (!allowed.ok) return allowed;
      const vote = stored.value.vote;
      if (vote.status === 'closed' && vote.outcome.kind !== 'no-quorum')
        return fail('vote', 'only a vote without quorum, or an open vote, can be extended');
      const extended = extendVote(vote, new Date(clock.now().getTime() + hours * hour).toISOString(), now());
      if (!extended.ok) return extended;
      const next: StoredVote = { ...stored.value, vote: extended.value, closing: false, counted: null };
      const saved = await save(team, next, stored.etag);
      if (!saved.ok) return saved;
      await deps.scheduleClose(team, voteId, extended.value.closesAt);
      return ok(next);
    },

    async startConsent(team, voteId, memberId, options) {
      const stored = await load(team, voteId);
      if (!stored) return fail('voteId', 'no such vote in this team');
      const allowed = onlyFacilitator(stored.value, memberId);
      if (!allowed.ok) return allowed;
      const vote = stored.value.vote;
      if (vote.status !== 'closed' || !vote.settings.consentRound)
        return fail('vote', 'this vote has no consent round');
      if (stored.value.decisionId) return fail('vote', 'this decision is already announced');
      const previous = stored.value.consent;
      if (previous && previous.outcome === null)
        return fail('consent', 'a consent round is already running on this vote');
      if (previous?.outcome?.kind === 'adopted')
        return fail('consent', 'the consent round already adopted the priority');
      const round = openConsentRound({
        id: deps.newId(),
        vote,
        ...(options.candidateId ? { candidateId: options.candidateId } : {}),
        ...(options.amendment ? { amendment: options.amendment } : {}),
        now: now(),
      });
      if (!round.ok) return round;
      const next: StoredVote = {
        ...stored.value,
        consent: { round: round.value, card: null, outcome: null },
      };
      const saved = await save(team, next, stored.etag);
      if (!saved.ok) return saved;
      return ok(next);
    },

    async attachConsentCard(team, voteId, card) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const stored = await load(team, voteId);
        const consent = stored?.value.consent;
        if (!stored || !consent) return;
        const saved = await save(team, { ...stored.value, consent: { ...consent, card } }, stored.etag);
        if (saved.ok) return;
      }
      throw new Error(`could not record the consent card of vote ${voteId}`);
    },

    async consentSnapshot(team, voteId) {
      const stored = await load(team, voteId);
      const consent = stored?.value.consent;
      if (!stored || !consent || stored.value.vote.status !== 'closed') return null;
      const vote = stored.value.vote;
      return {
        stored: { ...stored.value, vote, consent },
        responses: await deps.consents.responses(team, consent.round.id),
      };
    },

    async respondConsent(team, voteId, memberId, answer, reason) {
      const stored = await load(team, voteId);
      const consent = stored?.value.consent;
      if (!stored || !consent) return fail('voteId', 'no consent round on this vote');
      if (consent.outcome) return fail('consent', 'this consent round is finished');
      const current = await deps.consents.responses(team, consent.round.id);
      const answered = respondToConsent(current, { memberId, answer, ...(reason ? { reason } : {}) }, now());
      if (!answered.ok) return answered;
      const response = answered.value.get(memberId);
      if (response) await deps.consents.respond(team, consent.round.id, response);
      return answered;
    },

    async finishConsent(team, voteId, memberId) {
      const stored = await load(team, voteId);
      const consent = stored?.value.consent;
      if (!stored || !consent) return fail('voteId', 'no consent round on this vote');
      const allowed = onlyFacilitator(stored.value, memberId);
      if (!allowed.ok) return allowed;
      if (consent.outcome) return ok(consent.outcome);
      const outcome = evaluateConsent(consent.round, await deps.consents.responses(team, consent.round.id));
      const saved = await save(team, { ...stored.value, consent: { ...consent, outcome } }, stored.etag);
      if (!saved.ok) return saved;
      return ok(outcome);
    },

    isDue: (snapshot, teamSize) =>
      !snapshot.stored.closing &&
      isDue(snapshot.stored.vote, now(), { ballotsCount: snapshot.ballots.size, teamSize }),
  };

  /** The closed votes a runoff followed, most recent first, so their other candidates reach the watch list. */
  async function earlierVotesOf(team: TeamRef, vote: StoredVote['vote']): Promise<ClosedVote[]> {
    const earlier: ClosedVote[] = [];
    let previousId = vote.runoffOf;
    while (previousId && earlier.length < 10) {
      const previous = await load(team, previousId);
      if (!previous || previous.value.vote.status !== 'closed') break;
      earlier.push(previous.value.vote);
      previousId = previous.value.vote.runoffOf;
    }
    return earlier;
  }

  /** Waits for a close in progress to finish: the ballots it counted, or 'open' when the close was abandoned. */
  async function waitForCount(
    team: TeamRef,
    voteId: string,
  ): Promise<Record<string, string> | 'open' | null> {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const stored = await load(team, voteId);
      if (stored?.value.counted) return stored.value.counted;
      if (stored && !stored.value.closing && stored.value.vote.status === 'open') return 'open';
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return null;
  }
}
