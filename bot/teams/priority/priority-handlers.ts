import type { AckStore } from '../../app/ack-store';
import { withBallotOf } from '../../app/ballots-with';
import type { TeamStore } from '../../app/installations';
import type { CandidateService } from '../../app/candidate-service';
import type { DecisionLog, TeamStateStore } from '../../app/priority-stores';
import type { TeamRef } from '../../app/team-ref';
import { ballotReceipt, type VoteService, type VoteSnapshot } from '../../app/vote-service';
import { isVoteDecision, type Decision } from '../../domain/decisions';
import type { ReleaseItem } from '../../domain/ownership';
import type { ClosedVote } from '../../domain/voting';
import type { Clock } from '../../support/clock';
import type { BotCommand, CardAction } from '../bot-command';
import type { BotTurn } from '../bot-turn';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { announcementCard } from '../cards/announcement-card';
import { ballotClosedCard, ballotPersonalCard, ballotSharedCard } from '../cards/ballot-card';
import { candidateCard, candidateEditCard, candidateListCard } from '../cards/candidate-card';
import { noticeCard } from '../cards/notice-card';
import { proposeCard } from '../cards/propose-card';
import { decisionsCard, priorityCard } from '../cards/priority-card';
import type { OwnerSummary } from '../cards/ownership-cards';
import { voteSetupCard } from '../cards/vote-setup-card';
import type { CoalescingSender } from '../outbound/coalescing-sender';
import type { ProactiveSender } from '../outbound/proactive';
import { isOnRoster, isTeamOwner, type TeamMember } from '../team-roster';
import {
  announceData,
  candidateEditData,
  candidateIdData,
  decisionIdData,
  proposeData,
  extendData,
  firstIssue,
  readBallotChoice,
  readConcernResponses,
  tieBreakData,
  voteIdData,
  voteOpenData,
} from './action-data';
import type { BallotCardPublisher } from './ballot-card-publisher';
import { ballotCardView } from './ballot-views';
import { closeCardFor } from './close-card-for';
import { needsTeamMessage, type TeamResolver } from './team-of';

export interface PriorityHandlerDeps {
  candidates: CandidateService;
  votes: VoteService;
  decisions: DecisionLog;
  teamState: TeamStateStore;
  acks: AckStore;
  publisher: BallotCardPublisher;
  sender: CoalescingSender;
  proactive: ProactiveSender;
  clock: Clock;
  /** Link to the tab for a team, or null when there is no tab to open. */
  tabUrl: (team: TeamRef) => string | null;
  resolveTeam: TeamResolver;
  teams: TeamStore;
  /** A link to a posted card, or null where there is none. */
  messageLink: (reference: Record<string, unknown>, activityId: string) => string | null;
  /** The accepted owners of the active priority, for the priority card. */
  owners?: (turn: BotTurn, team: TeamRef) => Promise<OwnerSummary[]>;
  /** The release list of the active priority, shown next to it. */
  releases?: (team: TeamRef) => Promise<ReleaseItem[]>;
}

const personalVoteMessage =
  "Open and close votes in your team's channel (mention me there), so everyone sees the ballot card.";

