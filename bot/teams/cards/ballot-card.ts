// The vote in the channel: the shared card everyone sees, each member's own ballot view, and the closed card.
import {
  MAX_SCORE,
  quorumNeeded,
  type Ballot,
  type Tally,
  type Vote,
  type VoteCandidate,
  type VotingMethod,
} from '../../domain/voting';
import {
  adaptiveCard,
  choiceInput,
  dateTime,
  errorBlocks,
  executeAction,
  fitCard,
  heading,
  joinTitles,
  limitList,
  maxInputText,
  methodNames,
  moreLine,
  numberInput,
  numbered,
  ordinal,
  plain,
  plainAction,
  plural,
  safe,
  sectionHeading,
  submitAction,
  subtle,
  textBlock,
  textInput,
  titleLookup,
  toggleInput,
  turnoutText,
  type AdaptiveCard,
  type CardElement,
  type Detail,
  type TitleOf,
} from './card-parts';
import { condorcetNote, resultBars } from './result-bars';

/** Everything the vote cards show; the caller decides what may be seen (tally only when visible, names only when not anonymous). */
export type BallotCardView = {
  vote: Vote;
  turnout: { voted: number; teamSize: number; voterNames: string[] | null };
  tally: Tally | null;
  facilitatorName: string;
  /** Members whose card refreshes by itself (Teams takes at most 60; the caller limits the list). */
  refreshUserIds: string[];
  decisionId: string | null;
};

/** Who is looking at the personal card, and their current ballot. */
export type BallotViewer = {
  memberId: string;
  ballot: Ballot | null;
  editing: boolean;
  isFacilitator: boolean;
  error?: string;
  /** A short hash of the accepted ballot. */
  receipt?: string;
};

const methodHints: Readonly<Record<VotingMethod, string>> = {
  'ranked-choice': 'Rank the candidates: your 1st choice first, then as many others as you like.',
  dot: 'Place your dots on the candidates you support most.',
  approval: 'Approve every candidate you could support.',
  score: 'Give every candidate a score from 0 to 5.',
};

/** The card posted in the channel: the vote, its turnout, live results when allowed, and `Vote`/`Close vote`. */
export function ballotSharedCard(view: BallotCardView): AdaptiveCard {
  const voteId = view.vote.id;
  return fitCard((detail) =>
    adaptiveCard(
      [...voteHeader(view, detail), ...liveResults(view, detail)],
      [plainAction('Vote', 'ballot.view', { voteId }), plainAction('Close vote', 'vote.close', { voteId })],
      { refresh: refreshOf(view) },
    ),
  );
}

/** What one member sees after a refresh: their ballot (with `Change ballot`) or the form to fill in (`Submit ballot`). */
export function ballotPersonalCard(view: BallotCardView, viewer: BallotViewer): AdaptiveCard {
  if (view.vote.status === 'closed') return ballotClosedCard(view);
  const voteId = view.vote.id;
  const ballot = viewer.ballot?.method === view.vote.settings.method ? viewer.ballot : null;
  const showForm = ballot === null || viewer.editing;
  const closeAction = viewer.isFacilitator ? [plainAction('Close vote', 'vote.close', { voteId })] : [];
  return fitCard((detail) => {
    const mine = showForm
      ? ballotForm(view.vote, ballot, detail)
      : ballotSummaryBlocks(ballot, view.vote.candidates, detail);
    const actions = showForm
      ? [submitAction('Submit ballot', 'ballot.submit', { voteId })]
      : [plainAction('Change ballot', 'ballot.change', { voteId })];
    return adaptiveCard(
      [
        ...errorBlocks(viewer.error),
        ...voteHeader(view, detail),
        ...liveResults(view, detail),
        ...mine,
        ...(viewer.receipt ? [subtle(`Receipt: ${safe(viewer.receipt, 64)}`)] : []),
      ],
      [...actions, ...closeAction],
      { refresh: refreshOf(view) },
    );
  });
}

/**
 * The card once the vote is closed: the outcome, turnout and final standings; no refresh and no ballot
 * actions. `error` says why a ballot just sent was not taken (it arrived after the close).
 */
