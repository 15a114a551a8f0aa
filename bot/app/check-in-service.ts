import {
  actingAs,
  answerCheckIn,
  closeCheckInRound,
  createCadence,
  leadOf,
  localDateAt,
  nextCheckInAt,
  nextDailyRunAt,
  openCheckInRound,
  overdueActions,
  remindersDue,
  summarizeRound,
  type Action,
  type CadenceBreak,
  type CheckInAnswerInput,
  type CheckInCadence,
  type Reminder,
  type RoundSummary,
} from '../domain/ownership';
import type { Priority } from '../domain/decisions';
import type { Clock } from '../support/clock';
import { refuse, type BoardOutcome } from './board-outcome';
import type {
  CheckInRoundStore,
  CheckInSettings,
  CheckInSettingsStore,
  ReminderLog,
  StoredRound,
} from './check-in-stores';
import type { OwnershipActor, OwnershipService } from './ownership-service';
import type { ActionStore, StoredAction } from './ownership-stores';
import type { BallotCardRef } from './priority-stores';
import { ConflictError, type TeamRef, type Versioned } from './team-ref';

/** A schedule as a facilitator sets it; minute and everyWeeks default to 0 and weekly. */
export interface ScheduleInput {
  weekday: number;
  hour: number;
  minute?: number;
  everyWeeks?: number;
  timeZone: string;
}

/** What opening a due round did: the rounds it closed, and the one it opened (null when skipped, with why). */
export interface DueRound {
  closed: StoredRound[];
  opened: Versioned<StoredRound> | null;
  skipped: string | null;
}

/** One entry of the priority's timeline: a round, open (its summary so far) or closed (kept at close). */
export interface TimelineRound {
  roundId: string;
  priorityId: string;
  priorityTitle: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  summary: RoundSummary;
}

/** The reminders to send now for a team, with the rows of their actions (where each action's card is). */
export interface DueReminders {
  timeZone: string;
  localDate: string;
  reminders: Array<{ reminder: Reminder; stored: StoredAction }>;
  priorityTitle: string;
  /** True while the team has actions not done, so the daily run should come again. */
  openActions: boolean;
}

/** Where check-ins raise their outgoing events (webhooks); each call may repeat and never throws at the caller. */
export interface CheckInEvents {
  /** A round was closed (by the next round or by `Close check-in`), with its summary. */
  roundClosed(team: TeamRef, stored: StoredRound): Promise<void>;
  /** An action is past its due date and not done; raised on every daily run, published once per action. */
  actionOverdue(team: TeamRef, overdue: { action: Action; priorityTitle: string }): Promise<void>;
}

export interface CheckInService {
  settings(team: TeamRef): Promise<Versioned<CheckInSettings> | null>;
  /** True for a team owner, the facilitator of the vote that chose the priority, or its lead. */
  isFacilitator(team: TeamRef, who: OwnershipActor): Promise<boolean>;
  setSchedule(
    team: TeamRef,
    who: OwnershipActor,
    input: ScheduleInput,
  ): Promise<BoardOutcome<Versioned<CheckInSettings>>>;
  turnOff(team: TeamRef, who: OwnershipActor): Promise<BoardOutcome<Versioned<CheckInSettings>>>;
  addBreak(
    team: TeamRef,
    who: OwnershipActor,
    input: CadenceBreak,
  ): Promise<BoardOutcome<Versioned<CheckInSettings>>>;
  /** The tab's whole-settings write: schedule (or null for off) and breaks, conditional on `etag` when given. */
  replace(
    team: TeamRef,
    who: OwnershipActor,
    input: { schedule: ScheduleInput | null; breaks: CadenceBreak[]; etag?: string },
  ): Promise<BoardOutcome<Versioned<CheckInSettings>>>;
  /** The scheduler's round at `dueAt`: closes earlier open rounds, opens this one, plans the next. Safe to repeat. */
  openDueRound(team: TeamRef, dueAt: string): Promise<DueRound>;
  attachRoundCard(team: TeamRef, roundId: string, card: BallotCardRef): Promise<void>;
  round(team: TeamRef, roundId: string): Promise<Versioned<StoredRound> | null>;
  /** The active priority's actions (for the check-in form's status inputs). */
  actionsOf(team: TeamRef, priorityId: string): Promise<Action[]>;
  answer(
    team: TeamRef,
    roundId: string,
    who: OwnershipActor,
    input: CheckInAnswerInput,
  ): Promise<BoardOutcome<{ stored: StoredRound; changedActions: StoredAction[]; priority: Priority }>>;
  close(team: TeamRef, roundId: string, who: OwnershipActor): Promise<BoardOutcome<StoredRound>>;
  timeline(team: TeamRef): Promise<TimelineRound[]>;
  dueReminders(team: TeamRef): Promise<DueReminders>;
  /** Raises `actionOverdue` for each of the active priority's actions past due and not done (the daily run). */
  raiseOverdue(team: TeamRef): Promise<void>;
  /** Plans the team's next daily reminders run (idempotent: the job id is the team and the instant). */
  armReminders(team: TeamRef): Promise<void>;
}

