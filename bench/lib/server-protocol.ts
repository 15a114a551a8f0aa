import { z } from 'zod';

/**
 * The IPC between the bench and its app server process (`server-process.ts`): the bench sends requests,
 * the server answers each by id. Both sides parse what they receive with these schemas.
 */

const requestKinds = ['count.start', 'count.stop', 'settle', 'cpu', 'close'] as const;

const count = z.number().int().nonnegative();

const replies = {
  /** Starts counting storage requests and what the app logs as wrong (from zero). */
  'count.start': z.null(),
  /** Stops counting and answers what was counted. */
  'count.stop': z.object({
    storage: z.object({ requests: count, byOperation: z.record(count) }),
    log: z.object({ errors: count, warnings: count, samples: z.array(z.string()) }),
  }),
  /** Answers once the app's card-update queue has drained. */
  settle: z.null(),
  /** The server process's own `process.cpuUsage()`, in microseconds. */
  cpu: z.object({ user: count, system: count }),
  /** Answers once the server has closed; the process then exits. */
  close: z.null(),
} satisfies Record<(typeof requestKinds)[number], z.ZodTypeAny>;

export type ServerRequestKind = keyof typeof replies;
export type ServerReply<K extends ServerRequestKind> = z.infer<(typeof replies)[K]>;
/** What each request answers (typed so that a generic kind picks its own schema). */
export const serverReplies: { [K in ServerRequestKind]: z.ZodType<ServerReply<K>> } = replies;

export const serverRequest = z.object({ id: count, kind: z.enum(requestKinds) });
export type ServerRequest = z.infer<typeof serverRequest>;

export const serverMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.string().url() }),
  z.object({ type: z.literal('reply'), id: count, value: z.unknown() }),
  z.object({ type: z.literal('failed'), id: count, error: z.string() }),
]);
export type ServerMessage = z.infer<typeof serverMessage>;
