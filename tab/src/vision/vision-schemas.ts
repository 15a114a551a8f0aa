import { z } from '../zod';

/** The vision board API's answers, validated where they enter the tab; types are inferred from them. */

export const MAX_VISION_TEXT = 1000;
export const MAX_COMMENT_TEXT = 500;

const person = z.object({ id: z.string(), name: z.string() });

export const adoptedVisionSchema = z.object({
  id: z.string().min(1),
  proposalId: z.string(),
  text: z.string(),
  adoptedAt: z.string(),
  adoptedBy: z.string(),
  consents: z.number().int(),
  standAsides: z.number().int(),
  supersedes: z.string().nullable(),
});
export type AdoptedVision = z.infer<typeof adoptedVisionSchema>;

export const consentAnswerSchema = z.enum(['consent', 'stand-aside', 'object']);
export type ConsentAnswer = z.infer<typeof consentAnswerSchema>;

export const proposalSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  draftIds: z.array(z.string()),
  facilitator: person,
  openedAt: z.string(),
  status: z.enum(['open', 'adopted', 'objected']),
  closedAt: z.string().nullable(),
  counts: z.object({ consent: z.number().int(), standAside: z.number().int(), object: z.number().int() }),
  objections: z.array(z.object({ memberName: z.string(), reason: z.string().nullish() })),
  myAnswer: consentAnswerSchema.nullable(),
  canClose: z.boolean(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const commentSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  text: z.string(),
  at: z.string(),
});
export type DraftComment = z.infer<typeof commentSchema>;

export const draftSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  author: person,
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['draft', 'merged', 'withdrawn']),
  supporters: z.number().int(),
  supportedByMe: z.boolean(),
  comments: z.array(commentSchema),
  canChange: z.boolean(),
  etag: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;

export const visionBoardSchema = z.object({
  version: z.string(),
  me: person,
  vision: adoptedVisionSchema.nullable(),
  history: z.array(adoptedVisionSchema),
  proposal: proposalSchema.nullable(),
  drafts: z.array(draftSchema),
});
export type VisionBoard = z.infer<typeof visionBoardSchema>;
