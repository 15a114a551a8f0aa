import { z } from '../zod';

/** The ownership, check-in and roster API's answers, validated where they enter the tab. */

export const ACTION_STATUS_OPTIONS = [
  { status: 'not-started', label: 'Not started' },
  { status: 'on-track', label: 'On track' },
  { status: 'stuck', label: 'Stuck' },
  { status: 'done', label: 'Done' },
] as const;
export type ActionStatus = (typeof ACTION_STATUS_OPTIONS)[number]['status'];
const statusSchema = z.enum(
  ACTION_STATUS_OPTIONS.map((option) => option.status) as [ActionStatus, ...ActionStatus[]],
);

export const ROLE_OPTIONS = [
  { role: 'lead', label: 'Lead' },
  { role: 'co-owner', label: 'Co-owner' },
  { role: 'contributor', label: 'Contributor' },
  { role: 'consulted', label: 'Consulted' },
] as const;
export type OwnerRole = (typeof ROLE_OPTIONS)[number]['role'];
const roleSchema = z.enum(ROLE_OPTIONS.map((option) => option.role) as [OwnerRole, ...OwnerRole[]]);

// The server's limits (bot/domain/ownership), so the forms can name a mistake before sending.
export const MAX_ACTION_TITLE = 200;
export const MAX_RELEASE_TEXT = 300;

export const ownerSchema = z.object({
  memberId: z.string().min(1),
  name: z.string(),
  role: roleSchema,
  status: z.enum(['proposed', 'accepted', 'declined']),
  pendingRole: roleSchema.nullable(),
  statement: z.string().nullable(),
  declineReason: z.string().nullable(),
});
export type Owner = z.infer<typeof ownerSchema>;

export const actionSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  due: z.string(),
  status: statusSchema,
  etag: z.string().min(1),
});
export type Action = z.infer<typeof actionSchema>;

export const releaseSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  status: z.enum(['proposed', 'decided', 'withdrawn']),
  proposedByName: z.string(),
  proposedAt: z.string(),
  decidedAt: z.string().nullable(),
  consent: z.object({ consents: z.number(), standAsides: z.number() }).nullable(),
  objections: z.array(z.object({ name: z.string(), reason: z.string() })),
});
export type Release = z.infer<typeof releaseSchema>;

export const ownershipSchema = z.object({
  priority: z
    .object({
      id: z.string().min(1),
      title: z.string(),
      amendment: z.string().nullable(),
      chosenAt: z.string(),
      status: z.string(),
    })
    .nullable(),
  owners: z.array(ownerSchema),
  actions: z.record(statusSchema, z.array(actionSchema)),
  releases: z.array(releaseSchema),
  facilitator: z.boolean(),
});
export type Ownership = z.infer<typeof ownershipSchema>;

/** Index 0 is Sunday, as the server counts weekdays. */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const breakSchema = z.object({ from: z.string(), to: z.string(), name: z.string() });
export type SchoolBreak = z.infer<typeof breakSchema>;

export const checkInSettingsSchema = z.object({
  schedule: z
    .object({
      weekday: z.number().int().min(0).max(6),
      hour: z.number().int().min(0).max(23),
      minute: z.number().int().min(0).max(59),
      everyWeeks: z.number().int().min(1),
      timeZone: z.string(),
    })
    .nullable(),
  breaks: z.array(breakSchema),
  nextRoundAt: z.string().nullable(),
  facilitator: z.boolean(),
});
export type CheckInSettings = z.infer<typeof checkInSettingsSchema>;
export type CheckInSchedule = NonNullable<CheckInSettings['schedule']>;

const personSchema = z.object({ memberId: z.string(), name: z.string() });

export const roundSchema = z.object({
  roundId: z.string().min(1),
  priorityId: z.string(),
  priorityTitle: z.string(),
  status: z.enum(['open', 'closed']),
  dueAt: z.string(),
  closedAt: z.string().nullable(),
  actionsByStatus: z.record(statusSchema, z.number()),
  checkedIn: z.array(personSchema),
  notCheckedIn: z.array(personSchema),
  stuck: z.array(z.object({ actionId: z.string(), title: z.string(), ownerName: z.string() })),
  answers: z.array(personSchema.extend({ tried: z.string(), happened: z.string(), learned: z.string() })),
});
export type Round = z.infer<typeof roundSchema>;

export const memberSchema = z.object({ id: z.string().min(1), name: z.string() });
export type TeamMember = z.infer<typeof memberSchema>;
