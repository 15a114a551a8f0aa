import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: 'POST' | 'PUT' | 'DELETE' | 'GET';
  kind: 'send' | 'reply' | 'update' | 'delete' | 'create-conversation' | 'members';
  conversationId: string;
  activityId: string | null;
  body: Record<string, unknown>;
  /** The id the connector gave to a new message. */
  assignedId: string | null;
  /** When it arrived (Date.now()). */
  at: number;
}

/** Trouble the connector makes on sends and updates (never on roster reads): 429 with Retry-After, or 502. */
export interface ConnectorFaults {
  /** Share of sends and updates refused, 0 to 1. */
  rate: number;
  retryAfterSeconds?: number;
  /** A seeded generator makes a run repeatable. */
  random?: () => number;
}

/** A send or update the connector refused; it is not in `calls`. */
export interface RefusedCall {
  method: string;
  path: string;
  conversationId: string;
  status: 429 | 502;
  at: number;
}

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId: string;
  /** Teams' role: 'owner' for team owners. */
  userRole?: 'owner' | 'user';
}

export interface LoopbackConnector {
  /** The serviceUrl to put in activities, with a trailing slash as Teams sends it. */
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Members returned by the roster APIs, per conversation or team id ('*' for any). */
  setRoster(conversationId: string, members: RosterMember[]): void;
  /** Starts (or, with null, stops) refusing some sends and updates. */
  setFaults(faults: ConnectorFaults | null): void;
  /** What the faults refused. */
  refused: RefusedCall[];
  waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs?: number): Promise<ConnectorCall[]>;
  /** Runs `run`, and the new messages (sends and replies, not updates) the bot posted meanwhile, as JSON. */
  messagesDuring<T>(run: () => Promise<T>): Promise<{ result: T; messages: string }>;
  close(): Promise<void>;
}

/** Plays the Bot Connector at the activities' serviceUrl and records what the bot sends. */
export async function startLoopbackConnector(
  options: { faults?: ConnectorFaults } = {},
): Promise<LoopbackConnector> {
  const calls: ConnectorCall[] = [];
  const refused: RefusedCall[] = [];
  const rosters = new Map<string, RosterMember[]>();
  let faults = options.faults ?? null;
  let nextId = 1;
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.use((req, res, next) => {
    const random = faults?.random ?? Math.random;
    if (!faults || req.method === 'GET' || random() >= faults.rate) {
      next();
      return;
    }
    const status = random() < 0.5 ? 429 : 502;
    const body = req.body as { channelData?: { channel?: { id?: string } } } | undefined;
    const conversationId =
      req.path.split('/')[3] !== undefined
        ? decodeURIComponent(req.path.split('/')[3] ?? '')
        : (body?.channelData?.channel?.id ?? 'conversation');
    refused.push({ method: req.method, path: req.path, conversationId, status, at: Date.now() });
    if (status === 429) res.set('Retry-After', String(faults.retryAfterSeconds ?? 1));
    res.status(status).json({ error: { code: status === 429 ? 'TooManyRequests' : 'BadGateway' } });
  });
  const record = (call: Omit<ConnectorCall, 'assignedId' | 'at'>, assign: boolean): string | null => {
    const assignedId = assign ? `msg-${nextId++}` : null;
    calls.push({ ...call, assignedId, at: Date.now() });
    return assignedId;
  };
  app.post('/v3/conversations/:conversationId/activities', (req, res) => {
    const id = record(
      {
        method: 'POST',
        kind: 'send',
        conversationId: req.params.conversationId,
        activityId: null,
        body: req.body as Record<string, unknown>,
      },
      true,
    );
    res.status(201).json({ id });
  });
  app.post('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    const id = record(
      {
        method: 'POST',
        kind: 'reply',
        conversationId: req.params.conversationId,
        activityId: req.params.activityId,
        body: req.body as Record<string, unknown>,
      },
      true,
    );
    res.status(201).json({ id });
  });
  app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    record(
      {
        method: 'PUT',
        kind: 'update',
        conversationId: req.params.conversationId,
        activityId: req.params.activityId,
        body: req.body as Record<string, unknown>,
      },
      false,
    );
    res.status(200).json({ id: req.params.activityId });
  });
  app.delete('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    record(
      {
        method: 'DELETE',
        kind: 'delete',
        conversationId: req.params.conversationId,
        activityId: req.params.activityId,
        body: {},
      },
      false,
    );
    res.status(200).end();
  });
  app.post('/v3/conversations', (req, res) => {
    const body = req.body as { channelData?: { channel?: { id?: string } } };
    const channelId = body.channelData?.channel?.id ?? 'conversation';
    const id = record(
      {
        method: 'POST',
        kind: 'create-conversation',
        conversationId: channelId,
        activityId: null,
        body: req.body as Record<string, unknown>,
      },
      true,
    );
    res.status(201).json({ id: `${channelId};messageid=${id}`, activityId: id });
  });
  const membersOf = (conversationId: string) => rosters.get(conversationId) ?? rosters.get('*') ?? [];
  app.get('/v3/conversations/:conversationId/pagedmembers', (req, res) => {
    const members = membersOf(req.params.conversationId.split(';')[0] ?? '');
    res.json({
      members: members.map((member) => ({
        ...member,
        objectId: member.aadObjectId,
        userPrincipalName: `${member.id}@example.test`,
      })),
    });
  });
  app.get('/v3/conversations/:conversationId/members/:memberId', (req, res) => {
    const member = membersOf(req.params.conversationId.split(';')[0] ?? '').find(
      (candidate) => candidate.id === req.params.memberId || candidate.aadObjectId === req.params.memberId,
    );
    if (!member) {
      res.status(404).json({ error: { code: 'MemberNotFoundInConversation', message: 'not a member' } });
      return;
    }
    res.json({ ...member, objectId: member.aadObjectId });
  });

  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    setRoster: (conversationId, members) => rosters.set(conversationId, members),
    setFaults: (next) => {
      faults = next;
    },
    refused,
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > deadline)
          throw new Error(
            `connector did not see the expected calls; saw ${JSON.stringify(calls.map((c) => c.kind))}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return calls;
    },
    async messagesDuring(run) {
      const before = calls.length;
      const result = await run();
      const messages = calls
        .slice(before)
        .flatMap((call) => (call.kind === 'send' || call.kind === 'reply' ? [call.body] : []));
      return { result, messages: JSON.stringify(messages) };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
