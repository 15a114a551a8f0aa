import { z } from 'zod';
import type { AckStore } from '../../app/ack-store';
import type { TeamStore } from '../../app/installations';
import type { PriorityClosingService } from '../../app/priority-closing-service';
import type { TeamRef } from '../../app/team-ref';
import type { VoteService } from '../../app/vote-service';
import { MAX_CLOSING_TEXT_LENGTH, type PriorityOutcome } from '../../domain/ownership';
import type { BotCommand, CardAction } from '../bot-command';
import type { BotTurn } from '../bot-turn';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { ballotSharedCard } from '../cards/ballot-card';
import { noticeCard } from '../cards/notice-card';
import { priorityClosedCard, priorityClosingFormCard } from '../cards/priority-closed-card';
import type { ProactiveSender } from '../outbound/proactive';
import { firstIssue, voteOpenData } from '../priority/action-data';
import { ballotCardView } from '../priority/ballot-views';
import { needsTeamMessage, type TeamResolver } from '../priority/team-of';
import { isOnRoster, isTeamOwner, type TeamMember } from '../team-roster';
import { namesFrom } from './ownership-handlers';

const closingText = z
  .string({ required_error: 'write a few words', invalid_type_error: 'expected text' })
  .max(MAX_CLOSING_TEXT_LENGTH, `expected at most ${MAX_CLOSING_TEXT_LENGTH} characters`);
const closeData = z.object({
  priorityId: z.string().min(1).max(1024),
  outcome: z.enum(['completed', 'retired']),
  outcomes: closingText.default(''),
  learned: closingText.default(''),
});

export interface ClosingHandlerDeps {
  closing: PriorityClosingService;
  votes: VoteService;
  acks: AckStore;
  teams: TeamStore;
  proactive: ProactiveSender;
  resolveTeam: TeamResolver;
  tabUrl: (team: TeamRef) => string | null;
}

/** `complete priority`, `retire priority`, the form's submit and `Open a vote on the watch list`. */
export function createClosingHandlers(deps: ClosingHandlerDeps): {
  commands: BotCommand[];
  actions: CardAction[];
} {
  const { closing } = deps;

  const rosterOf = async (turn: BotTurn): Promise<TeamMember[]> => {
    const roster = await turn.roster();
    return isOnRoster(roster, turn.info.user)
      ? roster
      : [
          ...roster,
          { id: turn.info.user.id, aadObjectId: turn.info.user.aadObjectId, name: turn.info.user.name },
        ];
  };
  const actorIn = (turn: BotTurn, roster: readonly TeamMember[]) => ({
    memberId: turn.info.user.id,
    isTeamOwner: isTeamOwner(roster, turn.info.user),
  });

  const closeCommand = (outcome: PriorityOutcome): BotCommand => ({
    name: outcome === 'completed' ? 'complete' : 'retire',
    usage: `${outcome === 'completed' ? 'complete' : 'retire'} priority`,
    description:
      outcome === 'completed'
        ? 'Complete the priority with its outcomes and what was learned (a facilitator or the lead)'
        : 'Retire the priority on purpose, with its outcomes and what was learned (a facilitator or the lead)',
    async run(turn, argument) {
      const team = await deps.resolveTeam(turn);
      if (!team) {
        await turn.replyText(needsTeamMessage);
        return;
      }
      const word = outcome === 'completed' ? 'complete' : 'retire';
      if (
        argument
          .trim()
          .toLowerCase()
          .replace(/^the\s+/, '') !== 'priority'
      ) {
        await turn.replyText(`Say ${word} priority.`);
        return;
      }
      const closable = await closing.closable(team, actorIn(turn, await rosterOf(turn)));
      if (!closable.ok) {
        await turn.replyText(`Nothing changed. ${closable.message}`);
        return;
      }
      await turn.replyCard(priorityClosingFormCard({ priority: closable.value, outcome }));
    },
  });

  const teamAction = (
    verb: string,
    run: (turn: BotTurn, team: TeamRef, data: Record<string, unknown>) => Promise<AdaptiveCard | string>,
    replay: string,
  ): CardAction => ({
    verb,
    changesData: true,
    async run(turn, data) {
      const team = await deps.resolveTeam(turn);
      return team ? run(turn, team, data) : needsTeamMessage;
    },
    replay: () => Promise.resolve(noticeCard(replay)),
  });

  const actions: CardAction[] = [
    teamAction(
      'priority.close',
      async (turn, team, data) => {
        const parsed = closeData.safeParse(data);
        if (!parsed.success) return firstIssue(parsed.error);
        const input = parsed.data;
        const roster = await rosterOf(turn);
        const closed = await closing.close(team, actorIn(turn, roster), input);
        if (!closed.ok) {
          // Text to fix: the form again with the error and what was typed; anything else is a message.
          const still = closed.status === 400 ? await closing.closable(team, actorIn(turn, roster)) : null;
          if (!still?.ok) return `Nothing changed. ${closed.message}`;
          return priorityClosingFormCard({
            priority: still.value,
            outcome: input.outcome,
            error: closed.message,
            values: { outcomes: input.outcomes, learned: input.learned },
          });
        }
        const { decision, watchList } = closed.value;
        const card = priorityClosedCard(decision, {
          watchList,
          decidedByName: namesFrom(roster)(decision.decidedBy),
          tabUrl: deps.tabUrl(team),
        });
        const posted = await turn.postCard(card);
        await deps.acks.saveCard(team, decision.id, posted);
        const channelId = (await deps.teams.get(team.tenantId, team.teamId))?.announcementsChannelId ?? null;
        if (channelId && channelId !== turn.info.channelId)
          await deps.proactive.postToChannel(posted.reference, channelId, card);
        return noticeCard(
          decision.kind === 'priority-completed' ? 'Priority completed.' : 'Priority retired.',
          'The decision is posted below and kept in the decision log.',
        );
      },
      'The priority has ended; the decision is posted in this conversation.',
    ),
    teamAction(
      'watchlist.vote',
      async (turn, team) => {
        const roster = await rosterOf(turn);
        if (!isOnRoster(await turn.roster(), turn.info.user))
          return 'Only members of this team can open a vote.';
        const defaults = voteOpenData.parse({});
        const opened = await closing.voteOnWatchList(
          team,
          { memberId: turn.info.user.id, teamSize: roster.length },
          {
            closesInHours: defaults.closesInHours,
            settings: {
              method: defaults.method,
              closeWhenAllVoted: defaults.closeWhenAllVoted,
              resultsVisibility: defaults.resultsLive ? 'live' : 'after-close',
              anonymous: defaults.anonymous,
              quorum: defaults.quorumPercent / 100,
              consentRound: defaults.consentRound,
              dotsPerMember: defaults.dotsPerMember,
              maxDotsPerCandidate: defaults.maxDotsPerCandidate,
            },
          },
        );
        if (!opened.ok) return `No vote was opened. ${opened.message}`;
        const snapshot = await deps.votes.snapshot(team, opened.value.vote.id);
        if (!snapshot) throw new Error(`vote ${opened.value.vote.id} vanished after opening`);
        const posted = await turn.postCard(ballotSharedCard(ballotCardView(snapshot, roster)));
        await deps.votes.attachCard(team, opened.value.vote.id, posted);
        return noticeCard(
          `${turn.info.user.name} opened a vote on the watch list.`,
          'The ballot card is posted in this conversation: everyone votes there.',
        );
      },
      'The vote is open; the ballot card is posted in this conversation.',
    ),
  ];

  return { commands: [closeCommand('completed'), closeCommand('retired')], actions };
}
