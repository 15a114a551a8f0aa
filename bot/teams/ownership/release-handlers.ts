import { z } from 'zod';
import type { ConversationStore, TeamStore } from '../../app/installations';
import type { BallotCardRef } from '../../app/priority-stores';
import type { ReleaseService, ReleaseSnapshot } from '../../app/release-service';
import type { TeamRef } from '../../app/team-ref';
import type { ReleaseDecision } from '../../domain/ownership';
import type { Logger } from '../../support/logger';
import type { BotCommand, CardAction } from '../bot-command';
import type { BotTurn } from '../bot-turn';
import type { AdaptiveCard } from '../cards/adaptive-card';
import {
  releaseConsentCard,
  releaseDecisionCard,
  releaseListCard,
  type NameOf,
  type ReleaseViewer,
} from '../cards/release-card';
import type { CoalescingSender } from '../outbound/coalescing-sender';
import type { ProactiveSender } from '../outbound/proactive';
import { firstIssue } from '../priority/action-data';
import { needsTeamMessage, type TeamResolver } from '../priority/team-of';
import { isOnRoster, isTeamOwner, type TeamMember } from '../team-roster';
import { namesFrom } from './ownership-handlers';

// Card action data of the release consent card, checked once here.
const id = z.string().min(1).max(1024);
const releaseIdData = z.object({ releaseId: id });
const releaseRespondData = z.object({
  releaseId: id,
  answer: z.enum(['consent', 'stand-aside', 'object'], {
    errorMap: () => ({ message: 'answer: choose Consent, Stand aside or Object' }),
  }),
  reason: z
    .string({ invalid_type_error: 'reason: expected text' })
    .max(1000, 'reason: expected at most 1000 characters')
    .optional()
    .transform((text) => (text && text.trim() !== '' ? text.trim() : null)),
});

/** Release cards outside a member's own turn: the consent card of a tab proposal, and updates for everyone. */
export interface ReleaseCards {
  /** Posts the consent card of an item proposed from the tab in the team's channel; never throws. */
  postProposal(team: TeamRef, snapshot: ReleaseSnapshot, names: TeamMember[]): Promise<void>;
  /** Updates the posted consent card for everyone. */
  refresh(team: TeamRef, snapshot: ReleaseSnapshot, names: readonly TeamMember[]): void;
}

export interface ReleaseDeps {
  releases: ReleaseService;
  conversations: ConversationStore;
  teams: TeamStore;
  proactive: ProactiveSender;
  sender: CoalescingSender;
  resolveTeam: TeamResolver;
  logger: Logger;
  tabUrl: (team: TeamRef) => string | null;
}

/** The view the consent card shows of a snapshot. */
function cardView(snapshot: ReleaseSnapshot, roster: readonly TeamMember[]) {
  return {
    item: snapshot.stored.item,
    priority: snapshot.stored.priority,
    responses: snapshot.responses,
    objections: snapshot.stored.objections,
    teamSize: Math.max(1, roster.length),
    nameOf: namesFrom(roster),
  };
}

/** Posting and refreshing release consent cards from outside a turn. */
export function createReleaseCards(deps: ReleaseDeps): ReleaseCards {
  const channelOf = async (team: TeamRef) => {
    const installations = await deps.conversations.listForTeam(team.tenantId, team.teamId);
    return (
      installations.find((each) => each.conversationId === team.teamId) ??
      installations.find((each) => each.scope === 'team') ??
      null
    );
  };
  return {
    async postProposal(team, snapshot, roster) {
      try {
        const channel = await channelOf(team);
        if (!channel) {
          deps.logger.warn('no channel to post the release card to', { teamId: team.teamId });
          return;
        }
        const activityId = await deps.proactive.postCard(
          channel.reference,
          releaseConsentCard(cardView(snapshot, roster)),
        );
        if (activityId)
          await deps.releases.attachCard(team, snapshot.stored.item.id, {
            conversationId: channel.conversationId,
            activityId,
            reference: channel.reference,
          });
      } catch (error: unknown) {
        // The proposal itself is stored; a card Teams did not take is logged, not undone.
        deps.logger.warn('posting the release card failed; the proposal itself is stored', { error });
      }
    },
    refresh(team, snapshot, roster) {
      const card = snapshot.stored.card;
      if (!card) return;
      deps.sender.request(card.conversationId, `release|${snapshot.stored.item.id}`, async () => {
        // Read again when sending, so coalesced updates always show the latest answers.
        const latest = (await deps.releases.get(team, snapshot.stored.item.id)) ?? snapshot;
        await deps.proactive.updateCard(
          card.reference,
          card.activityId,
          releaseConsentCard(cardView(latest, roster)),
        );
      });
    },
  };
}

