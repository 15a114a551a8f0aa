import { z } from 'zod';
import {
  QUADRANTS,
  type DotAllocation,
  type SwotGroup,
  type SwotItem,
  type SwotSession,
} from '../domain/boards';

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