export function ballotClosedCard(view: BallotCardView, options: { error?: string } = {}): AdaptiveCard {
  const { vote } = view;
  const titleOf = titleLookup(vote.candidates);
  const tally = vote.status === 'closed' ? vote.tally : view.tally;
  const turnout = vote.status === 'closed' ? vote.turnout : view.turnout;
  return fitCard((detail) =>
    adaptiveCard([
      ...errorBlocks(options.error),
      heading(safe(vote.title, detail.titleMax)),
      subtle(`${methodNames[vote.settings.method]} · opened by ${safe(view.facilitatorName, 60)}`),
      textBlock(closedText(vote, view.decisionId, titleOf, detail), { weight: 'Bolder', spacing: 'Medium' }),
      textBlock(
        turnoutText(
          turnout.voted,
          turnout.teamSize,
          view.turnout.voterNames,
          vote.settings.anonymous,
          detail,
        ),
        { spacing: 'Small' },
      ),
      ...(tally
        ? [
            sectionHeading('Final standings'),
            ...resultBars(tally.standings, {
              method: tally.method,
              titleOf,
              detail,
              ballotsCounted: tally.ballotsCounted,
            }),
            ...(tally.method === 'ranked-choice'
              ? condorcetNote(tally.condorcetWinner, tally.condorcetDisagrees, titleOf, detail)
              : []),
          ]
        : []),
    ]),
  );
}

/** A ballot in words: "1. A, 2. B" (ranked), "A: 2 dots, B: 1 dot", "A, B" (approval), "A: 4, B: 1" (score). */
export function ballotSummary(
  ballot: Ballot,
  candidates: readonly VoteCandidate[],
  titleMax = Number.POSITIVE_INFINITY,
): string {
  const title = (id: string) => safe(titleLookup(candidates)(id), titleMax);
  switch (ballot.method) {
    case 'ranked-choice':
      return ballot.ranking.map((id, index) => `${index + 1}. ${title(id)}`).join(', ');
    case 'dot':
      return candidates
        .filter((c) => (ballot.dots[c.id] ?? 0) > 0)
        .map((c) => `${title(c.id)}: ${plural(ballot.dots[c.id] ?? 0, 'dot')}`)
        .join(', ');
    case 'approval':
      return candidates
        .filter((c) => ballot.approved.includes(c.id))
        .map((c) => title(c.id))
        .join(', ');
    case 'score':
      return candidates.map((c) => `${title(c.id)}: ${ballot.scores[c.id] ?? 0}`).join(', ');
  }
}

// The same header on the shared and the personal card, so a refresh changes only the member's part.
function voteHeader(view: BallotCardView, detail: Detail): CardElement[] {
  const { vote, turnout } = view;
  const { settings } = vote;
  const { shown, more } = limitList(vote.candidates, detail.listMax);
  const closes = `Closes ${dateTime(vote.closesAt)}${settings.closeWhenAllVoted ? ', or when everyone has voted' : ''}`;
  const rules = [
    `Quorum: ${quorumNeeded(settings.quorum, turnout.teamSize)} of ${turnout.teamSize} members`,
    settings.anonymous ? 'Ballots are anonymous' : 'Ballots are not anonymous',
    settings.resultsVisibility === 'live'
      ? 'Results are shown live'
      : 'Results are shown when the vote closes',
    ...(settings.method === 'dot'
      ? [
          `${plural(settings.dotsPerMember, 'dot')} each, at most ${settings.maxDotsPerCandidate} on one candidate`,
        ]
      : []),
    ...(settings.consentRound ? ['The winner then goes to a consent round'] : []),
  ];
  return [
    heading(safe(vote.title, detail.titleMax)),
    ...(vote.runoffOf ? [subtle('Runoff among the candidates tied in the last vote')] : []),
    subtle(`Opened by ${safe(view.facilitatorName, 60)}`),
    textBlock(`Method: ${methodNames[settings.method]}`, { spacing: 'Small' }),
    ...shown.map((c, index) =>
      textBlock(numbered(index + 1, safe(c.title, detail.titleMax)), { spacing: 'Small', size: 'Small' }),
    ),
    ...moreLine(more),
    textBlock(closes, { spacing: 'Small' }),
    subtle(rules.join(' · ')),
    textBlock(turnoutText(turnout.voted, turnout.teamSize, turnout.voterNames, settings.anonymous, detail), {
      weight: 'Bolder',
      spacing: 'Small',
    }),
  ];
}

function liveResults(view: BallotCardView, detail: Detail): CardElement[] {
  const { tally } = view;
  if (tally === null) return [];
  return [
    sectionHeading('Live results'),
    ...resultBars(tally.standings, {
      method: tally.method,
      titleOf: titleLookup(view.vote.candidates),
      detail,
      ballotsCounted: tally.ballotsCounted,
    }),
  ];
}

