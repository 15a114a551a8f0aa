import type { OwnershipService } from '../../app/ownership-service';
import type { TeamRef } from '../../app/team-ref';
import type { Clock } from '../../support/clock';
import type { BotCommand, CardAction } from '../bot-command';
import type { BotTurn } from '../bot-turn';
import type { AdaptiveCard } from '../cards/adaptive-card';
import {
  actionCard,
  assignmentCard,
  ownerSummaries,
  ownersCard,
  roleNames,
  type OwnerSummary,
  type NameOf,
  type PriorityRef,
} from '../cards/ownership-cards';
import { firstIssue } from '../priority/action-data';
import { needsTeamMessage, teamOf, type TeamResolver } from '../priority/team-of';
import { isOnRoster, isTeamOwner, type TeamMember } from '../team-roster';
import { actionStatusData, assignmentKeyData, declineData, statementData } from './action-data';
import type { OwnershipPublisher } from './ownership-publisher';
import { dueDateFormats, parseActionCommand, parseAssign, parseDueDate } from './ownership-text';

export interface OwnershipHandlerDeps {
  ownership: OwnershipService;
  publisher: OwnershipPublisher;
  resolveTeam: TeamResolver;
  clock: Clock;
}

/** A name lookup over a roster; someone no longer on it reads as "a former member". */
export function namesFrom(roster: readonly TeamMember[]): NameOf {
  const names = new Map(roster.map((member) => [member.id, member.name]));
  return (memberId) => names.get(memberId) ?? 'A former member';
}

