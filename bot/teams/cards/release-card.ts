// The release list in the channel: the consent card on one item, the decision announcing it, and the list.
import type { ReleaseDecision, ReleaseItem } from '../../domain/ownership';
import type { ConsentAnswer, ConsentResponses } from '../../domain/voting';
import {
  adaptiveCard,
  dateOnly,
  errorBlocks,
  fitCard,
  heading,
  limitList,
  maxInputText,
  moreLine,
  plainAction,
  safe,
  sectionHeading,
  submitAction,
  subtle,
  textBlock,
  textInput,
  type AdaptiveCard,
  type CardElement,
  type Detail,
} from './card-parts';
import { answerNames } from './consent-card';

/** Display names by member id; someone no longer on the roster reads as "a former member". */
export type NameOf = (memberId: string) => string;

/** Everything the release consent card shows. */
export type ReleaseCardView = {
  item: ReleaseItem;
  /** The priority the release makes room for. */
  priority: { id: string; title: string };
  responses: ConsentResponses;
  /** Objections found by the last close, while the item stays proposed. */
  objections: ReadonlyArray<{ memberId: string; reason: string }>;
  teamSize: number;
  nameOf: NameOf;
};

/** Who looks at the card after pressing a button on it: their answer, or an error to fix. */
export type ReleaseViewer = { memberId: string; error?: string; notice?: string };

/**
 * The consent card on a proposed release: what the team would stop, the answers so far and every objection
 * with its reason, a reason box, and `Consent`, `Stand aside`, `Object`, `Close` (facilitator) and
 * `Withdraw` (proposer). A decided or withdrawn item shows how it ended, without buttons.
 */
export function releaseConsentCard(view: ReleaseCardView, viewer?: ReleaseViewer): AdaptiveCard {
  if (view.item.status !== 'proposed') return releaseClosedCard(view);
  const releaseId = view.item.id;
  const mine = viewer ? (view.responses.get(viewer.memberId) ?? null) : null;
  return fitCard((detail) =>
    adaptiveCard(
      [
        ...errorBlocks(viewer?.error),
        ...(viewer?.notice ? [textBlock(safe(viewer.notice, 200), { weight: 'Bolder', color: 'Good' })] : []),
        ...releaseHeader(view, detail),
        ...(mine
          ? [
              textBlock(
                `Your answer: ${answerNames[mine.answer]}${mine.reason ? ` — ${safe(mine.reason, detail.textMax)}` : ''}`,
                {
                  weight: 'Bolder',
                  spacing: 'Medium',
                  color: mine.answer === 'object' ? 'Attention' : 'Good',
                },
              ),
              subtle(
                'You can change your answer until the facilitator closes the round; your latest counts.',
              ),
            ]
          : []),
        textInput('reason', 'Reason (needed to object)', {
          maxLength: maxInputText,
          multiline: true,
          placeholder: 'What would you need changed to live with it?',
        }),
      ],
      [
        submitAction('Consent', 'release.respond', { releaseId, answer: 'consent' satisfies ConsentAnswer }),
        submitAction('Stand aside', 'release.respond', {
          releaseId,
          answer: 'stand-aside' satisfies ConsentAnswer,
        }),
        submitAction('Object', 'release.respond', { releaseId, answer: 'object' satisfies ConsentAnswer }),
        plainAction('Close', 'release.close', { releaseId }),
        plainAction('Withdraw', 'release.withdraw', { releaseId }),
      ],
    ),
  );
}

// A decided or withdrawn item: the same header and how it ended.
function releaseClosedCard(view: ReleaseCardView): AdaptiveCard {
  const { item } = view;
  const ending =
    item.status === 'decided'
      ? textBlock('Decided by consent: the team stops doing this.', {
          weight: 'Bolder',
          spacing: 'Medium',
          color: 'Good',
        })
      : textBlock(`Withdrawn by ${safe(view.nameOf(item.closedBy ?? item.proposedBy), 80)}.`, {
          weight: 'Bolder',
          spacing: 'Medium',
        });
  return fitCard((detail) => adaptiveCard([...releaseHeader(view, detail), ending]));
}

