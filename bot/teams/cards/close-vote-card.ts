// What the facilitator sees after closing a vote: announce the decision, settle a tie, or extend a vote without quorum.
import type { ClosedVote, ConsentOutcome } from '../../domain/voting';
import {
  actionSet,
  adaptiveCard,
  choiceInput,
  errorBlocks,
  fitCard,
  heading,
  joinTitles,
  limitList,
  maxInputText,
  methodNames,
  moreLine,
  numberInput,
  plain,
  plainAction,
  safe,
  sectionHeading,
  submitAction,
  subtle,
  textBlock,
  textInput,
  titleLookup,
  type AdaptiveCard,
  type CardElement,
  type Detail,
  type TitleOf,
} from './card-parts';
import { condorcetNote, headToHeadBlock, resultBars } from './result-bars';

/** Hours a vote without quorum is extended by unless the facilitator says otherwise. */
export const defaultExtendHours = 24;

/**
 * Where a decided vote stands on its consent round: one is `needed` before announcing, the candidate was
 * `adopted`, or it `objected` and the facilitator amends and re-runs or puts the runner-up to consent.
 */
export type CloseCardConsent =
  | { state: 'needed' }
  | { state: 'adopted'; outcome: ConsentOutcome }
  | { state: 'objected'; outcome: ConsentOutcome & { kind: 'objected' }; runnerUpId: string | null };

/** Options of the facilitator's close card. */
export type FacilitatorCloseCardOptions = {
  titleOf?: TitleOf;
  error?: string;
  /** For a decided vote that asks for a consent round; without it the announce form is shown. */
  consent?: CloseCardConsent;
};

/**
 * The facilitator's next step on a closed vote: the `Announce decision` form, the tie-break choices, or `Extend vote`;
 * with a consent round, `Start consent round` first, and after objections the amend and runner-up choices.
 */
export function facilitatorCloseCard(
  vote: ClosedVote,
  options: FacilitatorCloseCardOptions = {},
): AdaptiveCard {
  const titleOf = options.titleOf ?? titleLookup(vote.candidates);
  return fitCard((detail) => {
    const header: CardElement[] = [
      ...errorBlocks(options.error),
      heading(`Vote closed: ${safe(vote.title, detail.titleMax)}`),
      subtle(
        `${methodNames[vote.settings.method]} · ${vote.turnout.voted} of ${vote.turnout.teamSize} members voted`,
      ),
      ...standings(vote, titleOf, detail),
    ];
    switch (vote.outcome.kind) {
      case 'decided':
        return adaptiveCard([
          ...header,
          ...decidedBlocks(vote, vote.outcome.winnerId, options.consent, titleOf, detail),
        ]);
      case 'tied':
        return adaptiveCard([...header, ...tieForms(vote, vote.outcome.candidateIds, titleOf, detail)]);
      case 'no-quorum':
        return adaptiveCard([...header, ...extendForm(vote, vote.outcome.needed)]);
    }
  });
}

function standings(vote: ClosedVote, titleOf: TitleOf, detail: Detail): CardElement[] {
  const { tally } = vote;
  if (tally === null) return [];
  return [
    ...resultBars(tally.standings, {
      method: tally.method,
      titleOf,
      detail,
      ballotsCounted: tally.ballotsCounted,
    }),
    ...(tally.method === 'ranked-choice'
      ? [
          ...headToHeadBlock(
            tally.headToHead,
            vote.candidates.map((c) => c.id),
            titleOf,
            detail,
          ),
          ...condorcetNote(tally.condorcetWinner, tally.condorcetDisagrees, titleOf, detail),
        ]
      : []),
  ];
}

// The winner, then (C-1..C-6, D-2) the consent round when the caller gives its state, else the announce form.
function decidedBlocks(
  vote: ClosedVote,
  winnerId: string,
  consent: CloseCardConsent | undefined,
  titleOf: TitleOf,
  detail: Detail,
): CardElement[] {
  const tie = vote.outcome.kind === 'decided' ? vote.outcome.tieResolution : null;
  const winner = [
    textBlock(`Winner: ${safe(titleOf(winnerId), detail.titleMax)}`, { weight: 'Bolder', spacing: 'Medium' }),
    ...(tie ? [subtle(`Tie settled by the facilitator: ${safe(tie.reason, detail.textMax)}`)] : []),
  ];
  switch (consent?.state) {
    case undefined:
      return [
        ...winner,
        ...(vote.settings.consentRound
          ? [subtle('This vote asks for a consent round on the winner first.')]
          : []),
        ...announceForm(vote, detail),
      ];
    case 'needed':
      return [
        ...winner,
        textBlock('This vote asks for a consent round on the winner before it is announced.', {
          spacing: 'Medium',
        }),
        actionSet([plainAction('Start consent round', 'consent.start', { voteId: vote.id })]),
      ];
    case 'adopted':
      return [...winner, ...adoptedBlocks(consent.outcome, titleOf, detail), ...announceForm(vote, detail)];
    case 'objected':
      return [...winner, ...objectedForms(vote, consent.outcome, consent.runnerUpId, titleOf, detail)];
  }
}

