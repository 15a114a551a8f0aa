import {
  closeVisionProposal,
  commentOnVisionDraft,
  createVisionDraft,
  editVisionDraft,
  proposeVision,
  respondToVision,
  supportVisionDraft,
  withdrawVisionDraft,
  type AdoptedVision,
  type BoardActor,
  type VisionDraft,
  type VisionProposal,
} from '../domain/boards';
import type { ConsentAnswer } from '../domain/voting';
import type { Result } from '../domain/voting';
import type { Clock } from '../support/clock';
import { fromDomain, refuse, staleRefusal, type BoardOutcome } from './board-outcome';
import type { StoredVisionBoard, StoredVisionProposal, VisionBoardStore } from './board-stores';
import { createSharedReads } from './shared-reads';
import { ConflictError, type TeamRef, type Versioned } from './team-ref';

type Written<T> = { value: T; etag: string };

/** The vision board: drafts, +1s, comments, and the consent check that adopts a vision. */
export interface VisionService {
  board(team: TeamRef): Promise<StoredVisionBoard>;
  /** The team's vision now, or null before one is adopted. */
  current(team: TeamRef): Promise<AdoptedVision | null>;
  addDraft(team: TeamRef, actor: BoardActor, text: string): Promise<BoardOutcome<Written<VisionDraft>>>;
  editDraft(
    team: TeamRef,
    draftId: string,
    actor: BoardActor,
    text: string,
    etag: string,
  ): Promise<BoardOutcome<Written<VisionDraft>>>;
  withdrawDraft(
    team: TeamRef,
    draftId: string,
    actor: BoardActor,
    etag: string,
  ): Promise<BoardOutcome<Written<VisionDraft>>>;
  support(team: TeamRef, draftId: string, actor: BoardActor, on: boolean): Promise<BoardOutcome<VisionDraft>>;
  comment(
    team: TeamRef,
    draftId: string,
    actor: BoardActor,
    text: string,
  ): Promise<BoardOutcome<VisionDraft>>;
  propose(
    team: TeamRef,
    actor: BoardActor,
    input: { text: string; draftIds: string[] },
  ): Promise<BoardOutcome<VisionProposal>>;
  respond(
    team: TeamRef,
    proposalId: string,
    actor: BoardActor,
    input: { answer: ConsentAnswer; reason?: string },
  ): Promise<BoardOutcome<VisionProposal>>;
  close(team: TeamRef, proposalId: string, actor: BoardActor): Promise<BoardOutcome<StoredVisionProposal>>;
}

/** Adopted visions, newest first: the first is the team's vision, the rest its history (VI-9). */
export function adoptedVisions(board: StoredVisionBoard): AdoptedVision[] {
  return board.proposals
    .flatMap((row) => (row.value.adopted ? [row.value.adopted] : []))
    .sort((a, b) => b.adoptedAt.localeCompare(a.adoptedAt));
}

