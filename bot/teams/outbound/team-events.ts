import type { StoredRound } from '../../app/check-in-stores';
import type { OutgoingEvent } from '../../app/webhook-events';
import { portableCard } from '../../app/webhook-events';
import type { AdoptedVision } from '../../domain/boards';
import type { Decision } from '../../domain/decisions';
import type { Action } from '../../domain/ownership';
import { announcementCard } from '../cards/announcement-card';
import { adaptiveCard, dateOnly, heading, safe, subtle, textBlock } from '../cards/card-parts';
import { checkInClosedCard } from '../cards/check-in-cards';
import { statusNames, type NameOf } from '../cards/ownership-cards';
import { visionCard } from '../cards/vision-card';

/** The events of an announced decision: `decision.announced`, and `priority.changed` for a chosen priority. */
export function decisionEvents(decision: Decision, options: { tabUrl: string | null }): OutgoingEvent[] {
  const fallback = { title: `Decision: ${decision.title}`, url: options.tabUrl };
  const announced: OutgoingEvent = {
    type: 'decision.announced',
    subject: decision.id,
    time: decision.decidedAt,
    data: {
      decision: {
        id: decision.id,
        kind: decision.kind,
        title: decision.title,
        rationale: decision.rationale,
        method: decision.method,
        turnout: { voted: decision.turnout.voted, teamSize: decision.turnout.teamSize },
        decidedAt: decision.decidedAt,
        supersedes: decision.supersedes,
        watchList: decision.watchList.map((entry) => ({ title: entry.title, place: entry.place })),
        concerns: decision.concerns.map((concern) => ({ text: concern.text, response: concern.response })),
      },
      url: options.tabUrl,
    },
    card: portableCard(
      {
        ...announcementCard(decision, {
          acknowledgedBy: 0,
          teamSize: decision.turnout.teamSize,
          tabUrl: options.tabUrl,
        }),
      },
      fallback,
    ),
  };
  if (decision.kind !== 'priority-chosen') return [announced];
  const changed: OutgoingEvent = {
    type: 'priority.changed',
    subject: decision.id,
    time: decision.decidedAt,
    data: {
      priority: { title: decision.title, decisionId: decision.id, chosenAt: decision.decidedAt },
      previous: decision.previousPriority,
      url: options.tabUrl,
    },
    card: portableCard(
      {
        ...adaptiveCard(
          [
            heading('Our new priority', 'Large'),
            subtle(`Chosen ${dateOnly(decision.decidedAt)}`),
            heading(safe(decision.title, 300)),
          ],
          options.tabUrl ? [{ type: 'Action.OpenUrl', title: 'Open in tab', url: options.tabUrl }] : [],
        ),
      },
      fallback,
    ),
  };
  return [announced, changed];
}

/** The `vision.adopted` event of an adopted vision. */
export function visionAdoptedEvent(
  vision: AdoptedVision,
  options: { closedBy: string; tabUrl: string | null },
): OutgoingEvent {
  return {
    type: 'vision.adopted',
    subject: vision.id,
    time: vision.adoptedAt,
    data: {
      vision: {
        id: vision.id,
        text: vision.text,
        adoptedAt: vision.adoptedAt,
        consents: vision.consents,
        standAsides: vision.standAsides,
        supersedes: vision.supersedes,
      },
      url: options.tabUrl,
    },
    card: portableCard(
      { ...visionCard(vision, options) },
      { title: 'Decision: our vision', url: options.tabUrl },
    ),
  };
}

/** The `checkin.closed` event of a closed round: its summary with names, as the channel's closed card shows it. */
export function checkInClosedEvent(
  stored: StoredRound,
  options: { teamId: string; nameOf: NameOf; tabUrl: string | null },
): OutgoingEvent {
  const { round } = stored;
  const { nameOf } = options;
  const summary = round.summary;
  const member = (memberId: string) => ({ memberId, name: nameOf(memberId) });
  const card = checkInClosedCard({
    teamId: options.teamId,
    round,
    priorityTitle: stored.priorityTitle,
    nameOf,
  });
  return {
    type: 'checkin.closed',
    subject: round.id,
    time: round.closedAt ?? round.dueAt,
    data: {
      checkIn: {
        id: round.id,
        priority: { id: round.priorityId, title: stored.priorityTitle },
        dueAt: round.dueAt,
        closedAt: round.closedAt,
        expectedOwners: round.expectedOwners.length,
        checkedIn: (summary?.checkedIn ?? []).map(member),
        notCheckedIn: (summary?.notCheckedIn ?? []).map(member),
        actionsByStatus: summary?.actionsByStatus ?? null,
        stuck: (summary?.stuck ?? []).map((each) => ({
          actionId: each.actionId,
          title: each.title,
          owner: member(each.ownerId),
        })),
        // What was learned, as the channel card shows it; what was tried and what happened stay in the tab.
        learned: (summary?.answers ?? [])
          .filter((answer) => answer.learned !== '')
          .map((answer) => ({ ...member(answer.memberId), learned: answer.learned })),
      },
      url: options.tabUrl,
    },
    card: portableCard(
      {
        ...card,
        ...(options.tabUrl
          ? { actions: [{ type: 'Action.OpenUrl', title: 'Open in tab', url: options.tabUrl }] }
          : {}),
      },
      { title: `Check-in closed: ${stored.priorityTitle}`, url: options.tabUrl },
    ),
  };
}

/** The `action.overdue` event: an action of the priority past its due date and not done. */
export function actionOverdueEvent(
  overdue: { action: Action; priorityTitle: string },
  options: { nameOf: NameOf; tabUrl: string | null },
): OutgoingEvent {
  const { action, priorityTitle } = overdue;
  const owner = options.nameOf(action.ownerId);
  return {
    type: 'action.overdue',
    // A new due date makes a new event: the action can be overdue again after it was moved.
    subject: `${action.id}|${action.due}`,
    time: action.due,
    once: true,
    data: {
      action: {
        id: action.id,
        title: action.title,
        status: action.status,
        due: action.due,
        owner: { memberId: action.ownerId, name: owner },
      },
      priority: { id: action.priorityId, title: priorityTitle },
      url: options.tabUrl,
    },
    card: portableCard(
      {
        ...adaptiveCard(
          [
            subtle(`Overdue · ${safe(priorityTitle, 80)}`, { spacing: 'None' }),
            heading(safe(action.title, 200)),
            textBlock(
              `${safe(owner, 60)}'s small step was due ${dateOnly(action.due)} and is not done yet. Status: **${statusNames[action.status]}**.`,
            ),
          ],
          options.tabUrl ? [{ type: 'Action.OpenUrl', title: 'Open in tab', url: options.tabUrl }] : [],
        ),
      },
      { title: `Overdue: ${action.title}`, url: options.tabUrl },
    ),
  };
}
