// The ownership domain: owners and roles on the active priority, actions, check-ins, reminders, the release list and ending a priority.
export { hasAnyRole } from './actor';
export type { Actor, ActorRole } from './actor';
export {
  OWNER_ROLES,
  MAX_DECLINE_REASON_LENGTH,
  MAX_STATEMENT_LENGTH,
  actingAs,
  assignRole,
  acceptAssignment,
  declineAssignment,
  setOwnStatement,
  leadOf,
  ownersOf,
} from './assignments';
export type {
  OwnerRole,
  AssignmentStatus,
  RoleChange,
  Assignment,
  AssignRoleInput,
  AssignmentAnswerInput,
  DeclineAssignmentInput,
  OwnStatementInput,
} from './assignments';
export { requireActivePriority } from './priority-guard';
export {
  ACTION_STATUSES,
  DEFAULT_DUE_DAYS,
  MAX_ACTION_TITLE_LENGTH,
  createAction,
  changeActionStatus,
} from './actions';
export type { ActionStatus, Action, CreateActionInput, ActionStatusChange } from './actions';
export { MAX_EVERY_WEEKS, MAX_BREAK_NAME_LENGTH, createCadence, nextCheckInAt, isInBreak } from './cadence';
export type { CadenceBreak, CheckInCadence, CadenceInput } from './cadence';
export { isTimeZone } from './zoned-time';
export {
  MAX_ANSWER_LENGTH,
  openCheckInRound,
  answerCheckIn,
  checkedIn,
  summarizeRound,
  closeCheckInRound,
} from './check-in-round';
export type {
  StatusUpdate,
  CheckInAnswer,
  CheckInAnswerInput,
  RoundSummary,
  CheckInRound,
  OpenCheckInRoundInput,
  CheckInContext,
} from './check-in-round';
export {
  REMINDER_WINDOW_HOURS,
  remindersDue,
  overdueActions,
  localDateAt,
  nextDailyRunAt,
} from './reminders';
export type { ReminderSent, Reminder } from './reminders';
export {
  MAX_RELEASE_TEXT_LENGTH,
  proposeReleaseItem,
  withdrawReleaseItem,
  decideReleaseItem,
  releaseDecision,
} from './release-list';
export type {
  ReleaseStatus,
  ReleaseItem,
  ReleaseOutcome,
  ProposeReleaseItemInput,
  ReleaseDecision,
} from './release-list';
export { MAX_CLOSING_TEXT_LENGTH, completePriority } from './complete-priority';
export type {
  PriorityOutcome,
  PriorityClosedDecision,
  CompletePriorityInput,
  PriorityClosed,
} from './complete-priority';
