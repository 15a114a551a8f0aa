import type { DecisionLog } from '../../app/priority-stores';
import type { TeamRef } from '../../app/team-ref';
import type { Decision } from '../../domain/decisions';
import {
  adaptiveCard,
  dateOnly,
  heading,
  safe,
  subtle,
  textBlock,
  type AdaptiveCard,
} from '../cards/card-parts';
import type { TeamResolver } from '../priority/team-of';
import type { MessageQueryCommand } from './message-extension';

/** "Find decisions": the team's decisions whose title or rationale has the words typed, newest first. */
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
      const matches = (decision: Decision) => {
        const haystack = `${decision.title} ${decision.rationale}`.toLocaleLowerCase();
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

/** A decision as inserted into a conversation: what, when, why, and the way to the full log. */
export function decisionSummaryCard(decision: Decision, tabUrl: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`Decision: ${safe(decision.title, 140)}`),
      subtle(
        `Decided ${dateOnly(decision.decidedAt)} · turnout ${decision.turnout.voted} of ${decision.turnout.teamSize}`,
      ),
      textBlock(safe(decision.rationale, 600), { spacing: 'Small' }),
    ],
    [{ type: 'Action.OpenUrl', title: 'Open in tab', url: tabUrl }],
  );
}
