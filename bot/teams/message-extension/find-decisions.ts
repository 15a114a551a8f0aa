import type { DecisionLog } from '../../app/priority-stores';
import type { TeamRef } from '../../app/team-ref';
import type { LoggedDecision } from '../../domain/decisions';
import {
  adaptiveCard,
  dateOnly,
  heading,
  safe,
  subtle,
  textBlock,
  type AdaptiveCard,
} from '../cards/card-parts';
import { decisionFacts, decisionHeading, decisionWhy } from '../cards/decision-summary';
import type { TeamResolver } from '../priority/team-of';
import type { MessageQueryCommand } from './message-extension';

/** "Find decisions": the team's decisions (of every kind) whose title or reasons have the words typed, newest first. */
export function createFindDecisions(deps: {
  decisions: DecisionLog;
  resolveTeam: TeamResolver;
  tabUrl: (team: TeamRef) => string;
}): MessageQueryCommand {
  return {
    kind: 'query',
    id: 'findDecisions',
    async search(turn, text) {
      const team = await deps.resolveTeam(turn);
      if (!team) return [];
      const words = text.toLocaleLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
      const matches = (decision: LoggedDecision) => {
        const haystack = `${decisionHeading(decision)} ${decisionWhy(decision)}`.toLocaleLowerCase();
        return words.every((word) => haystack.includes(word));
      };
      return (await deps.decisions.recent(team, 100))
        .filter(matches)
        .slice(0, 25)
        .map((decision) => ({
          title: decision.title,
          subtitle: `Decided ${dateOnly(decision.decidedAt)}`,
          card: decisionSummaryCard(decision, deps.tabUrl(team)),
        }));
    },
  };
}

/** A decision as inserted into a conversation: what, when, how, why, and the way to the full log. */
export function decisionSummaryCard(decision: LoggedDecision, tabUrl: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading(safe(decisionHeading(decision), 160)),
      subtle(decisionFacts(decision).join(' · ')),
      textBlock(safe(decisionWhy(decision), 600), { spacing: 'Small' }),
    ],
    [{ type: 'Action.OpenUrl', title: 'Open in tab', url: tabUrl }],
  );
}
