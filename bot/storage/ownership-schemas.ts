import { z } from 'zod';
import type { StoredAction, StoredAssignment } from '../app/ownership-stores';
import { ACTION_STATUSES, OWNER_ROLES, type Action, type Assignment } from '../domain/ownership';

// Assignments and actions read back from storage, checked field by field.

const role = z.enum(OWNER_ROLES as [Assignment['role'], ...Assignment['role'][]]);
const text = z.string();
const nullableText = z.string().nullable();

export const assignmentSchema: z.ZodType<Assignment> = z.object({
  priorityId: text,
  memberId: text.min(1),
  role,
  status: z.enum(['proposed', 'accepted', 'declined']),
  assignedBy: text,
  assignedAt: text,
  respondedAt: nullableText,
  declineReason: nullableText,
  pendingChange: z.object({ role, proposedBy: text, proposedAt: text }).nullable(),
  statement: nullableText,
  statementAt: nullableText,
});

export const actionSchema: z.ZodType<Action> = z.object({
  id: text.min(1),
  priorityId: text,
  title: text.min(1).max(200),
  ownerId: text.min(1),
  due: text,
  status: z.enum(ACTION_STATUSES as [Action['status'], ...Action['status'][]]),
  createdBy: text,
  createdAt: text,
  updatedAt: text,
  updatedBy: text,
  doneAt: nullableText,
});

const cardRef = z.object({
  conversationId: text,
  activityId: text,
  reference: z.record(z.unknown()),
});

export const storedAssignmentSchema: z.ZodType<StoredAssignment, z.ZodTypeDef, unknown> = z.object({
  assignment: assignmentSchema,
  cards: z.array(cardRef).max(10),
});

export const storedActionSchema: z.ZodType<StoredAction, z.ZodTypeDef, unknown> = z.object({
  action: actionSchema,
  card: cardRef.nullable(),
});
