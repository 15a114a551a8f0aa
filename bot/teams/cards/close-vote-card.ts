// What the facilitator sees after closing a vote: announce the decision, settle a tie, or extend a vote without quorum.
import type { ClosedVote } from '../../domain/voting';
import {
  actionSet,
  adaptiveCard,
  choiceInput,
  errorBlocks,
  fitCard,
  heading,
  joinTitles,
  maxInputText,
  methodNames,
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
import { condorcetNote, resultBars } from './result-bars';

/** Hours a vote without quorum is extended by unless the facilitator says otherwise. */
export const defaultExtendHours = 24;

/** The facilitator's next step on a closed vote: the `Announce decision` form, the tie-break choices, or `Extend vote`. */
export function facilitatorCloseCard(
  vote: ClosedVote,
  options: { titleOf?: TitleOf; error?: string } = {},
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
        return adaptiveCard([...header, ...announceForm(vote, vote.outcome.winnerId, titleOf, detail)]);
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
      ? condorcetNote(tally.condorcetWinner, tally.condorcetDisagrees, titleOf, detail)
      : []),
  ];
}

// D-3, D-4: a rationale and a response to every concern; every concern gets its input, only its text is shortened.
function announceForm(vote: ClosedVote, winnerId: string, titleOf: TitleOf, detail: Detail): CardElement[] {
  const tie = vote.outcome.kind === 'decided' ? vote.outcome.tieResolution : null;
  return [
    textBlock(`Winner: ${safe(titleOf(winnerId), detail.titleMax)}`, { weight: 'Bolder', spacing: 'Medium' }),
    ...(tie ? [subtle(`Tie settled by the facilitator: ${safe(tie.reason, detail.textMax)}`)] : []),
    ...(vote.settings.consentRound
      ? [subtle('This vote asks for a consent round on the winner first.')]
      : []),
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
