import { z } from 'zod';
import {
  QUADRANTS,
  type DotAllocation,
  type SwotGroup,
  type SwotItem,
  type SwotSession,
  type AdoptedVision,
  type VisionDraft,
  type VisionProposal,
} from '../domain/boards';
import type { StoredVisionProposal } from '../app/board-stores';

// Board rows read back from storage, checked field by field: members write them through the tab.

const promotion = z
  .object({ candidateId: z.string(), promotedBy: z.string(), promotedAt: z.string() })
  .nullable();

export const swotSessionSchema: z.ZodType<SwotSession> = z.object({
  id: z.string(),
  teamId: z.string(),
  title: z.string().min(1).max(100),
  status: z.enum(['open', 'closed']),
  dotsPerMember: z.number().int().min(1).max(20),
  openedBy: z.string(),
  openedByName: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
});

export const swotItemSchema: z.ZodType<SwotItem> = z.object({
  id: z.string(),
  sessionId: z.string(),
  quadrant: z.enum(QUADRANTS),
  text: z.string().min(1).max(500),
  tag: z.enum(['symptom', 'root-cause']).nullable(),
  evidence: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('url'), url: z.string() }),
        z.object({ kind: z.literal('note'), text: z.string() }),
      ]),
    )
    .max(5),
  groupId: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  promotion,
});

export const swotGroupSchema: z.ZodType<SwotGroup> = z.object({
  id: z.string(),
  sessionId: z.string(),
  quadrant: z.enum(QUADRANTS),
  name: z.string().min(1).max(80),
  createdBy: z.string(),
  createdAt: z.string(),
  promotion,
});

export const dotAllocationSchema: z.ZodType<DotAllocation> = z.object({
  memberId: z.string(),
  dots: z.record(z.number().int().min(0).max(20)),
});

export const visionDraftSchema: z.ZodType<VisionDraft> = z.object({
  id: z.string(),
  teamId: z.string(),
  text: z.string().min(1).max(1000),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  supporters: z.array(z.string()),
  comments: z
    .array(
      z.object({
        id: z.string(),
        authorId: z.string(),
        authorName: z.string(),
        text: z.string().min(1).max(500),
        at: z.string(),
      }),
    )
    .max(100),
  status: z.enum(['draft', 'merged', 'withdrawn']),
});

const visionProposalSchema: z.ZodType<VisionProposal> = z.object({
  id: z.string(),
  teamId: z.string(),
  text: z.string().min(1).max(1000),
  draftIds: z.array(z.string()).min(1),
  facilitatorId: z.string(),
  facilitatorName: z.string(),
  openedAt: z.string(),
  status: z.enum(['open', 'adopted', 'objected']),
  responses: z.array(
    z.object({
      memberId: z.string(),
      memberName: z.string(),
      answer: z.enum(['consent', 'stand-aside', 'object']),
      reason: z.string().nullable(),
      respondedAt: z.string(),
    }),
  ),
  closedAt: z.string().nullable(),
});

const adoptedVisionSchema: z.ZodType<AdoptedVision> = z.object({
  id: z.string(),
  teamId: z.string(),
  proposalId: z.string(),
  text: z.string(),
  adoptedAt: z.string(),
  adoptedBy: z.string(),
  consents: z.number().int().min(0),
  standAsides: z.number().int().min(0),
  supersedes: z.string().nullable(),
});

export const storedVisionProposalSchema: z.ZodType<StoredVisionProposal> = z.object({
  proposal: visionProposalSchema,
  adopted: adoptedVisionSchema.nullable(),
});