function refreshOf(view: BallotCardView): AdaptiveCard['refresh'] {
  return {
    action: executeAction('Vote', 'ballot.view', { voteId: view.vote.id }),
    userIds: view.refreshUserIds,
  };
}

function ballotSummaryBlocks(
  ballot: Ballot | null,
  candidates: readonly VoteCandidate[],
  detail: Detail,
): CardElement[] {
  if (ballot === null) return [];
  return [
    textBlock(`Your ballot: ${ballotSummary(ballot, candidates, detail.titleMax)}`, {
      weight: 'Bolder',
      spacing: 'Medium',
      color: 'Good',
    }),
    ...(ballot.concern
      ? [textBlock(`Your concern: ${safe(ballot.concern, detail.textMax)}`, { spacing: 'Small' })]
      : []),
    subtle('You can change your ballot until the vote closes; only your latest ballot counts.'),
  ];
}

function ballotForm(vote: Vote, ballot: Ballot | null, detail: Detail): CardElement[] {
  return [
    sectionHeading('Your ballot'),
    subtle(methodHints[vote.settings.method]),
    ...methodInputs(vote, ballot, detail),
    textInput('concern', 'Concern (optional)', {
      value: ballot?.concern ?? null,
      maxLength: maxInputText,
      multiline: true,
      placeholder: 'Something the facilitator should answer when announcing the decision',
    }),
  ];
}

function methodInputs(vote: Vote, ballot: Ballot | null, detail: Detail): CardElement[] {
  const candidates = vote.candidates;
  const label = (c: VoteCandidate) => plain(c.title, detail.titleMax);
  switch (vote.settings.method) {
    case 'ranked-choice': {
      const ranking = ballot?.method === 'ranked-choice' ? ballot.ranking : [];
      const count = Math.min(candidates.length, detail.ranksMax);
      const choices = candidates.map((c) => ({ title: label(c), value: c.id }));
      return [
        ...Array.from({ length: count }, (_, index) =>
          choiceInput(`rank${index + 1}`, `${ordinal(index + 1)} choice`, choices, {
            value: ranking[index] ?? null,
            required: index === 0,
            placeholder: index === 0 ? 'Choose a candidate' : 'Optional',
          }),
        ),
        ...(count < candidates.length
          ? [subtle(`You can rank up to ${count} candidates on this card.`)]
          : []),
      ];
    }
    case 'dot': {
      const dots = ballot?.method === 'dot' ? ballot.dots : {};
      return [
        subtle(
          `You have ${plural(vote.settings.dotsPerMember, 'dot')}; at most ${vote.settings.maxDotsPerCandidate} on one candidate.`,
        ),
        ...candidates.map((c) =>
          numberInput(`dots_${c.id}`, label(c), {
            value: dots[c.id] ?? 0,
            min: 0,
            max: vote.settings.maxDotsPerCandidate,
          }),
        ),
      ];
    }
    case 'approval': {
      const approved = ballot?.method === 'approval' ? ballot.approved : [];
      return candidates.map((c) => toggleInput(`approve_${c.id}`, label(c), approved.includes(c.id)));
    }
    case 'score': {
      const scores = ballot?.method === 'score' ? ballot.scores : {};
      const choices = Array.from({ length: MAX_SCORE + 1 }, (_, n) => ({
        title: String(n),
        value: String(n),
      }));
      return candidates.map((c) =>
        choiceInput(`score_${c.id}`, label(c), choices, { value: String(scores[c.id] ?? 0) }),
      );
    }
  }
}

function closedText(vote: Vote, decisionId: string | null, titleOf: TitleOf, detail: Detail): string {
  if (vote.status !== 'closed') return 'Closed';
  const { outcome, turnout } = vote;
  switch (outcome.kind) {
    case 'decided':
      // Between the close and the announcement there is no decision to see yet.
      return decisionId === null
        ? 'Closed — the facilitator will announce the decision'
        : 'Closed — see the decision';
    case 'tied':
      return `Closed — tied between ${joinTitles(outcome.candidateIds, titleOf, detail.titleMax)}, the facilitator will settle it`;
    case 'no-quorum':
      return `Closed without a decision: only ${turnout.voted} of ${turnout.teamSize} voted, quorum was ${outcome.needed}`;
  }
}
