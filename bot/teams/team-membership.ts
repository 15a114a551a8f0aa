import type { ConversationStore } from '../app/installations';
import { MembershipUnavailableError, type TeamMembership } from '../app/team-membership';
import type { TeamRef } from '../app/team-ref';
import type { ProactiveSender } from './outbound/proactive';
import type { RosterCache, TeamMember } from './team-roster';

/** Team membership from Teams' roster, read with the bot's credentials through a stored conversation. */
export function createTeamMembership(deps: {
  conversations: ConversationStore;
  proactive: ProactiveSender;
  rosters: RosterCache;
}): TeamMembership {
  const roster = async (team: TeamRef): Promise<TeamMember[]> => {
    const installations = await deps.conversations.listForTeam(team.tenantId, team.teamId);
    const installation =
      installations.find((each) => each.conversationId === team.teamId) ?? installations[0];
    if (!installation) throw new MembershipUnavailableError('the bot has no conversation in this team yet');
    let members: TeamMember[] = [];
    try {
      await deps.proactive.run(installation.reference, async (context) => {
        members = await deps.rosters.membersOfTeam(context, team.tenantId, team.teamId);
      });
    } catch (error: unknown) {
      throw new MembershipUnavailableError('Teams did not answer who is in this team', { cause: error });
    }
    return members;
  };
  const info = (member: TeamMember) => ({
    memberId: member.id,
    name: member.name,
    isTeamOwner: member.role === 'owner',
  });
  return {
    async find(team, userId) {
      const member = (await roster(team)).find(
        (each) => each.id === userId || (each.aadObjectId !== null && each.aadObjectId === userId),
      );
      return member ? info(member) : null;
    },
    list: async (team) => (await roster(team)).map(info),
  };
}
