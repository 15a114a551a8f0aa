import type { StoredVote } from '../../app/priority-stores';
import type { ClosedVote } from '../../domain/voting';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { facilitatorCloseCard } from '../cards/close-vote-card';

/** The facilitator's next step on a closed vote, including where its consent round stands. */
export function closeCardFor(stored: StoredVote & { vote: ClosedVote }, error?: string): AdaptiveCard {
  const { vote, consent } = stored;
  const options = error ? { error } : {};
  if (vote.outcome.kind !== 'decided' || !vote.settings.consentRound)
    return facilitatorCloseCard(vote, options);
  const outcome = consent?.outcome ?? null;
  if (!outcome) return facilitatorCloseCard(vote, { ...options, consent: { state: 'needed' } });
  if (outcome.kind === 'adopted')
    return facilitatorCloseCard(vote, { ...options, consent: { state: 'adopted', outcome } });
  // The runner-up can be put to consent once, after the winner met objections.
  const runnerUp = vote.tally?.runnerUp ?? null;
  const runnerUpId = runnerUp !== null && outcome.candidateId !== runnerUp ? runnerUp : null;
  return facilitatorCloseCard(vote, { ...options, consent: { state: 'objected', outcome, runnerUpId } });
}
