// The team's one priority with its watch list, and the decision log.
import type { Decision, Priority, WatchListEntry } from '../../domain/decisions';
import {
  adaptiveCard,
  dateOnly,
  fitCard,
  heading,
  limitList,
  methodNames,
  moreLine,
  numbered,
  safe,
  sectionHeading,
  subtle,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './card-parts';

/** The active priority (or how to get one) and the things to watch, with `Open in tab` when there is a tab. */
export function priorityCard(
  state: { activePriority: Priority | null; watchList: WatchListEntry[] },
  options: { tabUrl: string | null },
): AdaptiveCard {
  const actions: CardElement[] = options.tabUrl
    ? [{ type: 'Action.OpenUrl', title: 'Open in tab', url: options.tabUrl }]
    : [];
  const active = state.activePriority?.status === 'active' ? state.activePriority : null;
  return fitCard((detail) => {
    const { shown, more } = limitList(state.watchList, detail.listMax);
    const body: CardElement[] = active
      ? [
          subtle('Our priority'),
          heading(safe(active.title, detail.titleMax), 'Large'),
          ...(active.amendment
            ? [textBlock(`As amended: ${safe(active.amendment, detail.textMax)}`, { spacing: 'Small' })]
            : []),
          subtle(`Chosen ${dateOnly(active.chosenAt)}`),
        ]
      : [heading('Our priority'), textBlock('No priority yet. Propose candidates, then open a vote.')];
    const watch: CardElement[] =
      state.watchList.length > 0
        ? [
            sectionHeading('Things to watch'),
            ...shown.map((entry, index) =>
              textBlock(numbered(index + 1, safe(entry.title, detail.titleMax)), { spacing: 'Small' }),
            ),
            ...moreLine(more),
          ]
        : [];
    return adaptiveCard([...body, ...watch], actions);
  });
}

/** The decision log, newest first: title, date, method and turnout of each decision. */
export function decisionsCard(decisions: Decision[]): AdaptiveCard {
  if (decisions.length === 0) {
    return adaptiveCard([
      heading('Decisions'),
      textBlock('No decisions yet. When the team chooses a priority by vote, the decision is logged here.'),
    ]);
  }
  const newestFirst = [...decisions].sort((a, b) => Date.parse(b.decidedAt) - Date.parse(a.decidedAt));
  const superseded = new Set(decisions.map((d) => d.supersedes).filter((id): id is string => id !== null));
  return fitCard((detail) => {
    const { shown, more } = limitList(newestFirst, detail.listMax);
    return adaptiveCard([
      heading('Decisions'),
      ...shown.map((decision) => ({
        type: 'Container',
        spacing: 'Medium',
        items: [
          textBlock(safe(decision.title, detail.titleMax), { weight: 'Bolder' }),
          subtle(
            [
              `Decided ${dateOnly(decision.decidedAt)}`,
              methodNames[decision.method],
              `Turnout: ${decision.turnout.voted} of ${decision.turnout.teamSize} members`,
              ...(superseded.has(decision.id) ? ['Superseded by a later decision'] : []),
            ].join(' · '),
          ),
        ],
      })),
      ...moreLine(more),
    ]);
  });
}
