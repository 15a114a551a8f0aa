import type { OutgoingEvent } from '../../app/webhook-events';
import { portableCard } from '../../app/webhook-events';
import type { AdoptedVision } from '../../domain/boards';
import type { Decision } from '../../domain/decisions';
import { announcementCard } from '../cards/announcement-card';
import { adaptiveCard, dateOnly, heading, safe, subtle } from '../cards/card-parts';
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