export interface CheckInServiceDeps {
  settings: CheckInSettingsStore;
  rounds: CheckInRoundStore;
  reminders: ReminderLog;
  ownership: OwnershipService;
  actions: ActionStore;
  clock: Clock;
  scheduleRound: (team: TeamRef, dueAt: string) => Promise<void>;
  scheduleReminders: (team: TeamRef, dueAt: string) => Promise<void>;
  events?: CheckInEvents;
}

/** The local hour the daily reminders go out. */
export const REMINDER_HOUR = 8;
const attempts = 5;

/** Round ids come from their due instant, so a repeated job finds the round it opened. */
export const roundIdFor = (dueAt: string) => `round-${dueAt}`;

/** Check-in settings, rounds and reminders on top of the ownership domain and the stores. */
export function createCheckInService(deps: CheckInServiceDeps): CheckInService {
  const now = () => deps.clock.now().toISOString();

  const isFacilitator = async (team: TeamRef, who: OwnershipActor): Promise<boolean> => {
    if (who.isTeamOwner) return true;
    const current = await deps.ownership.current(team);
    if (!current) return false;
    const lead = leadOf(current.assignments.map((row) => row.value.assignment));
    return current.facilitators.includes(who.memberId) || lead === who.memberId;
  };

  const cadenceOf = (settings: CheckInSettings): CheckInCadence | null =>
    settings.schedule ? { ...settings.schedule, breaks: settings.breaks } : null;

  /** The next round after `after`, or null when check-ins are off. */
  const nextRound = (settings: CheckInSettings, after: string): string | null => {
    const cadence = cadenceOf(settings);
    if (!cadence) return null;
    const next = nextCheckInAt(cadence, after);
    return next.ok ? next.value : null;
  };

  /**
   * Reads the settings, applies a change, plans the next round and writes conditionally. The job is
   * scheduled before the write: a crash between leaves a job the settings do not name, which does nothing.
   */
  const change = async (
    team: TeamRef,
    who: OwnershipActor,
    apply: (current: CheckInSettings) => BoardOutcome<CheckInSettings>,
    etag?: string,
  ): Promise<BoardOutcome<Versioned<CheckInSettings>>> => {
    if (!(await isFacilitator(team, who)))
      return refuse(403, 'actor', 'only a team owner, the facilitator or the lead changes the check-ins');
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const row = await deps.settings.get(team);
      if (etag !== undefined && row?.etag !== etag)
        return refuse(412, 'etag', 'someone else changed the check-ins since you loaded them', row);
      const base: CheckInSettings = row?.value ?? {
        schedule: null,
        breaks: [],
        timeZone: null,
        nextRoundAt: null,
        updatedBy: who.memberId,
        updatedAt: now(),
      };
      const changed = apply(base);
      if (!changed.ok) return changed;
      const next = nextRound(changed.value, now());
      const value: CheckInSettings = {
        ...changed.value,
        nextRoundAt: next,
        updatedBy: who.memberId,
        updatedAt: now(),
      };
      if (next !== null && next !== base.nextRoundAt) await deps.scheduleRound(team, next);
      try {
        const saved = await deps.settings.save(team, value, row?.etag ?? null);
        if (value.timeZone) await armReminders(team, value.timeZone);
        return { ok: true, value: { value, etag: saved } };
      } catch (error: unknown) {
        if (!(error instanceof ConflictError)) throw error;
        if (etag !== undefined) return refuse(412, 'etag', 'someone else changed the check-ins just now');
      }
    }
    return refuse(409, 'settings', 'the check-ins changed at the same moment; look again and retry');
  };

  const withSchedule = (
    base: CheckInSettings,
    input: ScheduleInput,
    breaks: CadenceBreak[],
  ): BoardOutcome<CheckInSettings> => {
    const cadence = createCadence({ ...input, breaks, now: now() });
    if (!cadence.ok) return refuse(400, cadence.field, cadence.message);
    const { breaks: checked, ...schedule } = cadence.value;
    return {
      ok: true,
      value: { ...base, schedule, breaks: [...checked], timeZone: schedule.timeZone },
    };
  };

  const withBreaks = (base: CheckInSettings, breaks: CadenceBreak[]): BoardOutcome<CheckInSettings> => {
    // The domain checks breaks as part of a cadence; any valid one will do when check-ins are off.
    const cadence = createCadence({
      ...(base.schedule ?? { weekday: 1, hour: 9, timeZone: base.timeZone ?? 'UTC' }),
      breaks,
      now: now(),
    });
    if (!cadence.ok) return refuse(400, cadence.field, cadence.message);
    return { ok: true, value: { ...base, breaks: [...cadence.value.breaks] } };
  };

  const armReminders = async (team: TeamRef, timeZone: string) => {
    const at = nextDailyRunAt(now(), timeZone, REMINDER_HOUR);
    if (at.ok) await deps.scheduleReminders(team, at.value);
  };

  /** Replaces a round with a change, reading again on a conflict. */
  const changeRound = async (
    team: TeamRef,
    roundId: string,
    apply: (stored: StoredRound) => Promise<BoardOutcome<StoredRound>> | BoardOutcome<StoredRound>,
  ): Promise<BoardOutcome<StoredRound>> => {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const row = await deps.rounds.get(team, roundId);
      if (!row) return refuse(404, 'roundId', 'no such check-in in this team');
      const changed = await apply(row.value);
      if (!changed.ok) return changed;
      try {
        await deps.rounds.replace(team, changed.value, row.etag);
        return changed;
      } catch (error: unknown) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return refuse(409, 'round', 'the check-in changed at the same moment; try again');
  };

  const actionsOf = async (team: TeamRef, priorityId: string): Promise<Action[]> =>
    (await deps.actions.list(team, priorityId)).map((row) => row.value.action);

  const closeRound = async (team: TeamRef, roundId: string): Promise<BoardOutcome<StoredRound>> => {
    const done = await changeRound(team, roundId, async (stored) => {
      const closed = closeCheckInRound(stored.round, {
        actions: await actionsOf(team, stored.round.priorityId),
        now: now(),
      });
      if (!closed.ok) return refuse(409, closed.field, closed.message);
      return { ok: true, value: { ...stored, round: closed.value } };
    });
    // Only the close that wrote `closedAt` raises the event (a round already closed is a 409 above).
    if (done.ok) await deps.events?.roundClosed(team, done.value);
    return done;
  };

  const service: CheckInService = {
    settings: (team) => deps.settings.get(team),
    isFacilitator,

    setSchedule: (team, who, input) =>
      change(team, who, (base) => withSchedule(base, input, [...base.breaks])),

    turnOff: (team, who) =>
      change(team, who, (base) => ({ ok: true, value: { ...base, schedule: null, nextRoundAt: null } })),

    addBreak: (team, who, input) => change(team, who, (base) => withBreaks(base, [...base.breaks, input])),

    replace: (team, who, input) =>
      change(
        team,
        who,
        (base) =>
          input.schedule
            ? withSchedule(base, input.schedule, input.breaks)
            : withBreaks({ ...base, schedule: null }, input.breaks),
        input.etag,
      ),

    async openDueRound(team, dueAt) {
      const roundId = roundIdFor(dueAt);
      const settings = await deps.settings.get(team);
      const existing = await deps.rounds.get(team, roundId);
      if (!existing && settings?.value.nextRoundAt !== dueAt)
        return {
          closed: [],
          opened: null,
          skipped: 'the check-ins were changed since this round was planned',
        };

      // The round closes at the next round's start.
      const closed: StoredRound[] = [];
      for (const row of await deps.rounds.list(team)) {
        if (row.value.round.closedAt !== null || row.value.round.dueAt >= dueAt) continue;
        const done = await closeRound(team, row.value.round.id);
        if (done.ok) closed.push(done.value);
      }

      let opened = existing;
      let skipped: string | null = null;
      if (!opened) {
        const current = await deps.ownership.current(team);
        if (!current) skipped = 'the team has no active priority';
        else {
          const round = openCheckInRound({
            id: roundId,
            priority: current.priority,
            assignments: current.assignments.map((row) => row.value.assignment),
            dueAt,
            now: now(),
          });
          if (!round.ok) skipped = round.message;
          else {
            const stored: StoredRound = {
              round: round.value,
              priorityTitle: current.priority.title,
              card: null,
            };
            try {
              opened = { value: stored, etag: await deps.rounds.insert(team, stored) };
            } catch (error: unknown) {
              if (!(error instanceof ConflictError)) throw error;
              opened = await deps.rounds.get(team, roundId);
            }
          }
        }
      }

      // Plan the next round (the job first, so a crash leaves at worst a job that does nothing).
      for (let attempt = 0; attempt < attempts && settings; attempt += 1) {
        const row = await deps.settings.get(team);
        if (!row || row.value.nextRoundAt !== dueAt) break;
        const next = nextRound(row.value, dueAt);
        if (next !== null) await deps.scheduleRound(team, next);
        try {
          await deps.settings.save(team, { ...row.value, nextRoundAt: next }, row.etag);
          break;
        } catch (error: unknown) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      const zone = settings?.value.timeZone;
      if (zone) await armReminders(team, zone);
      return { closed, opened, skipped };
    },

    async attachRoundCard(team, roundId, card) {
      const done = await changeRound(team, roundId, (stored) => ({ ok: true, value: { ...stored, card } }));
      if (!done.ok) throw new Error(`could not record the card of check-in ${roundId}: ${done.message}`);
    },

    round: (team, roundId) => deps.rounds.get(team, roundId),
    actionsOf,

    async answer(team, roundId, who, input) {
      for (let attempt = 0; attempt < attempts; attempt += 1) {
        const row = await deps.rounds.get(team, roundId);
        if (!row) return refuse(404, 'roundId', 'no such check-in in this team');
        const current = await deps.ownership.current(team);
        if (!current || current.priority.id !== row.value.round.priorityId)
          return refuse(409, 'priority', 'this check-in belongs to a priority that has ended');
        const assignments = current.assignments.map((each) => each.value.assignment);
        const facilitator = who.isTeamOwner || current.facilitators.includes(who.memberId);
        const before = current.actions.map((each) => each.value.action);
        const answered = answerCheckIn(row.value.round, input, {
          priority: current.priority,
          actions: before,
          actor: actingAs(who.memberId, assignments, { facilitator }),
          now: now(),
        });
        if (!answered.ok) {
          const status = answered.field === 'actor' ? 403 : answered.field === 'round' ? 409 : 400;
          return refuse(status, answered.field, answered.message);
        }
        const stored: StoredRound = { ...row.value, round: answered.value.round };
        try {
          await deps.rounds.replace(team, stored, row.etag);
        } catch (error: unknown) {
          if (error instanceof ConflictError) continue;
          throw error;
        }
        // Status updates go to the actions after the answer is kept; a lost race there is retried by the owner.
        const changedActions: StoredAction[] = [];
        for (const next of answered.value.actions) {
          const index = before.indexOf(next);
          if (index !== -1) continue;
          const actionRow = current.actions.find((each) => each.value.action.id === next.id);
          if (!actionRow) continue;
          const value = { ...actionRow.value, action: next };
          try {
            await deps.actions.replace(team, value, actionRow.etag);
            changedActions.push(value);
          } catch (error: unknown) {
            if (!(error instanceof ConflictError)) throw error;
          }
        }
        return { ok: true, value: { stored, changedActions, priority: current.priority } };
      }
      return refuse(409, 'round', 'the check-in changed at the same moment; try again');
    },

    async close(team, roundId, who) {
      if (!(await isFacilitator(team, who)))
        return refuse(403, 'actor', 'only a team owner, the facilitator or the lead closes a check-in');
      return closeRound(team, roundId);
    },

    async timeline(team) {
      const rounds = await deps.rounds.list(team);
      const entries: TimelineRound[] = [];
      for (const { value } of rounds) {
        const summary =
          value.round.summary ?? summarizeRound(value.round, await actionsOf(team, value.round.priorityId));
        entries.push({
          roundId: value.round.id,
          priorityId: value.round.priorityId,
          priorityTitle: value.priorityTitle,
          status: value.round.closedAt === null ? 'open' : 'closed',
          closedAt: value.round.closedAt,
          summary,
        });
      }
      return entries.reverse();
    },

    async dueReminders(team) {
      const timeZone = (await deps.settings.get(team))?.value.timeZone ?? 'UTC';
      const at = now();
      const localDate = localDateAt(at, timeZone);
      if (!localDate.ok) throw new Error(localDate.message);
      const current = await deps.ownership.current(team);
      if (!current)
        return {
          timeZone,
          localDate: localDate.value,
          reminders: [],
          priorityTitle: '',
          openActions: false,
        };
      const sent = await deps.reminders.sentSince(team, localDate.value);
      const actions = current.actions.map((row) => row.value.action);
      const due = remindersDue(actions, sent, at, timeZone);
      if (!due.ok) throw new Error(due.message);
      const reminders = due.value.flatMap((reminder) => {
        const stored = current.actions.find((row) => row.value.action.id === reminder.actionId)?.value;
        return stored ? [{ reminder, stored }] : [];
      });
      return {
        timeZone,
        localDate: localDate.value,
        reminders,
        priorityTitle: current.priority.title,
        openActions: actions.some((action) => action.status !== 'done'),
      };
    },

    async raiseOverdue(team) {
      const events = deps.events;
      if (!events) return;
      const current = await deps.ownership.current(team);
      if (!current) return;
      const overdue = overdueActions(
        current.actions.map((row) => row.value.action),
        now(),
      );
      if (!overdue.ok) throw new Error(overdue.message);
      for (const action of overdue.value)
        await events.actionOverdue(team, { action, priorityTitle: current.priority.title });
    },

    async armReminders(team) {
      await armReminders(team, (await deps.settings.get(team))?.value.timeZone ?? 'UTC');
    },
  };
  return service;
}
