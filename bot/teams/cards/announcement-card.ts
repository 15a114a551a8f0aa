// The decision announced in the channel, so people trust they were heard: what, why, how it was voted, concerns answered.
import type { Decision, DecisionResultSummary } from '../../domain/decisions';
import type { ConsentOutcome, PriorityDisposition } from '../../domain/voting';
import {
  adaptiveCard,
  dateOnly,
  fitCard,
  heading,
  joinTitles,
  limitList,
  methodNames,
  moreLine,
  numbered,
  plainAction,
  safe,
  sectionHeading,
  subtle,
  textBlock,
  titleLookup,
  type AdaptiveCard,
  type CardElement,
  type Detail,
  type TitleOf,
} from './card-parts';
import { condorcetNote, headToHeadBlock, resultBars, roundsBlock } from './result-bars';

/** The announcement of a priority decision, with `Acknowledge` and (when there is a tab) `Open in tab`. */
export function announcementCard(
  decision: Decision,
  options: { acknowledgedBy: number; teamSize: number; tabUrl: string | null },
): AdaptiveCard {
  const titleOf = decisionTitles(decision);
  const { result } = decision;
  const actions: CardElement[] = [
    plainAction('Acknowledge', 'decision.ack', { decisionId: decision.id }),
    ...(options.tabUrl ? [{ type: 'Action.OpenUrl', title: 'Open in tab', url: options.tabUrl }] : []),
  ];
  return fitCard((detail) =>
    adaptiveCard(
      [
        heading(`Decision: ${safe(decision.title, detail.titleMax)}`, 'Large'),
        subtle(`Our one priority, decided ${dateOnly(decision.decidedAt)}`),
        ...(result.consent?.amendment
          ? [textBlock(`As amended: ${safe(result.consent.amendment, detail.textMax)}`, { spacing: 'Small' })]
          : []),
        sectionHeading('Why'),
        textBlock(safe(decision.rationale, detail.textMax), { spacing: 'Small' }),
        sectionHeading('How we voted'),
        textBlock(
          `Method: ${methodNames[decision.method]} · Turnout: ${decision.turnout.voted} of ${decision.turnout.teamSize} members`,
          { spacing: 'Small' },
        ),
        ...resultBars(result.standings, {
          method: decision.method,
          titleOf,
          detail,
          ballotsCounted: decision.turnout.voted,
        }),
        ...(result.rounds && result.rounds.length > 0 ? roundsBlock(result.rounds, titleOf, detail) : []),
        ...(result.headToHead
          ? headToHeadBlock(
              result.headToHead,
              result.standings.map((s) => s.candidateId),
              titleOf,
              detail,
            )
          : []),
        ...condorcetNote(result.condorcetWinner, result.condorcetDisagrees, titleOf, detail),
        ...tieAndConsent(result, titleOf, detail),
        ...concernsBlock(decision, detail),
        ...watchListBlock(decision, detail),
        ...previousPriorityBlock(decision.previousPriority, detail),
        textBlock(`Acknowledged by ${options.acknowledgedBy} of ${options.teamSize}`, {
          isSubtle: true,
          spacing: 'Medium',
        }),
      ],
      actions,
    ),
  );
}

// The decision keeps the titles of the chosen candidate and of the watch list, which together are the whole vote.
function decisionTitles(decision: Decision): TitleOf {
  const watched = titleLookup(decision.watchList.map((w) => ({ id: w.candidateId, title: w.title })));
  const onWatchList = new Set(decision.watchList.map((w) => w.candidateId));
  const chosenId =
    decision.result.consent?.candidateId ??
    decision.result.standings.find((s) => !onWatchList.has(s.candidateId))?.candidateId ??
    null;
  return (id) => (id === chosenId ? decision.title : watched(id));
}

function tieAndConsent(result: DecisionResultSummary, titleOf: TitleOf, detail: Detail): CardElement[] {
  const tie = result.tieResolution;
  return [
    ...(tie
      ? [
          textBlock(
            `Tied between ${joinTitles(tie.tiedCandidateIds, titleOf, detail.titleMax)}; the facilitator chose ${safe(
              titleOf(tie.chosenId),
              detail.titleMax,
            )}: ${safe(tie.reason, detail.textMax)}`,
            { spacing: 'Small' },
          ),
        ]
      : []),
    ...consentBlock(result.consent, titleOf, detail),
  ];
}

function consentBlock(consent: ConsentOutcome | null, titleOf: TitleOf, detail: Detail): CardElement[] {
  if (consent === null || consent.kind !== 'adopted') return [];
  return [
    textBlock(
      `Adopted by consent: ${safe(titleOf(consent.candidateId), detail.titleMax)} (${consent.consents} consent, ${
        consent.standAsides
      } stand aside, no objections)`,
      { spacing: 'Small' },
    ),
  ];
}

function concernsBlock(decision: Decision, detail: Detail): CardElement[] {
  if (decision.concerns.length === 0) return [];
  const { shown, more } = limitList(decision.concerns, detail.listMax);
  return [
    sectionHeading('Concerns raised and how they were addressed'),
    ...shown.map((concern) => ({
      type: 'Container',
      spacing: 'Small',
      items: [
        textBlock(`Concern: ${safe(concern.text, detail.textMax)}`, { size: 'Small' }),
        textBlock(`Response: ${safe(concern.response, detail.textMax)}`, { size: 'Small', spacing: 'None' }),
      ],
    })),
    ...moreLine(more),
  ];
}

function watchListBlock(decision: Decision, detail: Detail): CardElement[] {
  if (decision.watchList.length === 0) return [];
  const { shown, more } = limitList(decision.watchList, detail.listMax);
  return [
    sectionHeading('Things to watch'),
    subtle('Kept until our priority is tackled.'),
    ...shown.map((entry, index) =>
      textBlock(numbered(index + 1, safe(entry.title, detail.titleMax)), { size: 'Small', spacing: 'Small' }),
    ),
    ...moreLine(more),
  ];
}

function previousPriorityBlock(previous: PriorityDisposition | null, detail: Detail): CardElement[] {
  if (previous === null) return [];
  const text =
    previous.kind === 'completed'
      ? 'Our previous priority is completed.'
      : `Our previous priority is replaced: ${safe(previous.reason, detail.textMax)}`;
  return [textBlock(text, { spacing: 'Medium' })];
}
