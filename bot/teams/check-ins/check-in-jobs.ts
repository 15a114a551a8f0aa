import type { CheckInService } from '../../app/check-in-service';
import type { ReminderLog, StoredRound } from '../../app/check-in-stores';
import type { ConversationStore } from '../../app/installations';
import type { DueJob } from '../../app/job-store';
import type { StoredAction } from '../../app/ownership-stores';
import type { TeamMembership } from '../../app/team-membership';
import type { TeamRef } from '../../app/team-ref';
import type { Reminder } from '../../domain/ownership';
import type { Clock } from '../../support/clock';
import type { Logger } from '../../support/logger';
import { checkInSharedCard, reminderCard } from '../cards/check-in-cards';
import type { NameOf } from '../cards/ownership-cards';
import type { CoalescingSender } from '../outbound/coalescing-sender';
import type { ProactiveSender } from '../outbound/proactive';

/** How long a claimed reminder is held before another run may take it over (shorter than a job's lease). */
export const REMINDER_LEASE_MS = 30_000;

/** Posting and updating check-in cards outside a member's turn. */
export interface CheckInPublisher {
  /** Updates the round's posted card for everyone, coalesced with other updates of the same card. */
  refreshRound(team: TeamRef, stored: StoredRound, nameOf: NameOf): void;
  /** Member names for a team, from Teams' roster ("A member" when Teams cannot say). */
  namesOf(team: TeamRef): Promise<NameOf>;
}

export interface CheckInJobs extends CheckInPublisher {
  /** The scheduler's `check-in-round` job: closes the last round, opens and posts this one. */
  runRound(job: DueJob): Promise<void>;
  /** The scheduler's daily `reminders` job: one reminder per due action per local day, then the next run. */
  runReminders(job: DueJob): Promise<void>;
}

export function createCheckInJobs(deps: {
  checkIns: CheckInService;
  reminders: ReminderLog;
  conversations: ConversationStore;
  membership: TeamMembership;
  proactive: ProactiveSender;
  sender: CoalescingSender;
  clock: Clock;
  logger: Logger;
  /** This instance, as reminder claims name it. */
  owner: string;
}): CheckInJobs {
  const { checkIns, proactive, logger } = deps;

  const channelOf = async (team: TeamRef) => {
    const installations = await deps.conversations.listForTeam(team.tenantId, team.teamId);
    return (
      installations.find((each) => each.conversationId === team.teamId) ??
      installations.find((each) => each.scope === 'team') ??
      null
    );
  };

  const namesOf = async (team: TeamRef): Promise<NameOf> => {
    try {
      const names = new Map((await deps.membership.list(team)).map((m) => [m.memberId, m.name]));
      return (memberId) => names.get(memberId) ?? 'A former member';
    } catch (error: unknown) {
      logger.warn('roster unavailable; the card names nobody', { error, teamId: team.teamId });
      return () => 'A member';
    }
  };

  const refreshRound = (team: TeamRef, stored: StoredRound, nameOf: NameOf) => {
    const card = stored.card;
    if (!card) return;
    deps.sender.request(card.conversationId, `checkin|${stored.round.id}`, async () => {
      // The latest state when the update runs, so a burst of answers sends one current card.
      const latest = (await checkIns.round(team, stored.round.id))?.value ?? stored;
      await proactive.updateCard(
        card.reference,
        card.activityId,
        checkInSharedCard({
          teamId: team.teamId,
          round: latest.round,
          priorityTitle: latest.priorityTitle,
          nameOf,
        }),
      );
    });
  };

  /** Personal chat when the bot has one with the owner; else an @mention in the thread of the action's card. */
  const sendReminder = async (
    team: TeamRef,
    reminder: Reminder,
    stored: StoredAction,
    priority: { id: string; title: string },
    nameOf: NameOf,
  ): Promise<'personal' | 'channel' | null> => {
    const view = { teamId: team.teamId, priority, action: stored.action, kind: reminder.kind, nameOf };
    const chat = await deps.conversations.personalWith(team.tenantId, reminder.ownerId);
    if (chat) {
      await proactive.postCard(chat.reference, reminderCard(view, { mention: false }));
      return 'personal';
    }
    const reference = stored.card ? threadOf(stored.card) : (await channelOf(team))?.reference;
    if (!reference) {
      logger.warn('no conversation to remind the owner in', {
        teamId: team.teamId,
        actionId: reminder.actionId,
      });
      return null;
    }
    await proactive.postCard(reference, reminderCard(view, { mention: true }));
    return 'channel';
  };

  return {
    refreshRound,
    namesOf,

    async runRound(job) {
      const team = { tenantId: job.tenantId, teamId: job.teamId };
      const due = await checkIns.openDueRound(team, job.dueAt);
      if (due.skipped) logger.info('no check-in round opened', { teamId: team.teamId, reason: due.skipped });
      const nameOf = await namesOf(team);
      for (const closed of due.closed) refreshRound(team, closed, nameOf);
      const opened = due.opened?.value;
      if (!opened || opened.card) return;
      const channel = await channelOf(team);
      if (!channel) {
        logger.warn('no channel to post the check-in to', { teamId: team.teamId });
        return;
      }
      const card = checkInSharedCard({
        teamId: team.teamId,
        round: opened.round,
        priorityTitle: opened.priorityTitle,
        nameOf,
      });
      const activityId = await proactive.postCard(channel.reference, card);
      if (activityId)
        await checkIns.attachRoundCard(team, opened.round.id, {
          conversationId: channel.conversationId,
          activityId,
          reference: channel.reference,
        });
    },

    async runReminders(job) {
      const team = { tenantId: job.tenantId, teamId: job.teamId };
      const due = await checkIns.dueReminders(team);
      let busy = 0;
      if (due.reminders.length > 0) {
        const nameOf = await namesOf(team);
        for (const { reminder, stored } of due.reminders) {
          const now = deps.clock.now().toISOString();
          const claim = await deps.reminders.claim(
            team,
            { actionId: reminder.actionId, localDate: reminder.localDate },
            deps.owner,
            now,
            REMINDER_LEASE_MS,
          );
          if (claim === 'sent') continue;
          if (claim === 'busy') {
            busy += 1;
            continue;
          }
          const priority = { id: stored.action.priorityId, title: due.priorityTitle };
          const via = await sendReminder(team, reminder, stored, priority, nameOf);
          if (via) await deps.reminders.markSent(claim, deps.clock.now().toISOString(), via);
        }
      }
      // After the reminders, so a webhook failure never holds up a reminder (raiseOverdue only logs its own).
      await checkIns.raiseOverdue(team);
      if (due.openActions) await checkIns.armReminders(team);
      // Another instance holds some of today's reminders: run again after this job's lease to finish them.
      if (busy > 0) throw new Error(`${busy} reminders are being sent elsewhere; this run is retried`);
    },
  };
}

/** The reference of the thread a posted card is in (a card at the top of the channel starts its own thread). */
function threadOf(card: { activityId: string; reference: Record<string, unknown> }): Record<string, unknown> {
  const conversation = card.reference.conversation;
  if (!conversation || typeof conversation !== 'object') return card.reference;
  const id = (conversation as { id?: unknown }).id;
  if (typeof id !== 'string' || id.includes(';messageid=')) return card.reference;
  return { ...card.reference, conversation: { ...conversation, id: `${id};messageid=${card.activityId}` } };
}