function releaseHeader(view: ReleaseCardView, detail: Detail): CardElement[] {
  const answers = [...view.responses.values()];
  const count = (answer: ConsentAnswer) => answers.filter((r) => r.answer === answer).length;
  return [
    heading('Release: can everyone live with us stopping this?'),
    textBlock(safe(view.item.text, detail.textMax), { weight: 'Bolder', size: 'Medium', spacing: 'Medium' }),
    subtle(
      `Proposed by ${safe(view.nameOf(view.item.proposedBy), 80)} to make room for our priority: ${safe(
        view.priority.title,
        detail.titleMax,
      )}`,
    ),
    subtle('Decided only if nobody objects; standing aside does not block it. Answers are not anonymous.'),
    textBlock(
      `${count('consent')} consent · ${count('stand-aside')} stand aside · ${count('object')} object`,
      {
        weight: 'Bolder',
        spacing: 'Medium',
      },
    ),
    subtle(`${answers.length} of ${view.teamSize} ${answers.length === 1 ? 'has' : 'have'} answered`),
    ...objectionBlocks(view, detail),
  ];
}

// RL-5: every objection with its reason and who raised it; after a close that found them, they stay listed.
function objectionBlocks(view: ReleaseCardView, detail: Detail): CardElement[] {
  const live = [...view.responses.values()]
    .filter((r) => r.answer === 'object')
    .map((r) => ({ memberId: r.memberId, reason: r.reason ?? '' }));
  const objections = live.length > 0 ? live : view.objections;
  if (objections.length === 0) return [];
  const { shown, more } = limitList(objections, detail.listMax);
  return [
    sectionHeading(`Objections (${objections.length})`),
    ...(view.objections.length > 0
      ? [subtle('The facilitator closed the round with objections: it stays undecided until nobody objects.')]
      : []),
    ...shown.map((objection) =>
      textBlock(`${safe(view.nameOf(objection.memberId), 60)}: ${safe(objection.reason, detail.textMax)}`, {
        spacing: 'Small',
        size: 'Small',
      }),
    ),
    ...moreLine(more),
  ];
}

/** The announcement of a decided release: what the team stops, for which priority, and how it was decided. */
export function releaseDecisionCard(
  decision: ReleaseDecision,
  options: { nameOf: NameOf; tabUrl: string | null },
): AdaptiveCard {
  const actions: CardElement[] = options.tabUrl
    ? [{ type: 'Action.OpenUrl', title: 'Open in tab', url: options.tabUrl }]
    : [];
  return fitCard((detail) =>
    adaptiveCard(
      [
        heading(`Decision: we stop ${safe(decision.title, detail.titleMax)}`, 'Large'),
        subtle(`Released by consent, decided ${dateOnly(decision.decidedAt)}`),
        ...(decision.priority
          ? [
              sectionHeading('Why'),
              textBlock(`To make room for our priority: ${safe(decision.priority.title, detail.titleMax)}`, {
                spacing: 'Small',
              }),
            ]
          : []),
        sectionHeading('How we decided'),
        textBlock(
          `${decision.consents} consent · ${decision.standAsides} stand aside · nobody objects. Proposed by ${safe(
            options.nameOf(decision.proposedBy),
            80,
          )}; the round was closed by ${safe(options.nameOf(decision.decidedBy), 80)}.`,
          { spacing: 'Small' },
        ),
        subtle('Kept in the decision log.'),
      ],
      actions,
    ),
  );
}

/** Release-list rows for the priority card and the `releases` command: decided ones first, then those being decided. */
export function releaseRows(items: readonly ReleaseItem[], detail: Detail): CardElement[] {
  if (items.length === 0) return [];
  const decided = items.filter((item) => item.status === 'decided');
  const proposed = items.filter((item) => item.status === 'proposed');
  const { shown, more } = limitList([...decided, ...proposed], detail.listMax);
  return [
    sectionHeading('Release list'),
    ...shown.map((item) =>
      textBlock(
        item.status === 'decided'
          ? `We stop: ${safe(item.text, detail.titleMax)} (decided ${dateOnly(item.closedAt ?? item.proposedAt)})`
          : `Proposed: ${safe(item.text, detail.titleMax)} (being decided by consent)`,
        { spacing: 'Small' },
      ),
    ),
    ...moreLine(more),
  ];
}

/** The `releases` command: what the team stops doing to make room for the priority. */
export function releaseListCard(
  priority: { title: string } | null,
  items: readonly ReleaseItem[],
): AdaptiveCard {
  if (priority === null)
    return adaptiveCard([
      heading('Release list'),
      textBlock('There is no active priority, so nothing to make room for yet.'),
    ]);
  return fitCard((detail) =>
    adaptiveCard([
      heading('Release list'),
      subtle(`What we stop doing to make room for: ${safe(priority.title, detail.titleMax)}`),
      ...(items.length === 0
        ? [textBlock('Nothing yet. Propose something to stop: release <text>')]
        : releaseRows(items, detail).slice(1)),
    ]),
  );
}
