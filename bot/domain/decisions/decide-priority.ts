import { fail, ok, type ClosedVote, type ConsentOutcome, type Result } from '../voting';
import type { Decision, DecisionConcern, Priority, WatchListEntry } from './decision-types';

/** Everything needed to turn a closed vote into the team's priority. */
export type DecidePriorityInput = {
  readonly vote: ClosedVote;
  /** Required when the vote's settings ask for a consent round. */
  readonly consent?: ConsentOutcome | null;
  readonly decisionId: string;
  readonly priorityId: string;
  /** The facilitator's short rationale, 1..1000 characters. */
  readonly rationale: string;
  /** One response per concern raised on the ballots. */
  readonly concernResponses: readonly { readonly concernId: string; readonly response: string }[];
  /** For a runoff: the vote(s) it followed, most recent first, so their other candidates join the watch list (P-5). */
  readonly earlierVotes?: readonly ClosedVote[];
  /** The team's active priority, or null. */
  readonly activePriority: Priority | null;
  readonly decidedBy: string;
  readonly now: string;
};

/** A decided priority: the new priority, the one it ended, the watch list and the decision record. */
export type PriorityDecided = {
  readonly priority: Priority;
  readonly endedPriority: Priority | null;
  readonly watchList: readonly WatchListEntry[];
  readonly decision: Decision;
};

/** Makes the vote's winner (or the candidate adopted by consent) the team's one priority (D-1..D-7, P-1..P-4). */
export function decidePriority(input: DecidePriorityInput): Result<PriorityDecided> {
  const { vote } = input;
  const chosen = chosenCandidate(vote, input.consent ?? null);
  if (!chosen.ok) return chosen;
  const candidate = vote.candidates.find((c) => c.id === chosen.value);
  if (!candidate) return fail('vote', `"${chosen.value}" is not a candidate of this vote`);

  const rationale = input.rationale.trim();
  if (rationale.length < 1 || rationale.length > 1000)
    return fail('rationale', 'expected 1 to 1000 characters');

  const concerns = answerConcerns(vote, input.concernResponses);
  if (!concerns.ok) return concerns;

  const ended = endActivePriority(vote, input.activePriority, input.now);
  if (!ended.ok) return ended;

  const earlierVotes = input.earlierVotes ?? [];
  if (vote.runoffOf !== null && !earlierVotes.some((v) => v.id === vote.runoffOf)) {
    return fail('earlierVotes', `a runoff needs the vote it followed ("${vote.runoffOf}")`);
  }
  const watchList = watchListOf([vote, ...earlierVotes], chosen.value);
  const disposition = vote.currentPriorityDisposition;
  const amendment = input.consent?.amendment ?? null;
  const priority: Priority = {
    id: input.priorityId,
    teamId: vote.teamId,
    candidateId: candidate.id,
    title: candidate.title,
    amendment,
    decisionId: input.decisionId,
    chosenAt: input.now,
    status: 'active',
    endedAt: null,
    endReason: null,
  };
  const tally = vote.tally;
  const decision: Decision = {
    id: input.decisionId,
    teamId: vote.teamId,
    kind: 'priority-chosen',
    title: candidate.title,
    rationale,
    method: vote.settings.method,
    turnout: vote.turnout,
    result: {
      voteId: vote.id,
      standings: tally?.standings ?? [],
      rounds: tally?.method === 'ranked-choice' ? tally.rounds : null,
      headToHead: tally?.method === 'ranked-choice' ? tally.headToHead : null,
      condorcetWinner: tally?.method === 'ranked-choice' ? tally.condorcetWinner : null,
      condorcetDisagrees: tally?.method === 'ranked-choice' ? tally.condorcetDisagrees : false,
      tieResolution: vote.outcome.kind === 'decided' ? vote.outcome.tieResolution : null,
      consent: input.consent ?? null,
    },
    concerns: concerns.value,
    watchList,
    previousPriority: disposition,
    decidedAt: input.now,
    decidedBy: input.decidedBy,
    // D-7: replacing a priority supersedes the decision that chose it; completing it does not.
    supersedes: disposition?.kind === 'replaced' ? (input.activePriority?.decisionId ?? null) : null,
  };
  return ok({ priority, endedPriority: ended.value, watchList, decision });
}

