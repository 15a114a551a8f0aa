import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { BoardOutcome } from '../app/board-outcome';
import type { SwotService } from '../app/swot-service';
import {
  boardToCsv,
  boardToMarkdown,
  MAX_DOTS_PER_MEMBER,
  QUADRANTS,
  type SwotGroup,
  type SwotSession,
  type SwotItem,
} from '../domain/boards';
import { ApiError } from './api-error';
import { answerOutcome } from './board-answer';
import { boardView, groupView, itemView, sessionSummary } from './board-view';
import { parseInput, requireIfMatch } from './request-schemas';
import { swotGroupSchema, swotItemSchema } from '../storage/board-schemas';
import type { ResolveTeamAccess } from './team-access';
import type { TeamRef } from '../app/team-ref';

const id = z.string().min(1).max(64);
const quadrant = z.enum(QUADRANTS);
const evidence = z
  .array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('url'), url: z.string().max(2000) }).strict(),
      z.object({ kind: z.literal('note'), text: z.string().max(500) }).strict(),
    ]),
  )
  .max(5);
const tag = z.enum(['symptom', 'root-cause']).nullable();

const openBody = z
  .object({
    title: z.string().max(100).nullish(),
    dotsPerMember: z.number().int().min(1).max(MAX_DOTS_PER_MEMBER).nullish(),
  })
  .strict();
const settingsBody = z.object({ dotsPerMember: z.number().int().min(1).max(MAX_DOTS_PER_MEMBER) }).strict();
const newItemBody = z
  .object({
    quadrant,
    text: z.string().max(500),
    tag: tag.optional(),
    evidence: evidence.optional(),
    groupId: id.nullish(),
  })
  .strict();
