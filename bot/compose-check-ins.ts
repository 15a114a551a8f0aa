import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { createCheckInService, type CheckInEvents } from './app/check-in-service';
import type { ConversationStore } from './app/installations';
import type { DueJob, JobStore } from './app/job-store';
import type { OwnershipService } from './app/ownership-service';
import type { ActionStore } from './app/ownership-stores';
import type { TeamMembership } from './app/team-membership';
import type { TeamRef } from './app/team-ref';
import { createCheckInRoutes } from './http/check-in-routes';
import type { ResolveTeamAccess } from './http/team-access';
import {
  createTableCheckInRoundStore,
  createTableCheckInSettingsStore,
  createTableReminderLog,
} from './storage/table-check-in-stores';
import type { Clock } from './support/clock';
import type { Logger } from './support/logger';
import { createCheckInHandlers } from './teams/check-ins/check-in-handlers';
import { createCheckInJobs } from './teams/check-ins/check-in-jobs';
import type { CoalescingSender } from './teams/outbound/coalescing-sender';
import type { ProactiveSender } from './teams/outbound/proactive';
import type { OwnershipPublisher } from './teams/ownership/ownership-publisher';
import type { TeamResolver } from './teams/priority/team-of';

/** Check-ins and reminders wired together: stores on one table, due jobs, commands, card actions and tab routes. */
export function createCheckIns(deps: {
  table: TableClient;
  jobs: JobStore;
  ownership: OwnershipService;
  actions: ActionStore;
  conversations: ConversationStore;
  membership: TeamMembership;
  proactive: ProactiveSender;
  sender: CoalescingSender;
  ownershipCards: OwnershipPublisher;
  resolveTeam: TeamResolver;
  teamAccess: ResolveTeamAccess;
  clock: Clock;
  logger: Logger;
  /** The outgoing events of closed rounds and overdue actions. */
  events?: CheckInEvents;
}) {
  // Job ids name the team and the instant: scheduling the same round twice is one job, a new time another.
  const schedule = (kind: 'check-in-round' | 'reminders') => (team: TeamRef, dueAt: string) => {
    const job: DueJob = {
      id: `${kind}|${team.tenantId}|${team.teamId}|${dueAt}`,
      kind,
      tenantId: team.tenantId,
      teamId: team.teamId,
      subjectId: dueAt,
      dueAt,
    };
    return deps.jobs.schedule(job);
  };
  const reminders = createTableReminderLog(deps.table);
  const service = createCheckInService({
    settings: createTableCheckInSettingsStore(deps.table),
    rounds: createTableCheckInRoundStore(deps.table),
    reminders,
    ownership: deps.ownership,
    actions: deps.actions,
    clock: deps.clock,
    scheduleRound: schedule('check-in-round'),
    scheduleReminders: schedule('reminders'),
    ...(deps.events ? { events: deps.events } : {}),
  });
  const jobs = createCheckInJobs({
    checkIns: service,
    reminders,
    conversations: deps.conversations,
    membership: deps.membership,
    proactive: deps.proactive,
    sender: deps.sender,
    clock: deps.clock,
    logger: deps.logger,
    owner: `instance-${randomUUID()}`,
  });
  const handlers = createCheckInHandlers({
    checkIns: service,
    publisher: jobs,
    ownershipCards: deps.ownershipCards,
    resolveTeam: deps.resolveTeam,
  });
  return {
    service,
    commands: handlers.commands,
    actions: handlers.actions,
    routes: createCheckInRoutes({
      teamAccess: deps.teamAccess,
      checkIns: service,
      membership: deps.membership,
    }),
    /** The scheduler's `check-in-round` job. */
    runRound: (job: DueJob) => jobs.runRound(job),
    /** The scheduler's daily `reminders` job. */
    runReminders: (job: DueJob) => jobs.runReminders(job),
    /** A new action may be due soon: make sure the team's daily reminders run (never fails the action). */
    async onActionCreated(team: TeamRef): Promise<void> {
      try {
        await service.armReminders(team);
      } catch (error: unknown) {
        deps.logger.warn('could not plan the reminders; the action itself is stored', { error });
      }
    },
  };
}
