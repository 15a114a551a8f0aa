import { Router } from 'express';
import { z } from 'zod';
import type { BoardOutcome } from '../app/board-outcome';
import type { StoredVisionBoard } from '../app/board-stores';
import { adoptedVisions, type VisionService } from '../app/vision-service';
import {
  canChangeDraft,
  facilitatesVision,
  type BoardActor,
  type VisionDraft,
  type VisionProposal,
} from '../domain/boards';
import { answerOutcome } from './board-answer';
import { parseInput, requireIfMatch } from './request-schemas';
import type { ResolveTeamAccess } from './team-access';
import { visionDraftSchema } from '../storage/board-schemas';

const id = z.string().min(1).max(64);
const text = z.string().max(1000);
const draftBody = z.object({ text }).strict();
const supportBody = z.object({ on: z.boolean() }).strict();
const commentBody = z.object({ text: z.string().max(500) }).strict();
const proposalBody = z.object({ text, draftIds: z.array(id).min(1).max(50) }).strict();
const responseBody = z
  .object({ answer: z.enum(['consent', 'stand-aside', 'object']), reason: z.string().max(1000).optional() })
  .strict();
const noQuery = z.object({}).strict();

/** The vision board API: drafts, +1s, comments, the consent check, and the adopted vision with its history. */
export function createVisionRoutes(deps: { teamAccess: ResolveTeamAccess; vision: VisionService }): Router {
  const router = Router();
  const { vision } = deps;
  const draftId = (value: unknown) => parseInput(id, value, 'draftId');

  router.get('/teams/:teamId/vision', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    parseInput(noQuery, req.query, 'query');
    const board = await vision.board(ref);
    const etag = `"${board.version}.${actor.isTeamOwner ? 'o' : 'm'}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.header('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    res.json(visionBoardView(board, actor));
  });

  router.post('/teams/:teamId/vision/drafts', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const body = parseInput(draftBody, req.body, 'body');
    const created = answer(await vision.addDraft(ref, actor, body.text), actor);
    res.status(201).json({ draft: draftView(created.value, created.etag, actor) });
  });

  router.patch('/teams/:teamId/vision/drafts/:draftId', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const body = parseInput(draftBody, req.body, 'body');
    const edited = answer(
      await vision.editDraft(ref, draftId(req.params.draftId), actor, body.text, requireIfMatch(req)),
      actor,
    );
    res.json({ draft: draftView(edited.value, edited.etag, actor) });
  });

  router.post('/teams/:teamId/vision/drafts/:draftId/withdraw', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const withdrawn = answer(
      await vision.withdrawDraft(ref, draftId(req.params.draftId), actor, requireIfMatch(req)),
      actor,
    );
    res.json({ draft: draftView(withdrawn.value, withdrawn.etag, actor) });
  });

  router.put('/teams/:teamId/vision/drafts/:draftId/support', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const body = parseInput(supportBody, req.body, 'body');
    const draft = answer(await vision.support(ref, draftId(req.params.draftId), actor, body.on), actor);
    res.json({ draftId: draft.id, supporters: draft.supporters.length, supported: body.on });
  });

  router.post('/teams/:teamId/vision/drafts/:draftId/comments', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const body = parseInput(commentBody, req.body, 'body');
    const draft = answer(await vision.comment(ref, draftId(req.params.draftId), actor, body.text), actor);
    res.status(201).json({ comment: draft.comments.at(-1) });
  });

  router.post('/teams/:teamId/vision/proposals', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const body = parseInput(proposalBody, req.body, 'body');
    const proposal = answer(await vision.propose(ref, actor, body), actor);
    res.status(201).json({ proposal: proposalView(proposal, actor) });
  });

  router.put('/teams/:teamId/vision/proposals/:proposalId/response', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const body = parseInput(responseBody, req.body, 'body');
    const proposalId = parseInput(id, req.params.proposalId, 'proposalId');
    const proposal = answer(await vision.respond(ref, proposalId, actor, body), actor);
    res.json({ proposal: proposalView(proposal, actor) });
  });

  router.post('/teams/:teamId/vision/proposals/:proposalId/close', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const proposalId = parseInput(id, req.params.proposalId, 'proposalId');
    const closed = answer(await vision.close(ref, proposalId, actor), actor);
    res.json({ proposal: proposalView(closed.proposal, actor), adopted: closed.adopted });
  });

  return router;
}

/** The vision board for one member: the vision and its history, the open (or last) check, and the drafts. */
export function visionBoardView(board: StoredVisionBoard, actor: BoardActor) {
  const adopted = adoptedVisions(board);
  const proposals = board.proposals
    .map((row) => row.value.proposal)
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  const latest = proposals.find((proposal) => proposal.status === 'open') ?? proposals[0] ?? null;
  return {
    version: board.version,
    me: { id: actor.memberId, name: actor.name },
    vision: adopted[0] ?? null,
    history: adopted.slice(1),
    proposal: latest ? proposalView(latest, actor) : null,
    drafts: board.drafts
      .map((row) => draftView(row.value, row.etag, actor))
      .sort((a, b) => b.supporters - a.supporters || a.createdAt.localeCompare(b.createdAt)),
  };
}

function draftView(draft: VisionDraft, etag: string, actor: BoardActor) {
  return {
    id: draft.id,
    text: draft.text,
    author: { id: draft.authorId, name: draft.authorName },
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    status: draft.status,
    supporters: draft.supporters.length,
    supportedByMe: draft.supporters.includes(actor.memberId),
    comments: draft.comments,
    canChange: draft.status === 'draft' && canChangeDraft(draft, actor),
    etag,
  };
}

function proposalView(proposal: VisionProposal, actor: BoardActor) {
  const count = (answer: string) =>
    proposal.responses.filter((response) => response.answer === answer).length;
  return {
    id: proposal.id,
    text: proposal.text,
    draftIds: proposal.draftIds,
    facilitator: { id: proposal.facilitatorId, name: proposal.facilitatorName },
    openedAt: proposal.openedAt,
    status: proposal.status,
    closedAt: proposal.closedAt,
    counts: { consent: count('consent'), standAside: count('stand-aside'), object: count('object') },
    // Objections are shown with their reasons so the team can amend; who consented is not needed.
    objections: proposal.responses
      .filter((response) => response.answer === 'object')
      .map((response) => ({ memberName: response.memberName, reason: response.reason })),
    myAnswer: proposal.responses.find((response) => response.memberId === actor.memberId)?.answer ?? null,
    canClose: proposal.status === 'open' && facilitatesVision(proposal, actor),
  };
}

function answer<T>(outcome: BoardOutcome<T>, actor: BoardActor): T {
  return answerOutcome(outcome, (value, etag) => {
    const draft = visionDraftSchema.safeParse(value);
    return draft.success ? draftView(draft.data, etag, actor) : null;
  });
}
