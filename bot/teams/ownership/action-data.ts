import { z } from 'zod';
import {
  ACTION_STATUSES,
  MAX_DECLINE_REASON_LENGTH,
  MAX_STATEMENT_LENGTH,
  type ActionStatus,
} from '../../domain/ownership';

// Card action data of the ownership cards: every field checked here, once, before a handler sees it.

const id = z.string().min(1).max(1024);

/** Which assignment a button is about; `teamId` lets the card be answered in personal chat. */
export const assignmentKeyData = z.object({ teamId: id.optional(), priorityId: id, memberId: id });

export const declineData = assignmentKeyData.extend({
  reason: z
    .string({ required_error: 'say why you are declining', invalid_type_error: 'expected text' })
    .max(MAX_DECLINE_REASON_LENGTH, `expected at most ${MAX_DECLINE_REASON_LENGTH} characters`),
});

export const statementData = assignmentKeyData.extend({
  statement: z
    .string({ required_error: 'write one line on your part', invalid_type_error: 'expected text' })
    .max(MAX_STATEMENT_LENGTH, `expected at most ${MAX_STATEMENT_LENGTH} characters`),
});

export const actionStatusData = z.object({
  teamId: id.optional(),
  priorityId: id,
  actionId: id,
  status: z.enum(ACTION_STATUSES as [ActionStatus, ...ActionStatus[]], {
    errorMap: () => ({ message: 'choose Not started, On track, Stuck or Done' }),
  }),
});
