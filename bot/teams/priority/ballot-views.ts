import type { VoteSnapshot } from '../../app/vote-service';
import { visibleTally } from '../../domain/voting';
import type { BallotCardView } from '../cards/ballot-card';
import { rosterIndex, type TeamMember } from '../team-roster';

/** Teams refreshes a card by itself for at most 60 listed users. */
const maxRefreshUsers = 60;

/** What the ballot card may show now: turnout, names unless anonymous, results only when visible. */
export function ballotCardView(snapshot: VoteSnapshot, roster: readonly TeamMember[]): BallotCardView {
  const { vote } = snapshot.stored;
  const nameOf = rosterIndex(roster).names;
  return {
    vote,
    turnout: {
      voted: vote.status === 'closed' ? vote.turnout.voted : snapshot.ballots.size,
      teamSize: vote.status === 'closed' ? vote.turnout.teamSize : Math.max(1, roster.length),
      voterNames: vote.settings.anonymous
        ? null
        : [...snapshot.ballots.keys()].map((id) => nameOf.get(id) ?? 'A member').sort(),
    },
    tally: visibleTally(vote, snapshot.ballots),
    facilitatorName: nameOf.get(vote.openedBy) ?? 'the facilitator',
    refreshUserIds: roster.slice(0, maxRefreshUsers).map((member) => member.id),
    decisionId: snapshot.stored.decisionId,
  };
}
