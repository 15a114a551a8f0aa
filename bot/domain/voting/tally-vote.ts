import type { Ballot, CurrentBallots } from './ballot-types';
import { tallyRankedChoice } from './tally-ranked-choice';
import { tallyApproval, tallyDot, tallyScore } from './tally-totals';
import type { Tally } from './tally-types';
import type { Vote } from './vote-types';

/** Tallies the current ballots with the vote's method; ballots of another method are ignored. */
export function tallyVote(vote: Pick<Vote, 'settings' | 'candidates'>, ballots: CurrentBallots): Tally {
  const list = [...ballots.values()];
  const { candidates } = vote;
  switch (vote.settings.method) {
    case 'ranked-choice':
      return tallyRankedChoice(list.filter(isMethod('ranked-choice')), candidates);
    case 'dot':
      return tallyDot(list.filter(isMethod('dot')), candidates);
    case 'approval':
      return tallyApproval(list.filter(isMethod('approval')), candidates);
    case 'score':
      return tallyScore(list.filter(isMethod('score')), candidates);
  }
}

/** The tally members may see now: live results while open if the vote allows it, else only once closed (B-6). */
export function visibleTally(vote: Vote, ballots: CurrentBallots): Tally | null {
  if (vote.status === 'closed') return vote.tally;
  return vote.settings.resultsVisibility === 'live' ? tallyVote(vote, ballots) : null;
}

function isMethod<M extends Ballot['method']>(method: M) {
  return (ballot: Ballot): ballot is Extract<Ballot, { method: M }> => ballot.method === method;
}