// D-1, D-2: a tied or no-quorum vote decides nothing; with a consent round, only an adopted candidate is chosen.
function chosenCandidate(vote: ClosedVote, consent: ConsentOutcome | null): Result<string> {
  if (vote.outcome.kind === 'no-quorum')
    return fail('vote', 'the vote closed without quorum, so nothing was decided');
  if (vote.outcome.kind === 'tied') {
    return fail('vote', 'the vote is tied: hold a runoff or record the facilitator’s stated tie-break first');
  }
  const winnerId = vote.outcome.winnerId;
  if (consent === null) {
    return vote.settings.consentRound
      ? fail('consent', 'this vote needs a consent round before deciding')
      : ok(winnerId);
  }
  if (consent.voteId !== vote.id) return fail('consent', 'the consent round belongs to another vote');
  if (consent.kind === 'objected') {
    return fail(
      'consent',
      `${consent.objections.length} objection(s): amend and re-run, or put the runner-up to consent`,
    );
  }
  const runnerUp = vote.tally?.runnerUp ?? null;
  if (consent.candidateId !== winnerId && consent.candidateId !== runnerUp) {
    return fail('consent', 'the adopted candidate is neither the winner nor the runner-up');
  }
  return ok(consent.candidateId);
}

// D-4: every concern raised gets a response; responses to unknown concerns are refused.
function answerConcerns(
  vote: ClosedVote,
  responses: readonly { readonly concernId: string; readonly response: string }[],
): Result<DecisionConcern[]> {
  const known = new Set(vote.concerns.map((c) => c.id));
  const unknown = responses.find((r) => !known.has(r.concernId));
  if (unknown) return fail('concernResponses', `"${unknown.concernId}" is not a concern of this vote`);
  const answered: DecisionConcern[] = [];
  for (const concern of vote.concerns) {
    const response = responses.find((r) => r.concernId === concern.id)?.response.trim() ?? '';
    if (response.length < 1 || response.length > 1000) {
      return fail(`concernResponses.${concern.id}`, 'respond to this concern in 1 to 1000 characters');
    }
    answered.push({ concernId: concern.id, text: concern.text, response });
  }
  return ok(answered);
}

// P-1, P-3: the active priority must have been given a disposition when the vote opened, and it ends now.
function endActivePriority(vote: ClosedVote, active: Priority | null, now: string): Result<Priority | null> {
  const disposition = vote.currentPriorityDisposition;
  if (active === null || active.status !== 'active') {
    return disposition === null
      ? ok(null)
      : fail('activePriority', 'the vote names an active priority that was not given');
  }
  if (active.teamId !== vote.teamId)
    return fail('activePriority', 'the active priority belongs to another team');
  if (disposition === null) {
    return fail(
      'activePriority',
      'the team already has an active priority and the vote did not record what happens to it',
    );
  }
  if (disposition.priorityId !== active.id) {
    return fail(
      'activePriority',
      `the vote was opened about priority "${disposition.priorityId}", not "${active.id}"`,
    );
  }
  return ok({
    ...active,
    status: disposition.kind,
    endedAt: now,
    endReason: disposition.kind === 'replaced' ? disposition.reason : null,
  });
}

// P-4, P-5: every other candidate goes to the watch list with its place and total in the latest vote it was in.
function watchListOf(votes: readonly ClosedVote[], chosenId: string): WatchListEntry[] {
  const listed = new Set([chosenId]);
  const entries: WatchListEntry[] = [];
  for (const vote of votes) {
    const standings = vote.tally?.standings ?? [];
    const fromVote = vote.candidates
      .filter((c) => !listed.has(c.id))
      .map((c) => {
        const standing = standings.find((s) => s.candidateId === c.id);
        return {
          candidateId: c.id,
          title: c.title,
          place: standing?.place ?? 0,
          total: standing?.total ?? 0,
          voteId: vote.id,
        };
      })
      .sort((a, b) => a.place - b.place);
    for (const entry of fromVote) listed.add(entry.candidateId);
    entries.push(...fromVote);
  }
  return entries;
}
