// The consent round in the channel: "Can everyone live with this?" — the shared card, each member's own view, and the closed card.
import type {
  ClosedVote,
  ConsentAnswer,
  ConsentOutcome,
  ConsentResponses,
  ConsentRound,
} from '../../domain/voting';
import {
  adaptiveCard,
  choiceInput,
  errorBlocks,
  executeAction,
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
  titleLookup,
  type AdaptiveCard,
  type CardElement,
  type Detail,
} from './card-parts';

/** Everything the consent cards show; the caller decides who refreshes and whether the round has concluded. */
export type ConsentCardView = {
  vote: ClosedVote;
  round: ConsentRound;
  /** The latest response per member. */
  responses: ConsentResponses;
  teamSize: number;
  /** Display names by member id; shown only when the vote is not anonymous. */
  memberNames: Map<string, string>;
  facilitatorName: string;
  /** Members whose card refreshes by itself (Teams takes at most 60; the caller limits the list). */
  refreshUserIds: string[];
  /** Non-null once the facilitator has finished the round: the card closes. */
  outcome: ConsentOutcome | null;
};

/** Who is looking at the personal consent card. */
export type ConsentViewer = {
  memberId: string;
  isFacilitator: boolean;
  editing: boolean;
  error?: string;
};

/** Each answer in words, as the member's own summary shows it (the release list's consent card too). */
export const answerNames: Readonly<Record<ConsentAnswer, string>> = {
  consent: 'Consent',
  'stand-aside': 'Stand aside',
  object: 'Object',
};

/** The choices of the `answer` input (plain text: fixed by the app). */
const answerChoices: readonly { title: string; value: ConsentAnswer }[] = [
  { title: 'Consent — I can live with it', value: 'consent' },
  { title: "Stand aside — I won't block it", value: 'stand-aside' },
  { title: 'Object — I cannot live with it', value: 'object' },
];

/** The card posted in the channel: the candidate, the answers so far, the objections, and `Answer`/`Finish consent round`. */
export function consentSharedCard(view: ConsentCardView): AdaptiveCard {
  if (view.outcome !== null) return consentClosedCard(view, view.outcome);
  const voteId = view.vote.id;
  return fitCard((detail) =>
    adaptiveCard(
      consentHeader(view, detail),
      [
        plainAction('Answer', 'consent.view', { voteId }),
        plainAction('Finish consent round', 'consent.finish', { voteId }),
      ],
      { refresh: refreshOf(view) },
    ),
  );
}

/** What one member sees after a refresh: their answer (with `Change answer`) or the form (`Send answer`). */
export function consentPersonalCard(view: ConsentCardView, viewer: ConsentViewer): AdaptiveCard {
  if (view.outcome !== null) return consentClosedCard(view, view.outcome);
  const voteId = view.vote.id;
  const mine = view.responses.get(viewer.memberId) ?? null;
  const showForm = mine === null || viewer.editing;
  const finish = viewer.isFacilitator
    ? [plainAction('Finish consent round', 'consent.finish', { voteId })]
    : [];
  return fitCard((detail) =>
    adaptiveCard(
      [
        ...errorBlocks(viewer.error),
        ...consentHeader(view, detail),
        ...(showForm
          ? answerForm(mine?.answer ?? null, mine?.reason ?? null)
          : answerSummary(mine.answer, mine.reason, detail)),
      ],
      [
        showForm
          ? submitAction('Send answer', 'consent.respond', { voteId })
          : plainAction('Change answer', 'consent.change', { voteId }),
        ...finish,
      ],
      { refresh: refreshOf(view) },
    ),
  );
}

// The concluded round: the same header, what it concluded, and no refresh or actions.
function consentClosedCard(view: ConsentCardView, outcome: ConsentOutcome): AdaptiveCard {
  return fitCard((detail) =>
    adaptiveCard([
      ...consentHeader(view, detail),
      textBlock(
        outcome.kind === 'adopted'
          ? 'Adopted: nobody objects.'
          : 'Objections were raised: the facilitator will amend or choose the runner-up.',
        { weight: 'Bolder', spacing: 'Medium', color: outcome.kind === 'adopted' ? 'Good' : 'Attention' },
      ),
    ]),
  );
}

