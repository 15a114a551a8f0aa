import type { TeamRef } from '../../app/team-ref';
import type { ConsentSnapshot, VoteService } from '../../app/vote-service';
import type { CardAction } from '../bot-command';
import type { BotTurn } from '../bot-turn';
import { consentPersonalCard, consentSharedCard, type ConsentCardView } from '../cards/consent-card';
import { noticeCard } from '../cards/notice-card';
import type { TeamMember } from '../team-roster';
import { consentRespondData, consentStartData, firstIssue, voteIdData } from './action-data';
import type { BallotCardPublisher } from './ballot-card-publisher';
import { closeCardFor } from './close-card-for';
import { needsTeamMessage, type TeamResolver } from './team-of';

/** What the consent cards may show now. */
export function consentCardView(snapshot: ConsentSnapshot, roster: readonly TeamMember[]): ConsentCardView {
  const { vote, consent } = snapshot.stored;
  const nameOf = new Map(roster.map((member) => [member.id, member.name]));
  return {
    vote,
    round: consent.round,
    responses: snapshot.responses,
    teamSize: Math.max(1, roster.length),
    memberNames: nameOf,
    facilitatorName: nameOf.get(vote.openedBy) ?? 'the facilitator',
    refreshUserIds: roster.slice(0, 60).map((member) => member.id),
    outcome: consent.outcome,
  };
}

/** Card actions of the consent round: "Can everyone live with this?". */
export function createConsentActions(deps: {
  votes: VoteService;
  publisher: BallotCardPublisher;
  resolveTeam: TeamResolver;
}): CardAction[] {
  const { votes } = deps;
  const withTeam = async (
    turn: BotTurn,
    run: (team: TeamRef) => Promise<Awaited<ReturnType<CardAction['run']>>>,
  ) => {
    const team = await deps.resolveTeam(turn);
    return team ? run(team) : needsTeamMessage;
  };
  const noRound = 'There is no consent round on this vote.';
  const personalOf = async (
    turn: BotTurn,
    snapshot: ConsentSnapshot,
    options: { editing: boolean; error?: string },
  ) =>
    consentPersonalCard(consentCardView(snapshot, await turn.roster()), {
      memberId: turn.info.user.id,
      isFacilitator: snapshot.stored.vote.openedBy === turn.info.user.id,
      editing: options.editing,
      ...(options.error ? { error: options.error } : {}),
    });
  const personal = async (
    turn: BotTurn,
    team: TeamRef,
    voteId: string,
    options: { editing: boolean; error?: string },
  ) => {
    const snapshot = await votes.consentSnapshot(team, voteId);
    return snapshot ? personalOf(turn, snapshot, options) : noRound;
  };
  const view = (editing: boolean) => (turn: BotTurn, data: Record<string, unknown>) =>
    withTeam(turn, async (team) => {
      const parsed = voteIdData.safeParse(data);
      return parsed.success
        ? personal(turn, team, parsed.data.voteId, { editing })
        : firstIssue(parsed.error);
    });

  return [
    {
      verb: 'consent.start',
      changesData: true,
      run: (turn, data) =>
        withTeam(turn, async (team) => {
          const parsed = consentStartData.safeParse(data);
          if (!parsed.success) return firstIssue(parsed.error);
          const started = await votes.startConsent(team, parsed.data.voteId, turn.info.user.id, {
            ...(parsed.data.candidateId ? { candidateId: parsed.data.candidateId } : {}),
            ...(parsed.data.amendment ? { amendment: parsed.data.amendment } : {}),
          });
          if (!started.ok) {
            const snapshot = await votes.snapshot(team, parsed.data.voteId);
            const stored = snapshot?.stored;
            return stored && stored.vote.status === 'closed'
              ? closeCardFor({ ...stored, vote: stored.vote }, started.message)
              : started.message;
          }
          const snapshot = await votes.consentSnapshot(team, parsed.data.voteId);
          if (!snapshot) throw new Error('consent round vanished after starting');
          const posted = await turn.postCard(
            consentSharedCard(consentCardView(snapshot, await turn.roster())),
          );
          await votes.attachConsentCard(team, parsed.data.voteId, posted);
          return noticeCard(
            'Consent round started.',
            'Everyone answers on the card posted in this conversation.',
          );
        }),
      replay: () => Promise.resolve(noticeCard('Consent round started.')),
    },
    { verb: 'consent.view', changesData: false, run: view(false) },
    { verb: 'consent.change', changesData: false, run: view(true) },
    {
      verb: 'consent.respond',
      changesData: true,
      run: (turn, data) =>
        withTeam(turn, async (team) => {
          const parsed = consentRespondData.safeParse(data);
          if (!parsed.success) return firstIssue(parsed.error);
          const answered = await votes.respondConsent(
            team,
            parsed.data.voteId,
            turn.info.user.id,
            parsed.data.answer,
            parsed.data.reason,
          );
          if (!answered.ok)
            return personal(turn, team, parsed.data.voteId, { editing: true, error: answered.message });
          deps.publisher.refreshConsent(team, parsed.data.voteId);
          return personal(turn, team, parsed.data.voteId, { editing: false });
        }),
      replay: view(false),
    },
    {
      verb: 'consent.finish',
      changesData: true,
      run: (turn, data) =>
        withTeam(turn, async (team) => {
          const parsed = voteIdData.safeParse(data);
          if (!parsed.success) return firstIssue(parsed.error);
          const finished = await votes.finishConsent(team, parsed.data.voteId, turn.info.user.id);
          if (!finished.ok) return finished.message;
          deps.publisher.refreshConsent(team, parsed.data.voteId);
          const snapshot = await votes.consentSnapshot(team, parsed.data.voteId);
          if (!snapshot) return noRound;
          // The next step is a message of its own, as after Close vote: the consent card's update that follows
          // replaces this card for everyone, and would take the next step away from the facilitator.
          await turn.postCard(closeCardFor(snapshot.stored));
          return personalOf(turn, snapshot, { editing: false });
        }),
    },
  ];
}
