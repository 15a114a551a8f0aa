// The facilitator's form to open a vote: method, closing time, quorum and the other settings.
import type { Candidate } from '../../domain/candidates';
import type { Priority } from '../../domain/decisions';
import {
  DEFAULT_VOTE_HOURS,
  DEFAULT_VOTE_SETTINGS,
  MAX_DOTS_PER_MEMBER,
  VOTING_METHODS,
} from '../../domain/voting';
import {
  adaptiveCard,
  choiceInput,
  errorBlocks,
  fitCard,
  heading,
  limitList,
  methodNames,
  moreLine,
  numberInput,
  numbered,
  safe,
  sectionHeading,
  submitAction,
  subtle,
  textBlock,
  textInput,
  toggleInput,
  type AdaptiveCard,
  type CardElement,
} from './card-parts';

/** Longest a vote may stay open from the setup card: two weeks. */
export const maxVoteHours = 336;

/** The form behind `Open vote`: the open candidates, the settings with their defaults, and what happens to the current priority. */
export function voteSetupCard(options: {
  candidates: Candidate[];
  activePriority: Priority | null;
  error?: string;
}): AdaptiveCard {
  const open = options.candidates.filter((c) => c.status === 'open');
  const defaults = DEFAULT_VOTE_SETTINGS;
  return fitCard((detail) => {
    const { shown, more } = limitList(open, detail.listMax);
    const body: CardElement[] = [
      ...errorBlocks(options.error),
      heading('Open a vote on our priority'),
      subtle('Everyone on the team gets a ballot in this channel. One priority will be chosen.'),
      sectionHeading(`Candidates (${open.length})`),
      ...shown.map((c, index) =>
        textBlock(numbered(index + 1, safe(c.title, detail.titleMax)), { spacing: 'Small' }),
      ),
      ...moreLine(more),
      ...priorityDisposition(options.activePriority, detail.titleMax),
      sectionHeading('How we vote'),
      choiceInput(
        'method',
        'Method',
        VOTING_METHODS.map((method) => ({ title: methodNames[method], value: method })),
        { value: defaults.method, required: true },
      ),
      numberInput('closesInHours', 'Closes in (hours)', {
        value: DEFAULT_VOTE_HOURS,
        min: 1,
        max: maxVoteHours,
        required: true,
      }),
      toggleInput('closeWhenAllVoted', 'Close when everyone has voted', defaults.closeWhenAllVoted),
      toggleInput(
        'resultsLive',
        'Show results while the vote is open',
        defaults.resultsVisibility === 'live',
      ),
      toggleInput('anonymous', 'Anonymous ballots', defaults.anonymous),
      numberInput('quorumPercent', 'Quorum (% of members who must vote)', {
        value: Math.round(defaults.quorum * 100),
        min: 0,
        max: 100,
      }),
      toggleInput('consentRound', 'Consent round on the winner', defaults.consentRound),
      numberInput('dotsPerMember', 'Dots per member (dot voting)', {
        value: defaults.dotsPerMember,
        min: 1,
        max: MAX_DOTS_PER_MEMBER,
      }),
      numberInput('maxDotsPerCandidate', 'Most dots on one candidate (dot voting)', {
        value: defaults.maxDotsPerCandidate,
        min: 1,
        max: MAX_DOTS_PER_MEMBER,
      }),
    ];
    return adaptiveCard(body, [submitAction('Open vote', 'vote.open')]);
  });
}

// P-2: with an active priority the team first says whether it is completed or replaced (and why).
function priorityDisposition(active: Priority | null, titleMax: number): CardElement[] {
  if (active === null || active.status !== 'active') return [];
  return [
    sectionHeading('Our current priority'),
    textBlock(safe(active.title, titleMax), { spacing: 'Small' }),
    choiceInput(
      'disposition',
      'What happens to the current priority?',
      [
        { title: 'It is completed', value: 'completed' },
        { title: 'Replace it', value: 'replaced' },
      ],
      { required: true, placeholder: 'Choose one' },
    ),
    textInput('dispositionReason', 'Why it is replaced', {
      multiline: true,
      placeholder: 'Only when replacing it',
    }),
  ];
}