/** `release <text>`, `releases`, and the buttons of the release consent card. */
export function createReleaseHandlers(deps: ReleaseDeps & { cards: ReleaseCards }): {
  commands: BotCommand[];
  actions: CardAction[];
} {
  const { releases } = deps;

  const rosterOf = async (turn: BotTurn): Promise<TeamMember[]> => {
    const roster = await turn.roster();
    return isOnRoster(roster, turn.info.user)
      ? roster
      : [
          ...roster,
          { id: turn.info.user.id, aadObjectId: turn.info.user.aadObjectId, name: turn.info.user.name },
        ];
  };

  /** Posts the decision where the round happened, and in the announcements channel when the team set one. */
  const announce = async (turn: BotTurn, team: TeamRef, decision: ReleaseDecision, nameOf: NameOf) => {
    const card = releaseDecisionCard(decision, { nameOf, tabUrl: deps.tabUrl(team) });
    const posted = await turn.postCard(card);
    const channelId = (await deps.teams.get(team.tenantId, team.teamId))?.announcementsChannelId ?? null;
    if (channelId && channelId !== turn.info.channelId)
      await deps.proactive.postToChannel(posted.reference, channelId, card);
  };

  const command = (
    help: { name: string; usage: string; description: string },
    run: (turn: BotTurn, team: TeamRef, argument: string) => Promise<void>,
  ): BotCommand => ({
    ...help,
    async run(turn, argument) {
      const team = await deps.resolveTeam(turn);
      if (!team) await turn.replyText(needsTeamMessage);
      else await run(turn, team, argument);
    },
  });

  const cardAction = (
    verb: string,
    run: (turn: BotTurn, team: TeamRef, data: Record<string, unknown>) => Promise<AdaptiveCard | string>,
  ): CardAction => ({
    verb,
    changesData: true,
    async run(turn, data) {
      const team = await deps.resolveTeam(turn);
      return team ? run(turn, team, data) : needsTeamMessage;
    },
  });

  /** The card again for the member who pressed a button, with their answer, an error or a notice. */
  const personal = async (
    turn: BotTurn,
    team: TeamRef,
    releaseId: string,
    viewer: Omit<ReleaseViewer, 'memberId'> = {},
  ): Promise<AdaptiveCard | string> => {
    const snapshot = await releases.get(team, releaseId);
    if (!snapshot) return 'This item is not on the release list of this team.';
    return releaseConsentCard(cardView(snapshot, await rosterOf(turn)), {
      memberId: turn.info.user.id,
      ...viewer,
    });
  };

  const commands: BotCommand[] = [
    command(
      {
        name: 'release',
        usage: 'release <text>',
        description:
          'Propose something the team stops doing to make room for the priority (decided by consent)',
      },
      async (turn, team, argument) => {
        if (argument === '') {
          await turn.replyText(
            'Say what the team would stop doing, for example: release the weekly newsletter meeting',
          );
          return;
        }
        const proposed = await releases.propose(team, turn.info.user.id, argument);
        if (!proposed.ok) {
          await turn.replyText(`Nothing was proposed. ${proposed.message}`);
          return;
        }
        const posted: BallotCardRef = await turn.postCard(
          releaseConsentCard(cardView(proposed.value, await rosterOf(turn))),
        );
        await releases.attachCard(team, proposed.value.stored.item.id, posted);
      },
    ),
    command(
      {
        name: 'releases',
        usage: 'releases',
        description: 'The release list: what the team stops doing to make room for the priority',
      },
      async (turn, team) => {
        const priority = await releases.currentPriority(team);
        const items = priority ? await releases.list(team, priority.id) : [];
        await turn.replyCard(
          releaseListCard(
            priority,
            items.map((stored) => stored.item),
          ),
        );
      },
    ),
  ];

  const actions: CardAction[] = [
    cardAction('release.respond', async (turn, team, data) => {
      const parsed = releaseRespondData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const { releaseId, answer, reason } = parsed.data;
      const roster = await turn.roster();
      if (!isOnRoster(roster, turn.info.user)) return 'Only members of this team can answer.';
      const answered = await releases.respond(team, releaseId, turn.info.user.id, answer, reason);
      if (!answered.ok) return personal(turn, team, releaseId, { error: answered.message });
      deps.cards.refresh(team, answered.value, roster);
      return releaseConsentCard(cardView(answered.value, roster), { memberId: turn.info.user.id });
    }),
    cardAction('release.withdraw', async (turn, team, data) => {
      const parsed = releaseIdData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const withdrawn = await releases.withdraw(team, parsed.data.releaseId, turn.info.user.id);
      if (!withdrawn.ok) return personal(turn, team, parsed.data.releaseId, { error: withdrawn.message });
      const roster = await rosterOf(turn);
      deps.cards.refresh(team, withdrawn.value, roster);
      return releaseConsentCard(cardView(withdrawn.value, roster));
    }),
    cardAction('release.close', async (turn, team, data) => {
      const parsed = releaseIdData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const roster = await rosterOf(turn);
      const closed = await releases.close(team, parsed.data.releaseId, {
        memberId: turn.info.user.id,
        isTeamOwner: isTeamOwner(roster, turn.info.user),
      });
      if (!closed.ok) return personal(turn, team, parsed.data.releaseId, { error: closed.message });
      const { snapshot } = closed.value;
      deps.cards.refresh(team, snapshot, roster);
      if (closed.value.kind === 'objected')
        return releaseConsentCard(cardView(snapshot, roster), {
          memberId: turn.info.user.id,
          error: 'Objections were raised, so nothing is decided: it stays on the list until nobody objects.',
        });
      await announce(turn, team, closed.value.decision, namesFrom(roster));
      return releaseConsentCard(cardView(snapshot, roster));
    }),
  ];

  return { commands, actions };
}