function adoptedBlocks(outcome: ConsentOutcome, titleOf: TitleOf, detail: Detail): CardElement[] {
  const counts =
    outcome.kind === 'adopted'
      ? ` (${outcome.consents} consent, ${outcome.standAsides} stand aside, no objections)`
      : '';
  return [
    textBlock(`Adopted by consent: ${safe(titleOf(outcome.candidateId), detail.titleMax)}${counts}`, {
      weight: 'Bolder',
      spacing: 'Medium',
      color: 'Good',
    }),
    ...amendmentBlocks(outcome.amendment, detail),
  ];
}

// C-4..C-6: the objections with their reasons; amend and re-run, or put the runner-up to consent.
function objectedForms(
  vote: ClosedVote,
  outcome: ConsentOutcome & { kind: 'objected' },
  runnerUpId: string | null,
  titleOf: TitleOf,
  detail: Detail,
): CardElement[] {
  const { shown, more } = limitList(outcome.objections, detail.listMax);
  return [
    textBlock(
      `Objections to ${safe(titleOf(outcome.candidateId), detail.titleMax)} (${outcome.objections.length})`,
      { weight: 'Bolder', spacing: 'Medium', color: 'Attention' },
    ),
    ...amendmentBlocks(outcome.amendment, detail),
    ...shown.map((objection) =>
      textBlock(safe(objection.reason, detail.textMax), { spacing: 'Small', size: 'Small' }),
    ),
    ...moreLine(more),
    sectionHeading('Amend and re-run the consent round'),
    textInput('amendment', 'Amended priority', {
      required: true,
      multiline: true,
      maxLength: maxInputText,
      placeholder: 'The priority as amended to meet the objections',
    }),
    actionSet([submitAction('Re-run with amendment', 'consent.start', { voteId: vote.id })]),
    ...(runnerUpId !== null
      ? [
          sectionHeading('Or put the runner-up to consent'),
          textBlock(`Runner-up: ${safe(titleOf(runnerUpId), detail.titleMax)}`, { spacing: 'Small' }),
          actionSet([
            plainAction('Put the runner-up to consent', 'consent.start', {
              voteId: vote.id,
              candidateId: runnerUpId,
            }),
          ]),
        ]
      : []),
  ];
}

function amendmentBlocks(amendment: string | null, detail: Detail): CardElement[] {
  return amendment ? [textBlock(`As amended: ${safe(amendment, detail.textMax)}`, { spacing: 'Small' })] : [];
}

// D-3, D-4: a rationale and a response to every concern; every concern gets its input, only its text is shortened.
function announceForm(vote: ClosedVote, detail: Detail): CardElement[] {
  return [
    sectionHeading('Announce the decision'),
    textInput('rationale', 'Rationale', {
      required: true,
      multiline: true,
      maxLength: maxInputText,
      placeholder: 'Why this priority, in a few sentences',
    }),
    ...(vote.concerns.length > 0
      ? [
          subtle(
            `Respond to each concern (${vote.concerns.length}); the responses are announced with the decision.`,
          ),
        ]
      : []),
    ...vote.concerns.map((concern) =>
      textInput(`response_${concern.id}`, plain(concern.text, detail.textMax), {
        required: true,
        multiline: true,
        maxLength: maxInputText,
        placeholder: 'Your response',
      }),
    ),
    actionSet([submitAction('Announce decision', 'decision.announce', { voteId: vote.id })]),
  ];
}

// T-4..T-6: never broken silently: a runoff, or the facilitator's stated choice.
function tieForms(
  vote: ClosedVote,
  tiedIds: readonly string[],
  titleOf: TitleOf,
  detail: Detail,
): CardElement[] {
  return [
    textBlock(`Tied between ${joinTitles(tiedIds, titleOf, detail.titleMax)}`, {
      weight: 'Bolder',
      spacing: 'Medium',
    }),
    subtle('Hold a runoff among the tied candidates, or choose the winner and say how the tie was broken.'),
    actionSet([plainAction('Start runoff', 'vote.runoff', { voteId: vote.id })]),
    sectionHeading('Or choose the winner'),
    choiceInput(
      'chosenId',
      'Winner',
      tiedIds.map((id) => ({ title: plain(titleOf(id), detail.titleMax), value: id })),
      { required: true, placeholder: 'Choose a tied candidate' },
    ),
    textInput('tieBreakReason', 'How the tie was broken', {
      required: true,
      multiline: true,
      maxLength: maxInputText,
    }),
    actionSet([submitAction('Choose the winner', 'vote.tiebreak', { voteId: vote.id })]),
  ];
}

// nothing is decided; the vote can be reopened with its ballots.
function extendForm(vote: ClosedVote, needed: number): CardElement[] {
  return [
    textBlock(
      `Closed without a decision: only ${vote.turnout.voted} of ${vote.turnout.teamSize} voted, quorum was ${needed}`,
      { weight: 'Bolder', spacing: 'Medium' },
    ),
    subtle('Extend the vote to give everyone more time; the ballots already cast are kept.'),
    numberInput('hours', 'Extend by (hours)', {
      value: defaultExtendHours,
      min: 1,
      max: 336,
      required: true,
    }),
    actionSet([submitAction('Extend vote', 'vote.extend', { voteId: vote.id })]),
  ];
}
