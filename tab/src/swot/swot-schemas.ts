import { z } from '../zod';

/** The SWOT board API's answers, validated where they enter the tab; types are inferred from them. */

export const QUADRANT_NAMES = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
export const quadrantSchema = z.enum(QUADRANT_NAMES);
export type Quadrant = z.infer<typeof quadrantSchema>;

export const tagSchema = z.enum(['symptom', 'root-cause']).nullable();
export type Tag = z.infer<typeof tagSchema>;

export const evidenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('url'), url: z.string() }),
  z.object({ kind: z.literal('note'), text: z.string() }),
]);
export type Evidence = z.infer<typeof evidenceSchema>;

const promotionSchema = z
  .object({ candidateId: z.string(), promotedBy: z.string(), promotedAt: z.string() })
  .nullable();

export const sessionSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  dotsPerMember: z.number().int(),
  facilitator: z.object({ id: z.string(), name: z.string() }),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof sessionSchema>;

export const itemSchema = z.object({
  id: z.string().min(1),
  quadrant: quadrantSchema,
  groupId: z.string().nullable(),
  text: z.string(),
  tag: tagSchema,
  evidence: z.array(evidenceSchema),
  author: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  dots: z.number().int(),
  myDots: z.number().int(),
  canChange: z.boolean(),
  promotion: promotionSchema,
  etag: z.string(),
});
export type Item = z.infer<typeof itemSchema>;

export const groupSchema = z.object({
  id: z.string().min(1),
  quadrant: quadrantSchema,
  name: z.string(),
  createdBy: z.string(),
  dots: z.number().int(),
  canChange: z.boolean(),
  promotion: promotionSchema,
  etag: z.string(),
});
export type Group = z.infer<typeof groupSchema>;

export const boardGroupSchema = groupSchema.extend({ items: z.array(itemSchema) });
export type BoardGroup = z.infer<typeof boardGroupSchema>;

export const boardSchema = z.object({
  session: sessionSchema,
  version: z.string(),
  me: z.object({
    id: z.string(),
    name: z.string(),
    isFacilitator: z.boolean(),
    dotsLeft: z.number().int(),
  }),
  itemCount: z.number().int(),
  quadrants: z.array(
    z.object({ quadrant: quadrantSchema, groups: z.array(boardGroupSchema), items: z.array(itemSchema) }),
  ),
});
export type Board = z.infer<typeof boardSchema>;
export type BoardQuadrant = Board['quadrants'][number];

export const sessionListSchema = z.object({
  current: z.string().nullable(),
  sessions: z.array(sessionSchema),
});
export type SessionList = z.infer<typeof sessionListSchema>;

export const candidateSchema = z.object({ id: z.string(), title: z.string(), status: z.string() });
export type Candidate = z.infer<typeof candidateSchema>;

/** What a member writes on an item. */
export interface ItemFields {
  text: string;
  tag: Tag;
  evidence: Evidence[];
}

/** A zod schema as the api module's `parse` callback: the value, or null when it does not fit. */
export function parserOf<T>(schema: z.ZodType<T>): (body: unknown) => T | null {
  return (body) => {
    const parsed = schema.safeParse(body);
    return parsed.success ? parsed.data : null;
  };
}
