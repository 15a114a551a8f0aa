import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { CandidateService } from '../app/candidate-service';
import type { DecisionLog, TeamStateStore } from '../app/priority-stores';
import type { SwotService } from '../app/swot-service';
import type { TeamRef } from '../app/team-ref';
import type { Candidate } from '../domain/candidates';
import { QUADRANTS } from '../domain/boards';
import { isVoteDecision } from '../domain/decisions';
import { EVENT_TYPES } from '../app/webhook-events';
import type { WebhookService } from '../app/webhook-service';
import { ApiError } from './api-error';
import type { AuthenticateFlow, FlowClient } from './flow-authentication';
import { answerOutcome } from './board-answer';
import { parseInput } from './request-schemas';
import type { TeamStore } from '../app/installations';
import { FLOWS_BASE, openApiDocument } from './openapi';

const teamId = z.string().min(1).max(1024);
const id = z.string().min(1).max(64);
const candidateBody = z
  .object({ title: z.string().max(1000), description: z.string().max(4000).nullish() })
  .strict();
const swotItemBody = z.object({ quadrant: z.enum(QUADRANTS), text: z.string().max(500) }).strict();
const subscriptionBody = z
  .object({
    callbackUrl: z.string().min(1).max(2000),
    events: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).optional(),
  })
  .strict();
const decisionsQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).optional() }).strict();
const noQuery = z.object({}).strict();