/** The commands and card actions of owners, roles and small next actions on the active priority. */
export function createOwnershipHandlers(deps: OwnershipHandlerDeps): {
  commands: BotCommand[];
  actions: CardAction[];
  /** The accepted owners of the active priority, named from the turn's roster (for the priority card). */
  owners: (turn: BotTurn, team: TeamRef) => Promise<OwnerSummary[]>;
} {
  const { ownership, publisher } = deps;

  /** The team's roster as this turn can read it, with the person acting on it even if the read lags. */
  const rosterFor = async (turn: BotTurn, team: TeamRef): Promise<TeamMember[]> => {
    const roster =
      turn.info.scope === 'personal' ? await turn.rosterOfTeam(team.teamId) : await turn.roster();
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

  /** A card's team: the conversation's own, or in personal chat the team the card names, if the member is in it. */
  const teamForCard = async (turn: BotTurn, data: Record<string, unknown>): Promise<TeamRef | null> => {
    const own = teamOf(turn.info);
    if (own) return own;
    if (turn.info.scope === 'personal' && typeof data.teamId === 'string' && data.teamId !== '') {
      const members = await turn.rosterOfTeam(data.teamId);
      if (isOnRoster(members, turn.info.user)) return { tenantId: turn.info.tenantId, teamId: data.teamId };
      return null;
    }
    return deps.resolveTeam(turn);
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
    changesData: boolean,
    run: (turn: BotTurn, team: TeamRef, data: Record<string, unknown>) => Promise<AdaptiveCard | string>,
  ): CardAction => ({
    verb,
    changesData,
    async run(turn, data) {
      const team = await teamForCard(turn, data);
      return team ? run(turn, team, data) : 'This card belongs to a team you are not in, so nothing changed.';
    },
  });

  const refPriority = (priority: { id: string; title: string }): PriorityRef => ({
    id: priority.id,
    title: priority.title,
  });

  const commands: BotCommand[] = [
    command(
      {
        name: 'assign',
        usage: 'assign @person as <role>',
        description: `Ask a member to take a role on the priority: ${Object.values(roleNames).join(', ').toLowerCase()}`,
      },
      async (turn, team, argument) => {
        const parsed = parseAssign(argument, turn.mentions);
        if (!parsed.ok) {
          await turn.replyText(`Nobody was assigned. ${parsed.message}`);
          return;
        }
        const { person, role } = parsed.value;
        const roster = await rosterFor(turn, team);
        if (!isOnRoster(roster, { id: person.id, aadObjectId: null })) {
          await turn.replyText(
            `Nobody was assigned. ${person.name} is not a member of this team, so they cannot take a role on its priority.`,
          );
          return;
        }
        const assigned = await ownership.assign(team, actorIn(turn, roster), { memberId: person.id, role });
        if (!assigned.ok) {
          await turn.replyText(`Nobody was assigned. ${assigned.message}`);
          return;
        }
        const current = await ownership.current(team);
        if (!current) return;
        const priority = refPriority(current.priority);
        const nameOf = namesFrom(roster);
        const key = { priorityId: priority.id, memberId: person.id };
        const card = assignmentCard(
          { teamId: team.teamId, priority, assignment: assigned.value, nameOf },
          { mention: turn.info.scope !== 'personal' },
        );
        const posted = await turn.postCard(card);
        await ownership.attachAssignmentCard(team, key, posted);
        if (turn.info.scope !== 'personal')
          await publisher.askInPersonalChat(team, priority, assigned.value, nameOf);
      },
    ),
    command(
      {
        name: 'action',
        usage: 'action <text> for @person by <date>',
        description: 'Add a small next action on the priority (due in two weeks when no date is given)',
      },
      async (turn, team, argument) => {
        const parsed = parseActionCommand(argument, turn.mentions);
        if (!parsed.ok) {
          await turn.replyText(`No action was added. ${parsed.message}`);
          return;
        }
        const { title, person, due } = parsed.value;
        let dueAt: string | undefined;
        if (due !== null) {
          const read = parseDueDate(due, deps.clock.now().getTime(), turn.timeZone);
          if (!read.ok) {
            await turn.replyText(`No action was added. ${read.message}`);
            return;
          }
          dueAt = read.value;
        }
        const roster = await rosterFor(turn, team);
        if (!isOnRoster(roster, { id: person.id, aadObjectId: null })) {
          await turn.replyText(
            `No action was added. ${person.name} is not a member of this team, so they cannot own its actions.`,
          );
          return;
        }
        const created = await ownership.createAction(team, actorIn(turn, roster), {
          title,
          ownerId: person.id,
          ...(dueAt === undefined ? {} : { due: dueAt }),
        });
        if (!created.ok) {
          const hint = created.field === 'due' ? ` Dates: ${dueDateFormats}.` : '';
          await turn.replyText(`No action was added. ${created.message}${hint}`);
          return;
        }
        const current = await ownership.current(team);
        if (!current) return;
        const stored = created.value.value;
        const posted = await turn.postCard(
          actionCard({
            teamId: team.teamId,
            priority: refPriority(current.priority),
            action: stored.action,
            nameOf: namesFrom(roster),
          }),
        );
        await ownership.attachActionCard(team, stored.action, posted);
      },
    ),
    command(
      {
        name: 'owners',
        usage: 'owners',
        description: "The priority's owners and roles, and its actions by status",
      },
      async (turn, team) => {
        await turn.replyCard(await ownersCardOf(turn, team));
      },
    ),
  ];

  const ownersCardOf = async (turn: BotTurn, team: TeamRef) => {
    const current = await ownership.current(team);
    return ownersCard({
      priority: current ? refPriority(current.priority) : null,
      assignments: current?.assignments.map((row) => row.value.assignment) ?? [],
      actions: current?.actions.map((row) => row.value.action) ?? [],
      nameOf: namesFrom(await rosterFor(turn, team)),
    });
  };

  /** Answers on an assignment card: only the member asked, then every posted copy shows the answer. */
  const answerAssignment = async (
    turn: BotTurn,
    team: TeamRef,
    key: { priorityId: string; memberId: string },
    change: () => ReturnType<OwnershipService['accept']>,
    notice: string,
  ): Promise<AdaptiveCard | string> => {
    const roster = await rosterFor(turn, team);
    const nameOf = namesFrom(roster);
    if (turn.info.user.id !== key.memberId)
      return `Only ${nameOf(key.memberId)} can answer this: the role was asked of them.`;
    const found = await ownership.assignment(team, key);
    if (!found) return 'This role is not on a priority of this team.';
    const view = { teamId: team.teamId, priority: refPriority(found.priority), nameOf };
    const changed = await change();
    if (!changed.ok)
      return assignmentCard({ ...view, assignment: found.stored.assignment }, { error: changed.message });
    const after = await ownership.assignment(team, key);
    if (after) publisher.refreshAssignment(team, view.priority, after.stored, nameOf, null);
    return assignmentCard({ ...view, assignment: changed.value }, { notice });
  };

  const actions: CardAction[] = [
    cardAction('owners.show', false, (turn, team) => ownersCardOf(turn, team)),
    cardAction('assignment.view', false, async (turn, team, data) => {
      const parsed = assignmentKeyData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const found = await ownership.assignment(team, parsed.data);
      if (!found) return 'This role is not on a priority of this team.';
      const nameOf = namesFrom(await rosterFor(turn, team));
      return assignmentCard({
        teamId: team.teamId,
        priority: refPriority(found.priority),
        assignment: found.stored.assignment,
        nameOf,
      });
    }),
    cardAction('assignment.accept', true, async (turn, team, data) => {
      const parsed = assignmentKeyData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const key = { priorityId: parsed.data.priorityId, memberId: parsed.data.memberId };
      return answerAssignment(
        turn,
        team,
        key,
        () => ownership.accept(team, turn.info.user.id, key),
        'Accepted. Thank you!',
      );
    }),
    cardAction('assignment.decline', false, async (turn, team, data) => {
      const parsed = assignmentKeyData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const nameOf = namesFrom(await rosterFor(turn, team));
      if (turn.info.user.id !== parsed.data.memberId)
        return `Only ${nameOf(parsed.data.memberId)} can answer this: the role was asked of them.`;
      const found = await ownership.assignment(team, parsed.data);
      if (!found) return 'This role is not on a priority of this team.';
      return assignmentCard(
        {
          teamId: team.teamId,
          priority: refPriority(found.priority),
          assignment: found.stored.assignment,
          nameOf,
        },
        { mode: 'declining' },
      );
    }),
    cardAction('assignment.decline.confirm', true, async (turn, team, data) => {
      const parsed = declineData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const key = { priorityId: parsed.data.priorityId, memberId: parsed.data.memberId };
      return answerAssignment(
        turn,
        team,
        key,
        () => ownership.decline(team, turn.info.user.id, key, parsed.data.reason),
        'Declined. The team can see your reason.',
      );
    }),
    cardAction('assignment.statement', true, async (turn, team, data) => {
      const parsed = statementData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const key = { priorityId: parsed.data.priorityId, memberId: parsed.data.memberId };
      return answerAssignment(
        turn,
        team,
        key,
        () => ownership.setStatement(team, turn.info.user.id, key, parsed.data.statement),
        'Saved your part.',
      );
    }),
    cardAction('action.status', true, async (turn, team, data) => {
      const parsed = actionStatusData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const roster = await rosterFor(turn, team);
      const nameOf = namesFrom(roster);
      const changed = await ownership.changeActionStatus(team, actorIn(turn, roster), parsed.data);
      if (!changed.ok) return changed.message;
      const { priority, action } = changed.value;
      publisher.refreshAction(team, refPriority(priority), action.value, nameOf, null);
      return actionCard(
        { teamId: team.teamId, priority: refPriority(priority), action: action.value.action, nameOf },
        { notice: `${nameOf(turn.info.user.id)} marked it ${action.value.action.status.replace('-', ' ')}.` },
      );
    }),
  ];

  const owners = async (turn: BotTurn, team: TeamRef): Promise<OwnerSummary[]> => {
    const current = await ownership.current(team);
    if (!current) return [];
    return ownerSummaries(
      current.assignments.map((row) => row.value.assignment),
      namesFrom(await rosterFor(turn, team)),
    );
  };

  return { commands, actions, owners };
}
