import { Router, type Request } from 'express';
import { z } from 'zod';
import type { ApiKeyService } from '../app/api-key-service';
import type { WebhookDelivery } from '../app/integration-stores';
import { EVENT_TYPES } from '../app/webhook-events';
import type { WebhookService } from '../app/webhook-service';
import { ApiError } from './api-error';
import { parseInput } from './request-schemas';
import type { ResolveTeamAccess, TeamAccess } from './team-access';

const id = z.string().min(1).max(64);
const webhookBody = z
  .object({
    url: z.string().min(1).max(2000),
    events: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).optional(),
  })
  .strict();
const apiKeyBody = z.object({ name: z.string().trim().min(1).max(80) }).strict();
const deliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).optional() }).strict();

/** A delivery as the tab lists it: status and timing, not the body. */
export function deliveryView(delivery: WebhookDelivery) {
  return {
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt,
    updatedAt: delivery.updatedAt,
    nextAttemptAt: delivery.nextAttemptAt,
    test: delivery.test,
  };
}

/** The tab's API for webhooks and API keys; team owners only, since both reach outside the team. */
export function createIntegrationRoutes(deps: {
  teamAccess: ResolveTeamAccess;
  webhooks: WebhookService;
  apiKeys: ApiKeyService;
}): Router {
  const router = Router();
  const ownerAccess = async (req: Request): Promise<TeamAccess> => {
    const access = await deps.teamAccess(req);
    if (!access.actor.isTeamOwner)
      throw new ApiError(403, 'not_team_owner', 'Only an owner of this team in Microsoft Teams can do this.');
    return access;
  };
  const subscriptionId = (req: Request) => parseInput(id, req.params.webhookId, 'webhookId');
  const noWebhook = () =>
    new ApiError(404, 'not_found', 'webhookId: no such webhook in this team', { field: 'webhookId' });

  router.get('/teams/:teamId/webhooks', async (req, res) => {
    const { ref } = await ownerAccess(req);
    res.json({ webhooks: await deps.webhooks.list(ref) });
  });

  router.post('/teams/:teamId/webhooks', async (req, res) => {
    const { ref, actor } = await ownerAccess(req);
    const body = parseInput(webhookBody, req.body, 'body');
    const created = await deps.webhooks.subscribe(ref, {
      url: body.url,
      events: body.events,
      source: 'tab',
      createdBy: actor.name,
    });
    if (!created.ok) throw new ApiError(400, 'bad_request', created.message, { field: created.field });
    // The secret is shown here only: the tab tells the owner to copy it now.
    res.status(201).json({ webhook: created.value });
  });

  router.delete('/teams/:teamId/webhooks/:webhookId', async (req, res) => {
    const { ref } = await ownerAccess(req);
    if (!(await deps.webhooks.unsubscribe(ref, subscriptionId(req)))) throw noWebhook();
    res.status(204).end();
  });

  router.post('/teams/:teamId/webhooks/:webhookId/test', async (req, res) => {
    const { ref } = await ownerAccess(req);
    const delivery = await deps.webhooks.sendTest(ref, subscriptionId(req));
    if (!delivery) throw noWebhook();
    res.json({ delivery: deliveryView(delivery) });
  });

  router.get('/teams/:teamId/webhooks/:webhookId/deliveries', async (req, res) => {
    const { ref } = await ownerAccess(req);
    const { limit } = parseInput(deliveriesQuery, req.query, 'query');
    const deliveries = await deps.webhooks.deliveries(ref, subscriptionId(req), limit ?? 20);
    if (!deliveries) throw noWebhook();
    res.json({ deliveries: deliveries.map(deliveryView) });
  });

  router.get('/teams/:teamId/api-keys', async (req, res) => {
    const { ref } = await ownerAccess(req);
    res.json({ apiKeys: await deps.apiKeys.list(ref) });
  });

  router.post('/teams/:teamId/api-keys', async (req, res) => {
    const { ref, actor } = await ownerAccess(req);
    const body = parseInput(apiKeyBody, req.body, 'body');
    const created = await deps.apiKeys.create(ref, { name: body.name, createdBy: actor.name });
    if (!created)
      throw new ApiError(409, 'too_many_keys', 'This team has the most API keys allowed; revoke one first.');
    // The key is shown here only; only its hash is kept.
    res.status(201).json({ apiKey: { ...created.record, key: created.key } });
  });

  router.delete('/teams/:teamId/api-keys/:keyId', async (req, res) => {
    const { ref } = await ownerAccess(req);
    const keyId = parseInput(id, req.params.keyId, 'keyId');
    if (!(await deps.apiKeys.revoke(ref, keyId)))
      throw new ApiError(404, 'not_found', 'keyId: no such API key in this team', { field: 'keyId' });
    res.status(204).end();
  });

  return router;
}
