import { z } from '../zod';
import { parsedBody, responseError, sendRequest, type Identity, type RequestOptions } from '../api';
import { parserOf } from '../swot/swot-schemas';
import {
  apiKeySchema,
  createdApiKeySchema,
  createdWebhookSchema,
  deliverySchema,
  webhookSchema,
  type ApiKey,
  type CreatedApiKey,
  type CreatedWebhook,
  type Delivery,
  type EventType,
  type Webhook,
} from './workflows-schemas';

/** How many recent deliveries the view lists per webhook. */
export const RECENT_DELIVERIES = 5;

/** A team's webhooks and API keys, as the member it was made for (the server lets only team owners in). */
export interface WorkflowsClient {
  webhooks(signal?: AbortSignal): Promise<Webhook[]>;
  addWebhook(input: { url: string; events: EventType[] }): Promise<CreatedWebhook>;
  removeWebhook(webhookId: string): Promise<void>;
  sendTest(webhookId: string): Promise<Delivery>;
  deliveries(webhookId: string, signal?: AbortSignal): Promise<Delivery[]>;
  apiKeys(signal?: AbortSignal): Promise<ApiKey[]>;
  createApiKey(name: string): Promise<CreatedApiKey>;
  revokeApiKey(keyId: string): Promise<void>;
}

const webhooksBody = parserOf(
  z.object({ webhooks: z.array(webhookSchema) }).transform((body) => body.webhooks),
);
const createdWebhookBody = parserOf(
  z.object({ webhook: createdWebhookSchema }).transform((body) => body.webhook),
);
const deliveryBody = parserOf(z.object({ delivery: deliverySchema }).transform((body) => body.delivery));
const deliveriesBody = parserOf(
  z.object({ deliveries: z.array(deliverySchema) }).transform((body) => body.deliveries),
);
const apiKeysBody = parserOf(z.object({ apiKeys: z.array(apiKeySchema) }).transform((body) => body.apiKeys));
const createdApiKeyBody = parserOf(
  z.object({ apiKey: createdApiKeySchema }).transform((body) => body.apiKey),
);

export function createWorkflowsClient(identity: Identity, teamId: string): WorkflowsClient {
  const base = `/api/teams/${encodeURIComponent(teamId)}`;
  const webhookAt = (webhookId: string, path = '') =>
    `${base}/webhooks/${encodeURIComponent(webhookId)}${path}`;
  const withSignal = (signal?: AbortSignal): RequestOptions => (signal ? { signal } : {});

  const call = async <T>(path: string, options: RequestOptions, parse: (body: unknown) => T | null) => {
    const response = await sendRequest(identity, path, options);
    if (!response.ok) throw await responseError(response);
    return parsedBody(response, parse);
  };
  const callEmpty = async (path: string, options: RequestOptions) => {
    const response = await sendRequest(identity, path, options);
    if (!response.ok) throw await responseError(response);
  };

  return {
    webhooks: (signal) => call(`${base}/webhooks`, withSignal(signal), webhooksBody),
    addWebhook: (input) => call(`${base}/webhooks`, { method: 'POST', body: input }, createdWebhookBody),
    removeWebhook: (webhookId) => callEmpty(webhookAt(webhookId), { method: 'DELETE' }),
    sendTest: (webhookId) => call(webhookAt(webhookId, '/test'), { method: 'POST', body: {} }, deliveryBody),
    deliveries: (webhookId, signal) =>
      call(
        webhookAt(webhookId, `/deliveries?limit=${RECENT_DELIVERIES}`),
        withSignal(signal),
        deliveriesBody,
      ),
    apiKeys: (signal) => call(`${base}/api-keys`, withSignal(signal), apiKeysBody),
    createApiKey: (name) => call(`${base}/api-keys`, { method: 'POST', body: { name } }, createdApiKeyBody),
    revokeApiKey: (keyId) => callEmpty(`${base}/api-keys/${encodeURIComponent(keyId)}`, { method: 'DELETE' }),
  };
}