export function createVisionService(deps: {
  visions: VisionBoardStore;
  clock: Clock;
  newId: () => string;
  /** Announces an adopted vision in the team's channel. */
  onAdopted: (team: TeamRef, adopted: AdoptedVision, actor: BoardActor) => Promise<void>;
  cacheMs: number;
}): VisionService {
  const { visions, clock } = deps;
  const now = () => clock.now().toISOString();
  const reads = createSharedReads<StoredVisionBoard>(clock, deps.cacheMs);
  const key = (team: TeamRef) => `${team.tenantId}|${team.teamId}`;
  const written = async <T>(team: TeamRef, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } finally {
      reads.forget(key(team));
    }
  };

  /** A change that commutes with others' (a +1, a comment, an answer): re-read and retry on a conflict. */
  const retried = <T>(
    team: TeamRef,
    read: () => Promise<Versioned<T> | null>,
    missing: { field: string; noun: string },
    change: (value: T) => Result<T> | BoardOutcome<T>,
    save: (value: T, etag: string) => Promise<unknown>,
  ): Promise<BoardOutcome<T>> =>
    written(team, async () => {
      for (let attempt = 0; attempt < 8; attempt += 1) {
        const row = await read();
        if (!row) return refuse(404, missing.field, `no such ${missing.noun} on this board`);
        const changed = change(row.value);
        if (!changed.ok) return 'status' in changed ? changed : fromDomain(changed);
        try {
          await save(changed.value, row.etag);
          return { ok: true, value: changed.value };
        } catch (error: unknown) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      return refuse(409, missing.field, 'too many changes at the same moment; please try again');
    });

  /** A change from the version the member saw: 412 with the current row when someone changed it first. */
  const conditional = (
    team: TeamRef,
    draftId: string,
    etag: string,
    change: (draft: VisionDraft) => Result<VisionDraft>,
    forbidden: (draft: VisionDraft) => boolean,
  ): Promise<BoardOutcome<Written<VisionDraft>>> =>
    written(team, async () => {
      const row = await visions.getDraft(team, draftId);
      if (!row) return refuse(404, 'draftId', 'no such draft on this board');
      if (row.etag !== etag) return staleRefusal('draftId', 'draft', row);
      const changed = change(row.value);
      if (!changed.ok)
        return forbidden(row.value) ? refuse(403, changed.field, changed.message) : fromDomain(changed);
      try {
        return {
          ok: true,
          value: { value: changed.value, etag: await visions.replaceDraft(team, changed.value, etag) },
        };
      } catch (error: unknown) {
        if (!(error instanceof ConflictError)) throw error;
        return staleRefusal('draftId', 'draft', await visions.getDraft(team, draftId));
      }
    });

  const notAuthor = (actor: BoardActor) => (draft: VisionDraft) =>
    draft.status === 'draft' && draft.authorId !== actor.memberId && !actor.isTeamOwner;

  return {
    board: (team) => reads.read(key(team), () => visions.load(team)),
    async current(team) {
      return adoptedVisions(await reads.read(key(team), () => visions.load(team)))[0] ?? null;
    },
    addDraft: (team, actor, text) =>
      written(team, async () => {
        const draft = createVisionDraft({ id: deps.newId(), teamId: team.teamId, text, actor, now: now() });
        if (!draft.ok) return fromDomain(draft);
        return {
          ok: true,
          value: { value: draft.value, etag: await visions.insertDraft(team, draft.value) },
        };
      }),
    editDraft: (team, draftId, actor, text, etag) =>
      conditional(
        team,
        draftId,
        etag,
        (draft) => editVisionDraft(draft, text, actor, now()),
        notAuthor(actor),
      ),
    withdrawDraft: (team, draftId, actor, etag) =>
      conditional(team, draftId, etag, (draft) => withdrawVisionDraft(draft, actor, now()), notAuthor(actor)),
    support: (team, draftId, actor, on) =>
      retried(
        team,
        () => visions.getDraft(team, draftId),
        { field: 'draftId', noun: 'draft' },
        (draft) => supportVisionDraft(draft, actor, on),
        (draft, etag) => visions.replaceDraft(team, draft, etag),
      ),
    comment: (team, draftId, actor, text) => {
      const id = deps.newId();
      return retried(
        team,
        () => visions.getDraft(team, draftId),
        { field: 'draftId', noun: 'draft' },
        (draft) => commentOnVisionDraft(draft, { id, text, actor, now: now() }),
        (draft, etag) => visions.replaceDraft(team, draft, etag),
      );
    },
    propose: (team, actor, input) =>
      written(team, async () => {
        const board = await visions.load(team);
        // Proposals are numbered: two members proposing at once compute the same number, and one insert loses.
        const id = String(board.proposals.length + 1).padStart(6, '0');
        const proposed = proposeVision({
          id,
          teamId: team.teamId,
          text: input.text,
          draftIds: input.draftIds,
          drafts: board.drafts.map((row) => row.value),
          proposals: board.proposals.map((row) => row.value.proposal),
          actor,
          now: now(),
        });
        if (!proposed.ok)
          return proposed.field === 'proposal'
            ? refuse(409, 'proposal', proposed.message)
            : fromDomain(proposed);
        try {
          await visions.insertProposal(team, { proposal: proposed.value, adopted: null });
        } catch (error: unknown) {
          if (!(error instanceof ConflictError)) throw error;
          return refuse(
            409,
            'proposal',
            'someone opened a consent check at the same moment; look at it first',
          );
        }
        return proposed;
      }),
    respond: (team, proposalId, actor, input) =>
      retried(
        team,
        async () => {
          const row = await visions.getProposal(team, proposalId);
          return row && { value: row.value.proposal, etag: row.etag };
        },
        { field: 'proposalId', noun: 'consent check' },
        (proposal) => {
          const answered = respondToVision(proposal, { ...input, actor, now: now() });
          return answered.ok || answered.field !== 'proposal'
            ? answered
            : refuse(409, 'proposal', answered.message);
        },
        (proposal, etag) => visions.replaceProposal(team, { proposal, adopted: null }, etag),
      ),
    close: (team, proposalId, actor) =>
      written(team, async () => {
        const board = await visions.load(team);
        const row = board.proposals.find((each) => each.value.proposal.id === proposalId);
        if (!row) return refuse(404, 'proposalId', 'no such consent check on this board');
        const closed = closeVisionProposal(row.value.proposal, {
          actor,
          now: now(),
          adoptionId: deps.newId(),
          current: adoptedVisions(board)[0] ?? null,
        });
        if (!closed.ok) {
          const open = row.value.proposal.status === 'open';
          const forbidden = open && actor.memberId !== row.value.proposal.facilitatorId && !actor.isTeamOwner;
          return refuse(forbidden ? 403 : 409, closed.field, closed.message);
        }
        const stored = { proposal: closed.value.proposal, adopted: closed.value.adopted };
        try {
          // One conditional write closes the check and adopts the vision: a double close cannot adopt twice.
          await visions.replaceProposal(team, stored, row.etag);
        } catch (error: unknown) {
          if (!(error instanceof ConflictError)) throw error;
          return refuse(
            409,
            'proposalId',
            'the consent check changed at the same moment; look again and retry',
          );
        }
        if (stored.adopted) {
          await markMerged(visions, team, stored.proposal.draftIds, now());
          await deps.onAdopted(team, stored.adopted, actor);
        }
        return { ok: true, value: stored };
      }),
  };
}

/** The drafts an adopted vision came from become `merged`; a draft someone is changing is retried. */
async function markMerged(
  visions: VisionBoardStore,
  team: TeamRef,
  draftIds: readonly string[],
  now: string,
) {
  for (const draftId of draftIds) {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const row = await visions.getDraft(team, draftId);
      if (!row || row.value.status !== 'draft') break;
      try {
        await visions.replaceDraft(team, { ...row.value, status: 'merged', updatedAt: now }, row.etag);
        break;
      } catch (error: unknown) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
  }
}