const editItemBody = z
  .object({ text: z.string().max(500).optional(), tag: tag.optional(), evidence: evidence.optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'expected at least one of text, tag, evidence');
const moveBody = z.object({ groupId: id.nullable(), quadrant: quadrant.optional() }).strict();
const groupBody = z.object({ quadrant, name: z.string().max(80) }).strict();
const renameBody = z.object({ name: z.string().max(80) }).strict();
const dotsBody = z.object({ count: z.number().int().min(0).max(MAX_DOTS_PER_MEMBER) }).strict();
const exportQuery = z.object({ format: z.enum(['markdown', 'csv']) }).strict();
const noQuery = z.object({}).strict();

/** The SWOT board API: sessions, items, groups, dots, promotion and export, for members of the team. */
export function createSwotRoutes(deps: {
  teamAccess: ResolveTeamAccess;
  swot: SwotService;
  /** Remembers that the member saw the board (for "new items" on the personal tab). */
  onBoardViewed: (team: TeamRef, memberId: string, boardId: string) => Promise<void>;
}): Router {
  const router = Router();
  const { swot } = deps;
  const params = (req: Request) => ({
    sessionId: parseInput(id, req.params.sessionId, 'sessionId'),
    itemId: req.params.itemId === undefined ? '' : parseInput(id, req.params.itemId, 'itemId'),
    groupId: req.params.groupId === undefined ? '' : parseInput(id, req.params.groupId, 'groupId'),
  });

  router.get('/teams/:teamId/swot', async (req, res) => {
    const { ref } = await deps.teamAccess(req);
    parseInput(noQuery, req.query, 'query');
    const sessions = await swot.sessions(ref);
    res.json({ current: currentOf(sessions)?.id ?? null, sessions: sessions.map(sessionSummary) });
  });

  router.post('/teams/:teamId/swot', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const body = parseInput(openBody, req.body ?? {}, 'body');
    const opened = answer(await swot.open(ref, actor, body));
    res.status(201).json({ session: sessionSummary(opened) });
  });

  const sendBoard = async (req: Request, res: Response, sessionId: (ref: TeamRef) => Promise<string>) => {
    const { ref, actor } = await deps.teamAccess(req);
    parseInput(noQuery, req.query, 'query');
    const stored = await swot.board(ref, await sessionId(ref));
    if (!stored) throw notFound('sessionId', 'no such SWOT board in this team');
    // The version covers every row; the member's own view of it only changes when a row does.
    const etag = `"${stored.version}.${actor.isTeamOwner ? 'o' : 'm'}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.header('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    await deps.onBoardViewed(ref, actor.memberId, stored.board.session.id);
    res.json(boardView(stored, actor));
  };

  // The current session's board, the one the list names `current`: the tab asks for it together with the
  // list instead of after it. Registered before `:sessionId`, which would take "current" for an id.
  router.get('/teams/:teamId/swot/current', (req, res) =>
    sendBoard(req, res, async (ref) => {
      const current = currentOf(await swot.sessions(ref));
      if (!current) throw notFound('sessionId', 'this team has no SWOT session yet');
      return current.id;
    }),
  );

  router.get('/teams/:teamId/swot/:sessionId', (req, res) =>
    sendBoard(req, res, () => Promise.resolve(params(req).sessionId)),
  );

  router.patch('/teams/:teamId/swot/:sessionId', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const { sessionId } = params(req);
    const body = parseInput(settingsBody, req.body, 'body');
    res.json({
      session: sessionSummary(answer(await swot.setDotsPerMember(ref, sessionId, actor, body.dotsPerMember))),
    });
  });

  router.post('/teams/:teamId/swot/:sessionId/close', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const { sessionId } = params(req);
    res.json({ session: sessionSummary(answer(await swot.close(ref, sessionId, actor))) });
  });

  router.get('/teams/:teamId/swot/:sessionId/export', async (req, res) => {
    const { ref } = await deps.teamAccess(req);
    const { sessionId } = params(req);
    const { format } = parseInput(exportQuery, req.query, 'query');
    const stored = await swot.board(ref, sessionId);
    if (!stored) throw notFound('sessionId', 'no such SWOT board in this team');
    const name = `${stored.board.session.title.replace(/[^\w -]+/g, '').trim() || 'swot'}`;
    const [type, extension, text] =
      format === 'csv'
        ? ['text/csv', 'csv', boardToCsv(stored.board)]
        : ['text/markdown', 'md', boardToMarkdown(stored.board)];
    res.setHeader('Content-Type', `${type}; charset=utf-8`);
    res.setHeader('Content-Disposition', `attachment; filename="${name}.${extension}"`);
    res.send(text);
  });

  router.post('/teams/:teamId/swot/:sessionId/items', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const { sessionId } = params(req);
    const body = parseInput(newItemBody, req.body, 'body');
    const created = answer(await swot.addItem(ref, sessionId, actor, body));
    res.status(201).json({ item: itemResponse(created.value, created.etag, actor.memberId) });
  });

  router.patch('/teams/:teamId/swot/:sessionId/items/:itemId', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const { sessionId, itemId } = params(req);
    const body = parseInput(editItemBody, req.body, 'body');
    const etag = requireIfMatch(req);
    const edited = answer(await swot.editItem(ref, sessionId, itemId, actor, body, etag), actor.memberId);
    res.json({ item: itemResponse(edited.value, edited.etag, actor.memberId) });
  });

  router.post('/teams/:teamId/swot/:sessionId/items/:itemId/move', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const { sessionId, itemId } = params(req);
    const body = parseInput(moveBody, req.body, 'body');
    const etag = requireIfMatch(req);
    const moved = answer(await swot.moveItem(ref, sessionId, itemId, actor, body, etag), actor.memberId);
    res.json({ item: itemResponse(moved.value, moved.etag, actor.memberId) });
  });

  router.delete('/teams/:teamId/swot/:sessionId/items/:itemId', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const { sessionId, itemId } = params(req);
    answer(await swot.deleteItem(ref, sessionId, itemId, actor, requireIfMatch(req)), actor.memberId);
    res.status(204).end();
  });

  router.put('/teams/:teamId/swot/:sessionId/items/:itemId/dots', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const { sessionId, itemId } = params(req);
    const body = parseInput(dotsBody, req.body, 'body');
    const allocation = answer(await swot.setDots(ref, sessionId, itemId, actor, body.count));
    res.json({ itemId, myDots: allocation.dots[itemId] ?? 0 });
  });

  router.post('/teams/:teamId/swot/:sessionId/items/:itemId/promote', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const { sessionId, itemId } = params(req);
    promote(res, await swot.promote(ref, sessionId, { kind: 'item', id: itemId }, actor));
  });

  router.post('/teams/:teamId/swot/:sessionId/groups', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const { sessionId } = params(req);
    const body = parseInput(groupBody, req.body, 'body');
    const created = answer(await swot.addGroup(ref, sessionId, actor, body));
    res.status(201).json({ group: groupResponse(created.value, created.etag) });
  });

  router.patch('/teams/:teamId/swot/:sessionId/groups/:groupId', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const { sessionId, groupId } = params(req);
    const body = parseInput(renameBody, req.body, 'body');
    const renamed = answer(
      await swot.renameGroup(ref, sessionId, groupId, actor, body.name, requireIfMatch(req)),
      actor.memberId,
    );
    res.json({ group: groupResponse(renamed.value, renamed.etag) });
  });

  router.delete('/teams/:teamId/swot/:sessionId/groups/:groupId', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const { sessionId, groupId } = params(req);
    answer(await swot.deleteGroup(ref, sessionId, groupId, actor, requireIfMatch(req)), actor.memberId);
    res.status(204).end();
  });

  router.post('/teams/:teamId/swot/:sessionId/groups/:groupId/promote', async (req, res) => {
    const { ref, actor } = await deps.teamAccess(req);
    const { sessionId, groupId } = params(req);
    promote(res, await swot.promote(ref, sessionId, { kind: 'group', id: groupId }, actor));
  });

  return router;
}

function promote(res: Response, outcome: Awaited<ReturnType<SwotService['promote']>>): void {
  const candidate = answer(outcome);
  res.status(201).json({ candidate: { id: candidate.id, title: candidate.title, status: candidate.status } });
}

/** The written row as the tab needs it right after its own write (totals arrive with the next poll). */
function itemResponse(item: SwotItem, etag: string, memberId: string) {
  return itemView(item, etag, {
    dots: 0,
    myDots: 0,
    canChange: item.authorId === memberId,
    groupId: item.groupId,
  });
}

function groupResponse(group: SwotGroup, etag: string) {
  return groupView(group, etag, { dots: 0, canChange: true });
}

function answer<T>(outcome: BoardOutcome<T>, memberId = ''): T {
  return answerOutcome(outcome, (value, etag) => currentView(value, etag, memberId));
}

function currentView(value: unknown, etag: string, memberId: string) {
  const item = swotItemSchema.safeParse(value);
  if (item.success) return itemResponse(item.data, etag, memberId);
  const group = swotGroupSchema.safeParse(value);
  return group.success ? groupResponse(group.data, etag) : null;
}

/** The session a team's SWOT view opens on: the open one, else the newest (sessions come newest first). */
function currentOf(sessions: readonly SwotSession[]): SwotSession | null {
  return sessions.find((session) => session.status === 'open') ?? sessions[0] ?? null;
}

function notFound(field: string, message: string): ApiError {
  return new ApiError(404, 'not_found', `${field}: ${message}`, { field });
}
