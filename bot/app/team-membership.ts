import type { TeamRef } from './team-ref';

/** A member of a team as Teams knows them: the id the bot sees, and whether they own the team. */
export interface TeamMemberInfo {
  /** The member's Teams channel account id: the same id their ballots and candidates carry. */
  memberId: string;
  name: string;
  isTeamOwner: boolean;
}

/** Raised when Teams cannot say who is in a team right now (the roster read failed). */
export class MembershipUnavailableError extends Error {
  override name = 'MembershipUnavailableError';
}

/** Checks team membership server-side, by Teams' roster, for every tab request. */
export interface TeamMembership {
  /** The member with this Entra object id or channel account id, or null when they are not in the team. */
  find(team: TeamRef, userId: string): Promise<TeamMemberInfo | null>;
  /** Everyone in the team (local mode's "act as" picker). */
  list(team: TeamRef): Promise<TeamMemberInfo[]>;
}
