// One line and one paragraph for any decision of the log, whatever its kind (vote, release, ended priority).
import { isPriorityClosedDecision, isVoteDecision, type LoggedDecision } from '../../domain/decisions';
import { dateOnly, methodNames } from './card-parts';

/** What the decision is, as a heading: "Decision: …", "We stop: …", "Priority completed: …". */
export function decisionHeading(decision: LoggedDecision): string {
  if (isVoteDecision(decision)) return `Decision: ${decision.title}`;
  if (isPriorityClosedDecision(decision))
    return `${decision.kind === 'priority-completed' ? 'Priority completed' : 'Priority retired'}: ${decision.title}`;
  return `We stop: ${decision.title}`;
}

/** The facts under the title: when, and how it was decided. */
export function decisionFacts(decision: LoggedDecision): string[] {
  const when = `Decided ${dateOnly(decision.decidedAt)}`;
  if (isVoteDecision(decision))
    return [
      when,
      methodNames[decision.method],
      `Turnout: ${decision.turnout.voted} of ${decision.turnout.teamSize} members`,
    ];
  if (isPriorityClosedDecision(decision))
    return [when, decision.kind === 'priority-completed' ? 'Priority completed' : 'Priority retired'];
  return [
    when,
    'Released by consent',
    `${decision.consents} consent · ${decision.standAsides} stand aside · no objection`,
  ];
}

/** Why, in words: the rationale of a vote, the outcomes and learning of an ended priority, what a release makes room for. */
export function decisionWhy(decision: LoggedDecision): string {
  if (isVoteDecision(decision)) return decision.rationale;
  if (isPriorityClosedDecision(decision))
    return `Outcomes: ${decision.outcomes}\n\nWhat we learned: ${decision.learned}`;
  return decision.priority
    ? `We stop doing this to make room for our priority: ${decision.priority.title}`
    : 'We stop doing this to make room for what matters most.';
}
