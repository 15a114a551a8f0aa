import type { VoteSnapshot } from '../../app/vote-service';
import { visibleTally } from '../../domain/voting';
import type { BallotCardView } from '../cards/ballot-card';
import type { TeamMember } from '../team-roster';

/** Teams refreshes a card by itself for at most 60 listed users. */
const maxRefreshUsers = 60;

/** What the ballot card may show now: turnout, names unless anonymous, results only when visible. */
export function ballotCardView(snapshot: VoteSnapshot, roster: readonly TeamMember[]): BallotCardView {
  const { vote } = snapshot.stored;
  const nameOf = namesOf(roster);
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

// A roster is kept (and shared) for a minute, and every ballot's answer needs its names: index it once.
const namesByRoster = new WeakMap<readonly TeamMember[], ReadonlyMap<string, string>>();
function namesOf(roster: readonly TeamMember[]): ReadonlyMap<string, string> {
  let names = namesByRoster.get(roster);
  if (!names) {
    names = new Map(roster.map((member) => [member.id, member.name]));
    namesByRoster.set(roster, names);
  }
  return names;
}
