import { z } from 'zod';
import type { CheckInSettings, StoredRound } from '../app/check-in-stores';
import { ACTION_STATUSES, type ActionStatus, type CheckInRound } from '../domain/ownership';

// Check-in settings and rounds read back from storage, checked field by field.

const text = z.string();
const status = z.enum(ACTION_STATUSES as [ActionStatus, ...ActionStatus[]]);
const cardRef = z.object({ conversationId: text, activityId: text, reference: z.record(z.unknown()) });
const breakSchema = z.object({ from: text, to: text, name: text });

export const checkInSettingsSchema: z.ZodType<CheckInSettings, z.ZodTypeDef, unknown> = z.object({
  schedule: z
    .object({
      weekday: z.number().int().min(0).max(6),
      hour: z.number().int().min(0).max(23),
      minute: z.number().int().min(0).max(59),
      timeZone: text,
      everyWeeks: z.number().int().min(1).max(4),
      startsOn: text,
    })
    .nullable(),
  breaks: z.array(breakSchema).max(100),
  timeZone: text.nullable(),
  nextRoundAt: text.nullable(),
  updatedBy: text,
  updatedAt: text,
});

const answerSchema = z.object({
  memberId: text,
  tried: text,
  happened: text,
  learned: text,
  statusUpdates: z.array(z.object({ actionId: text, status })),
  answeredAt: text,
});

const roundSchema: z.ZodType<CheckInRound> = z.object({
  id: text,
  priorityId: text,
  dueAt: text,
  openedAt: text,
  expectedOwners: z.array(text),
  answers: z.array(answerSchema),
  closedAt: text.nullable(),
  summary: z
    .object({
      roundId: text,
      dueAt: text,
      checkedIn: z.array(text),
      notCheckedIn: z.array(text),
      actionsByStatus: z.object({
        'not-started': z.number(),
        'on-track': z.number(),
        stuck: z.number(),
        done: z.number(),
      }),
      stuck: z.array(z.object({ actionId: text, title: text, ownerId: text })),
      answers: z.array(answerSchema),
    })
    .nullable(),
});

export const storedRoundSchema: z.ZodType<StoredRound, z.ZodTypeDef, unknown> = z.object({
  round: roundSchema,
  priorityTitle: text,
  card: cardRef.nullable(),
});