// The same header on the shared and the personal card, so a refresh changes only the member's part.
function consentHeader(view: ConsentCardView, detail: Detail): CardElement[] {
  const { vote, round } = view;
  const title = titleLookup(vote.candidates)(round.candidateId);
  const winnerId = vote.outcome.kind === 'decided' ? vote.outcome.winnerId : null;
  const answers = [...view.responses.values()];
  const count = (answer: ConsentAnswer) => answers.filter((r) => r.answer === answer).length;
  const answered = answers.length;
  return [
    heading('Can everyone live with this?'),
    subtle(`${safe(vote.title, detail.titleMax)} · facilitated by ${safe(view.facilitatorName, 60)}`),
    textBlock(safe(title, detail.titleMax), { weight: 'Bolder', size: 'Medium', spacing: 'Medium' }),
    ...(winnerId !== null && round.candidateId !== winnerId
      ? [subtle('The runner-up, put to consent after objections to the winner')]
      : []),
    ...(round.amendment
      ? [textBlock(`As amended: ${safe(round.amendment, detail.textMax)}`, { spacing: 'Small' })]
      : []),
    subtle(
      `Adopted only if nobody objects; standing aside does not block it. ${
        vote.settings.anonymous ? 'Answers are anonymous.' : 'Answers are not anonymous.'
      }`,
    ),
    textBlock(
      `${count('consent')} consent · ${count('stand-aside')} stand aside · ${count('object')} object`,
      { weight: 'Bolder', spacing: 'Medium' },
    ),
    subtle(`${answered} of ${view.teamSize} ${answered === 1 ? 'has' : 'have'} answered`),
    ...objectionBlocks(view, detail),
  ];
}

// C-4: every objection with its reason; the member's name only when the vote is not anonymous.
function objectionBlocks(view: ConsentCardView, detail: Detail): CardElement[] {
  const objections =
    view.outcome?.kind === 'objected'
      ? view.outcome.objections
      : [...view.responses.values()]
          .filter((r) => r.answer === 'object')
          .map((r) => ({ memberId: r.memberId, reason: r.reason ?? '' }));
  if (objections.length === 0) return [];
  const { shown, more } = limitList(objections, detail.listMax);
  const named = !view.vote.settings.anonymous;
  return [
    sectionHeading(`Objections (${objections.length})`),
    ...shown.map((objection) => {
      const reason = safe(objection.reason, detail.textMax);
      const name = view.memberNames.get(objection.memberId);
      return textBlock(named && name ? `${safe(name, 60)}: ${reason}` : reason, {
        spacing: 'Small',
        size: 'Small',
      });
    }),
    ...moreLine(more),
  ];
}

function answerSummary(answer: ConsentAnswer, reason: string | null, detail: Detail): CardElement[] {
  return [
    textBlock(`Your answer: ${answerNames[answer]}${reason ? ` — ${safe(reason, detail.textMax)}` : ''}`, {
      weight: 'Bolder',
      spacing: 'Medium',
      color: answer === 'object' ? 'Attention' : 'Good',
    }),
    subtle(
      'You can change your answer until the facilitator finishes the round; only your latest answer counts.',
    ),
  ];
}

function answerForm(answer: ConsentAnswer | null, reason: string | null): CardElement[] {
  return [
    {
      ...choiceInput('answer', 'Your answer', answerChoices, { value: answer, required: true }),
      style: 'expanded',
      spacing: 'Medium',
    },
    textInput('reason', 'Reason (needed to object)', {
      value: reason,
      maxLength: maxInputText,
      multiline: true,
      placeholder: 'What would you need changed to live with it?',
    }),
  ];
}

function refreshOf(view: ConsentCardView): AdaptiveCard['refresh'] {
  return {
    action: executeAction('Answer', 'consent.view', { voteId: view.vote.id }),
    userIds: view.refreshUserIds,
  };
}
