import { EVENT_TYPES } from '../app/webhook-events';
import { QUADRANTS } from '../domain/boards';

/** Where the flows API lives; the OpenAPI document describes every route under it. */
export const FLOWS_BASE = '/api/flows/v1';

const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = {
  '400': {
    description: 'A field is missing or invalid; `error.field` names it',
    content: json(ref('Error')),
  },
  '401': { description: 'No API key, or a revoked or unknown one', content: json(ref('Error')) },
  '404': { description: 'Not found, or not the API key’s team', content: json(ref('Error')) },
};
const teamIdParameter = {
  name: 'teamId',
  in: 'path',
  required: true,
  description: 'The team’s id (GET /team answers it for the API key)',
  schema: { type: 'string' },
  'x-ms-summary': 'Team id',
};

/**
 * The OpenAPI 3.0 description of the flows API, with the webhook trigger Power Automate subscribes to
 * (`x-ms-trigger`, `x-ms-notification-url`, `x-ms-notification-content`), so it imports as a custom connector.
 */
export function openApiDocument(publicUrl: string): Record<string, unknown> {
  const teamPath = (rest: string) => `${FLOWS_BASE}/teams/{teamId}${rest}`;
  return {
    openapi: '3.0.3',
    info: {
      title: 'Leading Together',
      version: '1.0.0',
      description:
        'Propose priorities, add SWOT items, read the team’s priority and decisions, and trigger flows on its events. ' +
        'Authenticate with a team API key created by a team owner in the Leading Together tab, or with an Entra ID ' +
        'app token (client credentials) carrying the Flows.ReadWrite app role.',
    },
    servers: [{ url: publicUrl }],
    // Either scheme: a team's API key, or an Entra ID app token with the Flows.ReadWrite role.
    security: [{ apiKey: [] }, { entraApp: [] }],
    paths: {
      [`${FLOWS_BASE}/team`]: {
        get: {
          operationId: 'GetTeam',
          summary: 'Get the API key’s team',
          description: 'The team this API key belongs to; also a connection test.',
          responses: {
            '200': { description: 'The team', content: json(ref('TeamInfo')) },
            '401': errors['401'],
          },
        },
      },
      [teamPath('/candidates')]: {
        post: {
          operationId: 'ProposeCandidate',
          summary: 'Propose a priority',
          description: 'Adds a candidate priority; its card is posted in the team’s channel.',
          parameters: [teamIdParameter],
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['title'],
              properties: {
                title: { type: 'string', maxLength: 140, 'x-ms-summary': 'Title' },
                description: { type: 'string', maxLength: 1000, 'x-ms-summary': 'Description' },
              },
            }),
          },
          responses: {
            '201': {
              description: 'Proposed',
              content: json({ type: 'object', properties: { candidate: ref('Candidate') } }),
            },
            ...errors,
          },
        },
      },
      [teamPath('/swot-items')]: {
        post: {
          operationId: 'AddSwotItem',
          summary: 'Add a SWOT item',
          description: 'Adds an item to the team’s open SWOT board (409 when no board is open).',
          parameters: [teamIdParameter],
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['quadrant', 'text'],
              properties: {
                quadrant: { type: 'string', enum: [...QUADRANTS], 'x-ms-summary': 'Quadrant' },
                text: { type: 'string', maxLength: 500, 'x-ms-summary': 'Text' },
              },
            }),
          },
          responses: {
            '201': {
              description: 'Added',
              content: json({ type: 'object', properties: { item: ref('SwotItem') } }),
            },
            ...errors,
            '409': { description: 'No SWOT board is open', content: json(ref('Error')) },
          },
        },
      },
      [teamPath('/priority')]: {
        get: {
          operationId: 'GetPriority',
          summary: 'Get the current priority',
          parameters: [teamIdParameter],
          responses: {
            '200': { description: 'The priority, or null', content: json(ref('PriorityState')) },
            ...errors,
          },
        },
      },
      [teamPath('/decisions')]: {
        get: {
          operationId: 'ListDecisions',
          summary: 'List recent decisions',
          parameters: [
            teamIdParameter,
            {
              name: 'limit',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
            },
          ],
          responses: {
            '200': {
              description: 'Newest first',
              content: json({
                type: 'object',
                properties: { decisions: { type: 'array', items: ref('Decision') } },
              }),
            },
            ...errors,
          },
        },
      },
      [teamPath('/subscriptions')]: {
        'x-ms-notification-content': {
          description: 'The event, as every webhook receives it',
          schema: ref('EventEnvelope'),
        },
        post: {
          operationId: 'OnTeamEvent',
          summary: 'When something happens in the team',
          description:
            'Subscribes a callback URL to the team’s events: a decision announced, the priority changed, a vision ' +
            'adopted, a check-in closed, an action overdue. The 201 answer’s Location is DELETEd to unsubscribe.',
          'x-ms-trigger': 'single',
          parameters: [teamIdParameter],
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['callbackUrl'],
              properties: {
                callbackUrl: {
                  type: 'string',
                  format: 'uri',
                  description: 'Where events are POSTed',
                  'x-ms-notification-url': true,
                  'x-ms-visibility': 'internal',
                },
                events: {
                  type: 'array',
                  items: { type: 'string', enum: [...EVENT_TYPES] },
                  description: `The event types wanted (all when left out): ${EVENT_TYPES.join(', ')}`,
                  'x-ms-summary': 'Events',
                },
              },
            }),
          },
          responses: {
            '201': {
              description: 'Subscribed',
              headers: {
                Location: {
                  description: 'DELETE this URL to unsubscribe',
                  schema: { type: 'string', format: 'uri' },
                },
              },
              content: json(ref('Subscription')),
            },
            ...errors,
          },
        },
      },
      [teamPath('/subscriptions/{subscriptionId}')]: {
        delete: {
          operationId: 'Unsubscribe',
          summary: 'Unsubscribe',
          'x-ms-visibility': 'internal',
          parameters: [
            teamIdParameter,
            { name: 'subscriptionId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: { '204': { description: 'Unsubscribed' }, ...errors },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'A team API key: `Authorization: Bearer <key>`',
        },
        entraApp: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "An Entra ID access token for the app's client id, from the client-credentials flow, with the " +
            '`Flows.ReadWrite` app role; it reaches the teams of its own tenant where the app is installed.',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                field: { type: 'string' },
              },
            },
          },
        },
        TeamInfo: {
          type: 'object',
          properties: {
            team: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
            apiKey: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
          },
        },
        Candidate: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            description: { type: 'string', nullable: true },
            status: { type: 'string' },
            proposedAt: { type: 'string', format: 'date-time' },
          },
        },
        SwotItem: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            sessionId: { type: 'string' },
            quadrant: { type: 'string', enum: [...QUADRANTS] },
            text: { type: 'string' },
          },
        },
        PriorityState: {
          type: 'object',
          properties: {
            priority: {
              type: 'object',
              nullable: true,
              properties: {
                title: { type: 'string' },
                amendment: { type: 'string', nullable: true },
                chosenAt: { type: 'string', format: 'date-time' },
                decisionId: { type: 'string' },
              },
            },
            watchList: {
              type: 'array',
              items: {
                type: 'object',
                properties: { title: { type: 'string' }, place: { type: 'integer' } },
              },
            },
          },
        },
        Decision: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            kind: { type: 'string' },
            title: { type: 'string' },
            rationale: { type: 'string' },
            method: { type: 'string' },
            turnout: {
              type: 'object',
              properties: { voted: { type: 'integer' }, teamSize: { type: 'integer' } },
            },
            decidedAt: { type: 'string', format: 'date-time' },
          },
        },
        Subscription: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            events: { type: 'array', items: { type: 'string', enum: [...EVENT_TYPES] } },
            secret: { type: 'string', description: 'The HMAC key of X-LT-Signature' },
          },
        },
        EventEnvelope: {
          type: 'object',
          required: ['specversion', 'type', 'id', 'time', 'team', 'data', 'card'],
          properties: {
            specversion: { type: 'string', enum: ['1.0'] },
            type: { type: 'string', enum: [...EVENT_TYPES, 'webhook.test'], 'x-ms-summary': 'Event type' },
            id: { type: 'string', 'x-ms-summary': 'Event id' },
            time: { type: 'string', format: 'date-time', 'x-ms-summary': 'Time' },
            team: {
              type: 'object',
              properties: { id: { type: 'string' }, name: { type: 'string', 'x-ms-summary': 'Team name' } },
            },
            data: { type: 'object', additionalProperties: true, 'x-ms-summary': 'Event data' },
            card: { type: 'object', additionalProperties: true, 'x-ms-summary': 'Adaptive Card' },
          },
        },
      },
    },
  };
}
