// The team's one priority with its watch list, and the decision log.
import type { LoggedDecision, Priority, WatchListEntry } from '../../domain/decisions';
import {
  actionSet,
  adaptiveCard,
  dateOnly,
  fitCard,
  heading,
  limitList,
  moreLine,
  numbered,
  plainAction,
  safe,
  sectionHeading,
  subtle,
  textBlock,
  type AdaptiveCard,
  type CardElement,
  type Detail,
} from './card-parts';
import type { ReleaseItem } from '../../domain/ownership';
import { decisionFacts } from './decision-summary';
import { releaseRows } from './release-card';
import { roleNames, type OwnerSummary } from './ownership-cards';

/**
 * The active priority (or how to get one), its accepted owners, its release list and the things to watch,
 * with `Open in tab` when there is a tab; with `canRepropose`, each thing to watch has `Propose again`
 * (verb `candidate.repropose`).
 */
export function priorityCard(
  state: {
    activePriority: Priority | null;
    watchList: WatchListEntry[];
    owners?: readonly OwnerSummary[];
    /** What the team stops doing to make room for the priority. */
    releases?: readonly ReleaseItem[];
  },
  options: { tabUrl: string | null; canRepropose?: boolean },
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
            ...shown.map((entry, index) => watchRow(entry, index, detail, options.canRepropose === true)),
            ...moreLine(more),
          ]
        : [];
    const owners = active && state.owners && state.owners.length > 0 ? state.owners : [];
    const ownerList = limitList(owners, detail.listMax);
    const ownerRows: CardElement[] =
      owners.length > 0
        ? [
            sectionHeading('Owners'),
            ...ownerList.shown.map((owner) =>
              textBlock(
                `**${safe(owner.name, 80)}** — ${roleNames[owner.role]}${
                  owner.statement ? `: ${safe(owner.statement, Math.min(detail.textMax, 200))}` : ''
                }`,
                { spacing: 'Small' },
              ),
            ),
            ...moreLine(ownerList.more),
          ]
        : [];
    const releases = active ? releaseRows(state.releases ?? [], detail) : [];
    return adaptiveCard([...body, ...ownerRows, ...releases, ...watch], actions);
  });
}

/** A thing to watch, numbered, with `Propose again` on the right when the member may propose it again. */
function watchRow(entry: WatchListEntry, index: number, detail: Detail, canRepropose: boolean): CardElement {
  const line = textBlock(numbered(index + 1, safe(entry.title, detail.titleMax)), { spacing: 'Small' });
  if (!canRepropose) return line;
  return withButton(
    [{ ...line, spacing: 'None' }],
    plainAction('Propose again', 'candidate.repropose', { candidateId: entry.candidateId }),
    'Small',
  );
}

/** Items on the left, one button on the right. */
function withButton(items: CardElement[], button: CardElement, spacing: string): CardElement {
  return {
    type: 'ColumnSet',
    spacing,
    columns: [
      { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items },
      { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [actionSet([button])] },
    ],
  };
}

/** An http(s) address, or null for anything else (no `javascript:` or other schemes on a button). */
function webUrl(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The decision log, newest first: title, date and how each was decided (method and turnout of a vote, a
 * release's consent, a priority completed or retired), and `Open` for a decision with a link in `options.links`.
 */
export function decisionsCard(
  decisions: LoggedDecision[],
  options: { links?: ReadonlyMap<string, string> } = {},
): AdaptiveCard {
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
      ...shown.map((decision) => {
        const items = [
          textBlock(safe(decision.title, detail.titleMax), { weight: 'Bolder' }),
          subtle(
            [
              ...decisionFacts(decision),
              ...(superseded.has(decision.id) ? ['Superseded by a later decision'] : []),
            ].join(' · '),
          ),
        ];
        const url = webUrl(options.links?.get(decision.id));
        return url === null
          ? { type: 'Container', spacing: 'Medium', items }
          : withButton(items, { type: 'Action.OpenUrl', title: 'Open', url }, 'Medium');
      }),
      ...moreLine(more),
    ]);
  });
}