/** The commands and card actions of choosing one priority together. */
export function createPriorityHandlers(deps: PriorityHandlerDeps): {
  commands: BotCommand[];
  actions: CardAction[];
} {
  const { candidates, votes } = deps;

  const withTeam = async <T>(
    turn: BotTurn,
    run: (team: TeamRef) => Promise<T>,
    orElse: (message: string) => Promise<T> | T,
  ): Promise<T> => {
    const team = await deps.resolveTeam(turn);
    return team ? run(team) : await orElse(needsTeamMessage);
  };
  const member = (turn: BotTurn) => turn.info.user.id;
  const rosterOf = async (turn: BotTurn): Promise<TeamMember[]> => {
    const roster = await turn.roster();
    // The person acting is a member even when the roster read lags behind an addition.
    return isOnRoster(roster, turn.info.user)
      ? roster
      : [
          ...roster,
          { id: turn.info.user.id, aadObjectId: turn.info.user.aadObjectId, name: turn.info.user.name },
        ];
  };

  const setupCard = async (team: TeamRef, error?: string) =>
    voteSetupCard({
      candidates: await candidates.open(team),
      activePriority: (await deps.teamState.get(team))?.value.activePriority ?? null,
      ...(error ? { error } : {}),
    });

  const personalView = async (
    turn: BotTurn,
    team: TeamRef,
    snapshot: VoteSnapshot,
    options: { editing: boolean; error?: string; receipt?: string },
  ) => {
    const roster = await turn.roster();
    const view = ballotCardView(snapshot, roster);
    if (snapshot.stored.vote.status === 'closed')
      return ballotClosedCard(view, options.error ? { error: options.error } : {});
    const ballot = snapshot.ballots.get(member(turn)) ?? null;
    // The receipt is shown whenever the member has a ballot, not only right after submitting it (L-7).
    const receipt = options.receipt ?? (ballot ? ballotReceipt(ballot) : undefined);
    return ballotPersonalCard(view, {
      memberId: member(turn),
      ballot,
      editing: options.editing,
      isFacilitator: snapshot.stored.vote.openedBy === member(turn),
      ...(options.error ? { error: options.error } : {}),
      ...(receipt ? { receipt } : {}),
    });
  };

  const postBallotCard = async (turn: BotTurn, team: TeamRef, voteId: string) => {
    const snapshot = await votes.snapshot(team, voteId);
    if (!snapshot) throw new Error(`vote ${voteId} vanished after opening`);
    const posted = await turn.postCard(ballotSharedCard(ballotCardView(snapshot, await rosterOf(turn))));
    await votes.attachCard(team, voteId, posted);
  };

  /** After a close: the facilitator's next step, posted where the vote is so they find it. */
  const afterClose = (closed: ClosedVote) =>
    closeCardFor({
      vote: closed,
      card: null,
      closing: false,
      counted: null,
      decisionId: null,
      consent: null,
    });

  /** The facilitator's card again, with an error on top, while the vote is closed; else just the message. */
  const closeCardOrMessage = async (
    team: TeamRef,
    voteId: string,
    message: string,
  ): Promise<AdaptiveCard | string> => {
    const stored = (await votes.snapshot(team, voteId))?.stored;
    return stored && stored.vote.status === 'closed'
      ? closeCardFor({ ...stored, vote: stored.vote }, message)
      : message;
  };

  /**
   * Closes the vote now: the facilitator's next step, and whether this press closed it (false when it was
   * closed already, say a press repeated after its answer was lost: the next step again, no error).
   */
  const closeNow = async (
    turn: BotTurn,
    team: TeamRef,
    voteId: string,
  ): Promise<{ nextStep: AdaptiveCard; closedNow: boolean } | string> => {
    const roster = await rosterOf(turn);
    const closed = await votes.close(team, voteId, member(turn), roster.length, {
      isTeamOwner: isTeamOwner(roster, turn.info.user),
    });
    if (!closed.ok) {
      const stored = closed.field === 'member' ? null : (await votes.snapshot(team, voteId))?.stored;
      return stored?.vote.status === 'closed'
        ? { nextStep: closeCardFor({ ...stored, vote: stored.vote }), closedNow: false }
        : closed.message;
    }
    deps.publisher.refresh(team, voteId);
    return { nextStep: afterClose(closed.value), closedNow: true };
  };

  const announce = async (turn: BotTurn, team: TeamRef, decision: Decision): Promise<void> => {
    // A second press of Announce (or a retry after a failure) finds the decision already posted.
    if (await deps.acks.card(team, decision.id)) return;
    const roster = await rosterOf(turn);
    const card = announcementCard(decision, {
      acknowledgedBy: await deps.acks.count(team, decision.id),
      teamSize: roster.length,
      tabUrl: deps.tabUrl(team),
    });
    const posted = await turn.postCard(card);
    await deps.acks.saveCard(team, decision.id, posted);
    // The team may also want its decisions in an announcements channel, as a new post there.
    const channelId = (await deps.teams.get(team.tenantId, team.teamId))?.announcementsChannelId ?? null;
    if (channelId && channelId !== turn.info.channelId)
      await deps.proactive.postToChannel(posted.reference, channelId, card);
  };

  const candidatesCardOf = async (team: TeamRef) => {
    const open = await candidates.open(team);
    const voteOpen = (await votes.openVotes(team)).length > 0;
    return candidateListCard(open, { canOpenVote: open.length >= 2 && !voteOpen });
  };
  const priorityCardOf = async (team: TeamRef, turn: BotTurn) => {
    const state = (await deps.teamState.get(team))?.value;
    const owners = state?.activePriority && deps.owners ? await deps.owners(turn, team) : [];
    const releases = state?.activePriority && deps.releases ? await deps.releases(team) : [];
    return priorityCard(
      { activePriority: state?.activePriority ?? null, watchList: state?.watchList ?? [], owners, releases },
      { tabUrl: deps.tabUrl(team), canRepropose: true },
    );
  };
  const decisionsCardOf = async (team: TeamRef) => {
    const recent = await deps.decisions.recent(team, 10);
    const links = new Map<string, string>();
    for (const decision of recent) {
      const card = await deps.acks.card(team, decision.id);
      const link = card ? deps.messageLink(card.reference, card.activityId) : null;
      if (link) links.set(decision.id, link);
    }
    return decisionsCard(recent, { links });
  };

  /** A command that works on the conversation's team; `channelOnly` ones are refused in personal chat. */
  const teamCommand = (
    help: { name: string; usage: string; description: string },
    run: (turn: BotTurn, team: TeamRef, argument: string) => Promise<void>,
    options: { channelOnly?: boolean } = {},
  ): BotCommand => ({
    ...help,
    run: (turn, argument) =>
      options.channelOnly && turn.info.scope === 'personal'
        ? turn.replyText(personalVoteMessage)
        : withTeam(
            turn,
            (team) => run(turn, team, argument),
            (message) => turn.replyText(message),
          ),
  });

  const commands: BotCommand[] = [
    teamCommand(
      {
        name: 'propose',
        usage: 'propose <text>',
        description: 'Add a candidate priority (up to 140 characters)',
      },
      async (turn, team, argument) => {
        if (argument === '') {
          await turn.replyText(
            'Say what should come first, for example: propose Every student reads at grade level by spring',
          );
          return;
        }
        const proposed = await candidates.propose(team, member(turn), { title: argument });
        if (!proposed.ok) {
          await turn.replyText(`Nothing was added. ${proposed.message}`);
          return;
        }
        await turn.replyCard(
          candidateCard(proposed.value, {
            canChange: true,
            notice: `Proposed by ${turn.info.user.name}`,
          }),
        );
      },
    ),
    teamCommand(
      { name: 'candidates', usage: 'candidates', description: 'The open candidates' },
      async (turn, team) => {
        await turn.replyCard(await candidatesCardOf(team));
      },
    ),
    teamCommand(
      {
        name: 'vote',
        usage: 'vote',
        description: 'Open a vote over the open candidates (you become its facilitator)',
      },
      async (turn, team) => {
        if ((await votes.openVotes(team)).length > 0) {
          await turn.replyText(
            'A vote is already open in this team: vote on its card, or its facilitator can close it.',
          );
          return;
        }
        const open = await candidates.open(team);
        if (open.length < 2) {
          await turn.replyText(
            'A vote needs at least two open candidates. Propose more first: propose <text>',
          );
          return;
        }
        await turn.replyCard(await setupCard(team));
      },
      { channelOnly: true },
    ),
    teamCommand(
      { name: 'close', usage: 'close', description: 'Close the open vote (its facilitator only)' },
      async (turn, team) => {
        const [open] = await votes.openVotes(team);
        if (!open) {
          await turn.replyText('There is no open vote to close.');
          return;
        }
        const closing = await closeNow(turn, team, open.vote.id);
        if (typeof closing === 'string') await turn.replyText(closing);
        else await turn.replyCard(closing.nextStep);
      },
      { channelOnly: true },
    ),
    teamCommand(
      { name: 'priority', usage: 'priority', description: "The team's current priority and the watch list" },
      async (turn, team) => {
        await turn.replyCard(await priorityCardOf(team, turn));
      },
    ),
    teamCommand(
      { name: 'decisions', usage: 'decisions', description: 'Recent decisions, newest first' },
      async (turn, team) => {
        await turn.replyCard(await decisionsCardOf(team));
      },
    ),
  ];

  commands.push({
    name: 'announcements',
    usage: 'announcements here',
    description: "Also announce the team's decisions in this channel (announcements off to stop)",
    async run(turn, argument) {
      const teamId = turn.info.scope === 'team' ? turn.info.teamId : null;
      const choice = argument.toLowerCase();
      if (!teamId || !turn.info.channelId) {
        await turn.replyText('Use this in the team channel where decisions should be announced.');
        return;
      }
      if (choice !== 'here' && choice !== 'off') {
        await turn.replyText(
          'Say announcements here (to announce decisions in this channel too) or announcements off.',
        );
        return;
      }
      await deps.teams.setAnnouncementsChannel(
        turn.info.tenantId,
        teamId,
        choice === 'here' ? turn.info.channelId : null,
      );
      await turn.replyText(
        choice === 'here'
          ? 'Decisions will also be announced in this channel, as well as where each vote happens.'
          : 'Decisions will be announced only where each vote happens.',
      );
    },
  });

  const teamAction = (
    verb: string,
    changesData: boolean,
    run: (turn: BotTurn, team: TeamRef, data: Record<string, unknown>) => Promise<AdaptiveCard | string>,
    replay?: (turn: BotTurn, team: TeamRef, data: Record<string, unknown>) => Promise<AdaptiveCard | string>,
  ): CardAction => ({
    verb,
    changesData,
    run: (turn, data) =>
      withTeam(
        turn,
        (team) => run(turn, team, data),
        (message) => message,
      ),
    ...(replay
      ? {
          replay: (turn: BotTurn, data: Record<string, unknown>) =>
            withTeam(
              turn,
              (team) => replay(turn, team, data),
              (message) => message,
            ),
        }
      : {}),
  });

  const viewBallot = async (
    turn: BotTurn,
    team: TeamRef,
    data: Record<string, unknown>,
    editing: boolean,
  ) => {
    const parsed = voteIdData.safeParse(data);
    if (!parsed.success) return firstIssue(parsed.error);
    // Every member's card asks for this view each time the shared card changes: turnout may come from
    // ballots read a moment ago, the member's own ballot is always read now.
    const snapshot = await votes.snapshot(team, parsed.data.voteId, {
      ballotsMaxAgeMs: 2_000,
      freshFor: member(turn),
      sharedVoteRead: true,
    });
    if (!snapshot) return 'This vote is not in this team.';
    return personalView(turn, team, snapshot, { editing });
  };

  const actions: CardAction[] = [
    // The button paths of the commands (help and welcome cards), so nobody has to remember syntax.
    teamAction('candidates.show', false, (_turn, team) => candidatesCardOf(team)),
    teamAction('priority.show', false, (turn, team) => priorityCardOf(team, turn)),
    teamAction('decisions.show', false, (_turn, team) => decisionsCardOf(team)),
    teamAction('candidate.new', false, () => Promise.resolve(proposeCard())),
    teamAction('candidate.propose', true, async (turn, team, data) => {
      const parsed = proposeData.safeParse(data);
      if (!parsed.success) return proposeCard(firstIssue(parsed.error));
      const proposed = await candidates.propose(team, member(turn), { title: parsed.data.title });
      if (!proposed.ok) return proposeCard(proposed.message);
      await turn.postCard(
        candidateCard(proposed.value, { canChange: true, notice: `Proposed by ${turn.info.user.name}` }),
      );
      return noticeCard('Proposed.', 'The candidate is posted in this conversation.');
    }),
    teamAction('candidate.edit', false, async (turn, team, data) => {
      const parsed = candidateIdData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const candidate = await candidates.get(team, parsed.data.candidateId);
      if (!candidate) return 'This candidate is not in this team.';
      if (candidate.proposedBy !== member(turn))
        return 'Only the member who proposed it can edit this candidate.';
      return candidateEditCard(candidate);
    }),
    teamAction('candidate.save', true, async (turn, team, data) => {
      const parsed = candidateEditData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const { candidateId, ...changes } = parsed.data;
      const saved = await candidates.edit(team, member(turn), candidateId, changes);
      if (!saved.ok) {
        const current = await candidates.get(team, candidateId);
        return current ? candidateEditCard(current, saved.message) : saved.message;
      }
      return candidateCard(saved.value, { canChange: true, notice: 'Saved.' });
    }),
    teamAction('candidate.repropose', true, async (turn, team, data) => {
      const parsed = candidateIdData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const reproposed = await candidates.repropose(team, member(turn), parsed.data.candidateId);
      if (!reproposed.ok) return reproposed.message;
      return candidateCard(reproposed.value, {
        canChange: true,
        notice: `Proposed again by ${turn.info.user.name}: it can be part of the next vote.`,
      });
    }),
    teamAction('candidate.withdraw', true, async (turn, team, data) => {
      const parsed = candidateIdData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const withdrawn = await candidates.withdraw(team, member(turn), parsed.data.candidateId);
      if (!withdrawn.ok) return withdrawn.message;
      return candidateCard(withdrawn.value, {
        canChange: false,
        notice: 'Withdrawn: it is no longer a candidate.',
      });
    }),
    teamAction('vote.setup', false, async (_turn, team) => {
      if ((await votes.openVotes(team)).length > 0) return 'A vote is already open in this team.';
      return setupCard(team);
    }),
    teamAction(
      'vote.open',
      true,
      async (turn, team, data) => {
        const parsed = voteOpenData.safeParse(data);
        if (!parsed.success) return setupCard(team, firstIssue(parsed.error));
        const input = parsed.data;
        const disposition =
          input.disposition === 'replaced'
            ? { kind: 'replaced' as const, reason: input.dispositionReason ?? '' }
            : input.disposition === 'completed'
              ? { kind: 'completed' as const }
              : null;
        const opened = await votes.open(
          team,
          { memberId: member(turn), teamSize: (await rosterOf(turn)).length },
          {
            closesInHours: input.closesInHours,
            disposition,
            settings: {
              method: input.method,
              closeWhenAllVoted: input.closeWhenAllVoted,
              resultsVisibility: input.resultsLive ? 'live' : 'after-close',
              anonymous: input.anonymous,
              quorum: input.quorumPercent / 100,
              consentRound: input.consentRound,
              dotsPerMember: input.dotsPerMember,
              maxDotsPerCandidate: input.maxDotsPerCandidate,
            },
          },
        );
        if (!opened.ok) return setupCard(team, opened.message);
        await postBallotCard(turn, team, opened.value.vote.id);
        return noticeCard(
          `${turn.info.user.name} opened a vote.`,
          'The ballot card is posted in this conversation: everyone votes there.',
        );
      },
      () =>
        Promise.resolve(noticeCard('The vote is open.', 'The ballot card is posted in this conversation.')),
    ),
    teamAction('ballot.view', false, (turn, team, data) => viewBallot(turn, team, data, false)),
    teamAction('ballot.change', false, (turn, team, data) => viewBallot(turn, team, data, true)),
    {
      ...teamAction('ballot.submit', true, async (turn, team, data) => {
        const parsed = voteIdData.safeParse(data);
        if (!parsed.success) return firstIssue(parsed.error);
        const snapshot = await votes.snapshot(team, parsed.data.voteId, {
          ballotsMaxAgeMs: 2_000,
          sharedVoteRead: true,
        });
        if (!snapshot) return 'This vote is not in this team.';
        const roster = await turn.roster();
        const read = readBallotChoice(data, snapshot.stored.vote.settings, snapshot.stored.vote.candidates);
        if (!read.ok) return personalView(turn, team, snapshot, { editing: true, error: read.message });
        const cast = await votes.cast(
          team,
          parsed.data.voteId,
          member(turn),
          { choice: read.choice, concern: read.concern, deliveryId: turn.activityId },
          roster.length,
          snapshot.stored,
        );
        // A redelivered invoke: the ballot is recorded already; answer with the vote as it is now.
        if (cast.ok && cast.value.redelivered) return viewBallot(turn, team, data, false);
        if (!cast.ok) {
          const latest = (await votes.snapshot(team, parsed.data.voteId)) ?? snapshot;
          return personalView(turn, team, latest, {
            editing: latest.stored.vote.status === 'open',
            error: cast.message,
          });
        }
        deps.publisher.refresh(team, parsed.data.voteId);
        // The voter's own view: what was read before, with the ballot just recorded.
        const latest = {
          ...snapshot,
          ballots: withBallotOf(snapshot.ballots, member(turn), cast.value.ballot),
        };
        if (cast.value.everyoneHasVoted) {
          const closed = await votes.close(team, parsed.data.voteId, 'system', roster.length);
          if (closed.ok) {
            deps.publisher.refresh(team, parsed.data.voteId);
            await turn.postCard(afterClose(closed.value));
          }
        }
        return personalView(turn, team, latest, { editing: false, receipt: cast.value.receipt });
      }),
      // The ballot's own write is keyed by the invoke's id, so no separate claim is needed.
      deduplicates: true,
    },
    teamAction('vote.close', true, async (turn, team, data) => {
      const parsed = voteIdData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const closing = await closeNow(turn, team, parsed.data.voteId);
      if (typeof closing === 'string') return closing;
      if (!closing.closedNow) return closing.nextStep;
      // The next step is a message of its own in the vote's thread, not this card's answer: the shared
      // card's update that follows the close replaces this card for everyone, the facilitator included,
      // and would take the rationale form away with whatever they had typed in it.
      await turn.postCard(closing.nextStep);
      const snapshot = await votes.snapshot(team, parsed.data.voteId);
      return snapshot
        ? personalView(turn, team, snapshot, { editing: false })
        : noticeCard('Vote closed.', 'The next step is posted in this conversation.');
    }),
    teamAction(
      'decision.announce',
      true,
      async (turn, team, data) => {
        const parsed = announceData.safeParse(data);
        if (!parsed.success) return firstIssue(parsed.error);
        const decided = await votes.announce(
          team,
          parsed.data.voteId,
          member(turn),
          parsed.data.rationale,
          readConcernResponses(data),
        );
        if (!decided.ok) return closeCardOrMessage(team, parsed.data.voteId, decided.message);
        await announce(turn, team, decided.value);
        deps.publisher.refresh(team, parsed.data.voteId);
        return noticeCard(
          `Announced: ${decided.value.title.length > 0 ? 'the decision is posted below.' : ''}`,
          'It is kept in the decision log.',
        );
      },
      () => Promise.resolve(noticeCard('Announced.', 'The decision is posted in this conversation.')),
    ),
    teamAction('vote.runoff', true, async (turn, team, data) => {
      const parsed = voteIdData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const runoff = await votes.runoff(team, parsed.data.voteId, member(turn));
      if (!runoff.ok) return runoff.message;
      await postBallotCard(turn, team, runoff.value.vote.id);
      return noticeCard(
        'Runoff opened among the tied candidates.',
        'Its ballot card is posted in this conversation.',
      );
    }),
    teamAction('vote.tiebreak', true, async (turn, team, data) => {
      const parsed = tieBreakData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const resolved = await votes.tieBreak(
        team,
        parsed.data.voteId,
        member(turn),
        parsed.data.chosenId,
        parsed.data.tieBreakReason,
      );
      if (!resolved.ok) return closeCardOrMessage(team, parsed.data.voteId, resolved.message);
      return afterClose(resolved.value);
    }),
    teamAction('vote.extend', true, async (turn, team, data) => {
      const parsed = extendData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const extended = await votes.extend(team, parsed.data.voteId, member(turn), parsed.data.hours, {
        isTeamOwner: isTeamOwner(await turn.roster(), turn.info.user),
      });
      if (!extended.ok) return extended.message;
      deps.publisher.refresh(team, parsed.data.voteId);
      return noticeCard(
        'The vote is open again.',
        'Members can vote on the ballot card until the new closing time.',
      );
    }),
    teamAction('decision.ack', true, async (turn, team, data) => {
      const parsed = decisionIdData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const decision = await deps.decisions.get(team, parsed.data.decisionId);
      if (!decision) return 'This decision is not in this team.';
      if (!isVoteDecision(decision))
        return 'This decision is kept in the decision log; there is nothing to acknowledge.';
      const roster = await rosterOf(turn);
      const acknowledgedBy = await deps.acks.acknowledge(
        team,
        decision.id,
        member(turn),
        deps.clock.now().toISOString(),
      );
      const card = await deps.acks.card(team, decision.id);
      if (card) {
        deps.sender.request(`${team.tenantId}|${team.teamId}`, `ack|${decision.id}`, async () => {
          const latest = await deps.acks.count(team, decision.id);
          await deps.proactive.updateCard(
            card.reference,
            card.activityId,
            announcementCard(decision, {
              acknowledgedBy: latest,
              teamSize: roster.length,
              tabUrl: deps.tabUrl(team),
            }),
          );
        });
      }
      return announcementCard(decision, {
        acknowledgedBy,
        teamSize: roster.length,
        tabUrl: deps.tabUrl(team),
      });
    }),
  ];

  return { commands, actions };
}
