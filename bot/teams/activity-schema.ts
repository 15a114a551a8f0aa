import { z } from 'zod';

const account = z
  .object({ id: z.string().min(1).max(512), name: z.string().max(512).optional() })
  .passthrough();

/**
 * The shape every activity must have before botbuilder sees it. botbuilder itself answers a
 * malformed body with a 500; the Bot Connector contract says 400, and nothing may change.
 */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    from: account,
    recipient: account,
    conversation: z
      .object({
        id: z.string().min(1).max(1024),
        tenantId: z.string().max(128).optional(),
        conversationType: z.string().max(64).optional(),
        isGroup: z.boolean().optional(),
      })
      .passthrough(),
    text: z.string().max(28_000).optional(),
    channelData: z
      .object({
        tenant: z
          .object({ id: z.string().max(128) })
          .passthrough()
          .optional(),
        team: z
          .object({ id: z.string().max(1024), name: z.string().max(512).optional() })
          .passthrough()
          .optional(),
        channel: z
          .object({ id: z.string().max(1024), name: z.string().max(512).optional() })
          .passthrough()
          .optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

/** Validates a request body as an activity; the error names the first bad field. */
export function parseIncomingActivity(
  body: unknown,
): { ok: true; activity: IncomingActivity } | { ok: false; error: string } {
  const parsed = incomingActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid activity'}` };
}