/** The API Power Automate and other flows call with a team's API key or an Entra ID app token. */
export function createFlowRoutes(deps: {
  authenticate: AuthenticateFlow;
  teams: TeamStore;
  candidates: CandidateService;
  swot: SwotService;
  teamState: TeamStateStore;
  decisions: DecisionLog;
  webhooks: WebhookService;
  publicUrl: string;
  /** Posts the new candidate's card in the team's channel. */
  onCandidateProposed: (team: TeamRef, candidate: Candidate, byName: string) => Promise<void>;
}): Router {
  const router = Router();

  const authenticate = async (req: Request, res: Response): Promise<FlowClient> => {
    try {
      return await deps.authenticate(req.header('authorization'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401)
        res.setHeader('WWW-Authenticate', 'Bearer realm="Leading Together flows"');
      throw error;
    }
  };
  /**
   * The team in the path, which must be the key's team, or a team of the app token's tenant with the app
   * installed: another team's (or tenant's) data is not found.
   */
  const teamOf = async (req: Request, res: Response): Promise<{ caller: FlowClient; team: TeamRef }> => {
    const caller = await authenticate(req, res);
    const requested = parseInput(teamId, req.params.teamId, 'teamId');
    const notFound = () =>
      new ApiError(
        404,
        'not_found',
        `teamId: no such team for this ${caller.kind === 'api-key' ? 'API key' : 'app'}`,
        {
          field: 'teamId',
        },
      );
    if (caller.kind === 'api-key') {
      if (requested !== caller.team.teamId) throw notFound();
      return { caller, team: caller.team };
    }
    if (!(await deps.teams.get(caller.tenantId, requested))) throw notFound();
    return { caller, team: { tenantId: caller.tenantId, teamId: requested } };
  };
  const flowActor = (caller: FlowClient) => ({
    memberId: `flow:${caller.id}`,
    name: `${caller.name} (flow)`,
    isTeamOwner: false,
  });

  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument(deps.publicUrl));
  });

  router.get('/flows/v1/team', async (req, res) => {
    const caller = await authenticate(req, res);
    parseInput(noQuery, req.query, 'query');
    if (caller.kind !== 'api-key')
      throw new ApiError(
        400,
        'bad_request',
        'Authorization: an app token is not tied to one team; call /flows/v1/teams/{teamId}/… instead',
        { field: 'Authorization' },
      );
    const record = await deps.teams.get(caller.team.tenantId, caller.team.teamId);
    res.json({
      team: { id: caller.team.teamId, name: record?.name ?? '' },
      apiKey: { id: caller.id, name: caller.name },
    });
  });

  router.post('/flows/v1/teams/:teamId/candidates', async (req, res) => {
    const { caller, team } = await teamOf(req, res);
    const body = parseInput(candidateBody, req.body, 'body');
    const proposed = await deps.candidates.propose(team, flowActor(caller).memberId, {
      title: body.title,
      description: body.description ?? null,
    });
    if (!proposed.ok) throw new ApiError(400, 'bad_request', proposed.message, { field: proposed.field });
    await deps.onCandidateProposed(team, proposed.value, flowActor(caller).name);
    const candidate = proposed.value;
    res.status(201).json({
      candidate: {
        id: candidate.id,
        title: candidate.title,
        description: candidate.description,
        status: candidate.status,
        proposedAt: candidate.proposedAt,
      },
    });
  });

  router.post('/flows/v1/teams/:teamId/swot-items', async (req, res) => {
    const { caller, team } = await teamOf(req, res);
    const body = parseInput(swotItemBody, req.body, 'body');
    const open = (await deps.swot.sessions(team)).find((session) => session.status === 'open');
    if (!open)
      throw new ApiError(409, 'no_open_session', 'session: no SWOT board is open in this team', {
        field: 'session',
      });
    const added = answerOutcome(
      await deps.swot.addItem(team, open.id, flowActor(caller), body),
      (value) => value,
    );
    res.status(201).json({
      item: {
        id: added.value.id,
        sessionId: open.id,
        quadrant: added.value.quadrant,
        text: added.value.text,
      },
    });
  });

  router.get('/flows/v1/teams/:teamId/priority', async (req, res) => {
    const { team } = await teamOf(req, res);
    parseInput(noQuery, req.query, 'query');
    const state = (await deps.teamState.get(team))?.value;
    const active = state?.activePriority ?? null;
    res.json({
      priority: active
        ? {
            title: active.title,
            amendment: active.amendment,
            chosenAt: active.chosenAt,
            decisionId: active.decisionId,
          }
        : null,
      watchList: (state?.watchList ?? []).map((entry) => ({ title: entry.title, place: entry.place })),
    });
  });

  router.get('/flows/v1/teams/:teamId/decisions', async (req, res) => {
    const { team } = await teamOf(req, res);
    const { limit } = parseInput(decisionsQuery, req.query, 'query');
    const recent = await deps.decisions.recent(team, limit ?? 10);
    res.json({
      // The flows contract lists vote decisions (method, turnout); releases and ended priorities are not in it.
      decisions: recent.filter(isVoteDecision).map((decision) => ({
        id: decision.id,
        kind: decision.kind,
        title: decision.title,
        rationale: decision.rationale,
        method: decision.method,
        turnout: { voted: decision.turnout.voted, teamSize: decision.turnout.teamSize },
        decidedAt: decision.decidedAt,
      })),
    });
  });

  router.post('/flows/v1/teams/:teamId/subscriptions', async (req, res) => {
    const { caller, team } = await teamOf(req, res);
    const body = parseInput(subscriptionBody, req.body, 'body');
    const created = await deps.webhooks.subscribe(team, {
      url: body.callbackUrl,
      events: body.events,
      source: 'flow',
      createdBy: caller.name,
    });
    if (!created.ok)
      throw new ApiError(400, 'bad_request', created.message.replace(/^url:/, 'callbackUrl:'), {
        field: 'callbackUrl',
      });
    const path = `${FLOWS_BASE}/teams/${encodeURIComponent(team.teamId)}/subscriptions/${encodeURIComponent(created.value.id)}`;
    res.setHeader('Location', `${deps.publicUrl}${path}`);
    res
      .status(201)
      .json({ id: created.value.id, events: created.value.events, secret: created.value.secret });
  });

  router.delete('/flows/v1/teams/:teamId/subscriptions/:subscriptionId', async (req, res) => {
    const { team } = await teamOf(req, res);
    const subscriptionId = parseInput(id, req.params.subscriptionId, 'subscriptionId');
    if (!(await deps.webhooks.unsubscribe(team, subscriptionId)))
      throw new ApiError(404, 'not_found', 'subscriptionId: no such subscription', {
        field: 'subscriptionId',
      });
    res.status(204).end();
  });

  return router;
}
