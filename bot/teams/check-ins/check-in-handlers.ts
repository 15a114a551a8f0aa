import { z } from 'zod';
import type { CheckInService } from '../../app/check-in-service';
import type { OwnershipActor } from '../../app/ownership-service';
import type { TeamRef } from '../../app/team-ref';
import {
  ACTION_STATUSES,
  MAX_ANSWER_LENGTH,
  type ActionStatus,
  type CheckInAnswerInput,
} from '../../domain/ownership';
import type { BotCommand, CardAction } from '../bot-command';
import type { BotTurn } from '../bot-turn';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { checkInClosedCard, checkInFormCard } from '../cards/check-in-cards';
import type { NameOf } from '../cards/ownership-cards';
import type { OwnershipPublisher } from '../ownership/ownership-publisher';
import { firstIssue } from '../priority/action-data';
import { needsTeamMessage, teamOf, type TeamResolver } from '../priority/team-of';
import { isOnRoster, isTeamOwner, type TeamMember } from '../team-roster';
import type { CheckInPublisher } from './check-in-jobs';
import {
  breakUsage,
  checkInsUsage,
  describeSchedule,
  localDateTime,
  parseCheckIns,
  parseSchoolBreak,
} from './check-in-text';

const id = z.string().min(1).max(1024);
const roundKeyData = z.object({ teamId: id.optional(), roundId: id });
const answerText = z
  .string({ invalid_type_error: 'expected text' })
  .max(MAX_ANSWER_LENGTH, `expected at most ${MAX_ANSWER_LENGTH} characters`)
  .optional();
const statusValue = z.enum(ACTION_STATUSES as [ActionStatus, ...ActionStatus[]], {
  errorMap: () => ({ message: 'choose Not started, On track, Stuck or Done' }),
});
/** A check-in as the card sends it: the three texts, and `status_<actionId>` for each action shown. */
const answerData = roundKeyData
  .extend({ tried: answerText, happened: answerText, learned: answerText })
  .passthrough()
  .transform((data, context): { roundId: string; input: CheckInAnswerInput } => {
    const statusUpdates: Array<{ actionId: string; status: ActionStatus }> = [];
    for (const [key, value] of Object.entries(data)) {
      if (!key.startsWith('status_')) continue;
      const status = statusValue.safeParse(value);
      if (!status.success) {
        context.addIssue({
          code: 'custom',
          path: [key],
          message: 'choose Not started, On track, Stuck or Done',
        });
        return z.NEVER;
      }
      statusUpdates.push({ actionId: key.slice('status_'.length), status: status.data });
    }
    return {
      roundId: data.roundId,
      input: {
        tried: data.tried ?? '',
        happened: data.happened ?? '',
        learned: data.learned ?? '',
        statusUpdates,
      },
    };
  });

export interface CheckInHandlerDeps {
  checkIns: CheckInService;
  publisher: CheckInPublisher;
  ownershipCards: OwnershipPublisher;
  resolveTeam: TeamResolver;
}

/** The `check-ins` and `school break` commands and the check-in card's buttons. */
export function createCheckInHandlers(deps: CheckInHandlerDeps): {
  commands: BotCommand[];
  actions: CardAction[];
} {
  const { checkIns } = deps;

  const rosterFor = async (turn: BotTurn): Promise<TeamMember[]> => {
    const roster = await turn.roster();
    return isOnRoster(roster, turn.info.user)
      ? roster
      : [
          ...roster,
          { id: turn.info.user.id, aadObjectId: turn.info.user.aadObjectId, name: turn.info.user.name },
        ];
  };
  const actorIn = (turn: BotTurn, roster: readonly TeamMember[]): OwnershipActor => ({
    memberId: turn.info.user.id,
    isTeamOwner: isTeamOwner(roster, turn.info.user),
  });
  const namesFrom = (roster: readonly TeamMember[]): NameOf => {
    const names = new Map(roster.map((member) => [member.id, member.name]));
    return (memberId) => names.get(memberId) ?? 'A former member';
  };

  const showSettings = async (team: TeamRef): Promise<string> => {
    const settings = (await checkIns.settings(team))?.value;
    const lines: string[] = [];
    if (!settings?.schedule) lines.push(`Check-ins are off. ${checkInsUsage}`);
    else {
      lines.push(`Check-ins: ${describeSchedule(settings.schedule)}.`);
      if (settings.nextRoundAt)
        lines.push(`The next one: ${localDateTime(settings.nextRoundAt, settings.schedule.timeZone)}.`);
    }
    const breaks = settings?.breaks ?? [];
    lines.push(
      breaks.length === 0
        ? 'No school breaks. Add one: school break 2026-12-21 to 2027-01-01 Winter break.'
        : `School breaks (no check-ins): ${breaks.map((each) => `${each.name} ${each.from} to ${each.to}`).join('; ')}.`,
    );
    return lines.join('\n\n');
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

  const commands: BotCommand[] = [
    command(
      {
        name: 'check-ins',
        usage: 'check-ins <weekday> <HH:MM> [every N weeks]',
        description:
          'When the owners check in (weekly by default; check-ins off to stop, check-ins to see them)',
      },
      async (turn, team, argument) => {
        const parsed = parseCheckIns(argument);
        if (!parsed.ok) {
          await turn.replyText(`Nothing changed. ${parsed.message}`);
          return;
        }
        const command = parsed.value;
        if (command.kind === 'show') {
          await turn.replyText(await showSettings(team));
          return;
        }
        const actor = actorIn(turn, await rosterFor(turn));
        if (command.kind === 'off') {
          const off = await checkIns.turnOff(team, actor);
          await turn.replyText(
            off.ok
              ? 'Check-ins are off. Turn them on again with check-ins <weekday> <HH:MM>.'
              : `Nothing changed. ${off.message}`,
          );
          return;
        }
        const current = (await checkIns.settings(team))?.value;
        const timeZone = command.timeZone ?? turn.timeZone ?? current?.timeZone ?? null;
        if (timeZone === null) {
          await turn.replyText(
            'Nothing changed. Teams did not tell me your time zone: add it, for example check-ins Tuesday 15:30 timezone America/New_York.',
          );
          return;
        }
        const set = await checkIns.setSchedule(team, actor, {
          weekday: command.weekday,
          hour: command.hour,
          minute: command.minute,
          everyWeeks: command.everyWeeks,
          timeZone,
        });
        if (!set.ok) {
          await turn.replyText(`Nothing changed. ${set.message}`);
          return;
        }
        await turn.replyText(await showSettings(team));
      },
    ),
    command(
      {
        name: 'school',
        usage: 'school break <YYYY-MM-DD> to <YYYY-MM-DD> [name]',
        description: 'Pause check-ins over a school break (both days included)',
      },
      async (turn, team, argument) => {
        const parsed = parseSchoolBreak(argument);
        if (!parsed.ok) {
          await turn.replyText(`Nothing changed. ${parsed.message}`);
          return;
        }
        const added = await checkIns.addBreak(team, actorIn(turn, await rosterFor(turn)), parsed.value);
        await turn.replyText(
          added.ok ? await showSettings(team) : `Nothing changed. ${added.message} ${breakUsage}`,
        );
      },
    ),
  ];

  /** The form (or the card) as this member sees it. */
  const formFor = async (
    turn: BotTurn,
    team: TeamRef,
    roundId: string,
    extra: { error?: string; notice?: string } = {},
  ): Promise<AdaptiveCard | string> => {
    const row = await checkIns.round(team, roundId);
    if (!row) return 'This check-in is not in this team.';
    const roster = await rosterFor(turn);
    const actor = actorIn(turn, roster);
    const { round, priorityTitle } = row.value;
    const actions = (await checkIns.actionsOf(team, round.priorityId)).filter(
      (action) => action.ownerId === actor.memberId && action.status !== 'done',
    );
    return checkInFormCard(
      { teamId: team.teamId, round, priorityTitle, nameOf: namesFrom(roster) },
      {
        memberId: actor.memberId,
        actions,
        isFacilitator: await checkIns.isFacilitator(team, actor),
        ...extra,
      },
    );
  };

  const cardAction = (
    verb: string,
    changesData: boolean,
    run: (turn: BotTurn, team: TeamRef, data: Record<string, unknown>) => Promise<AdaptiveCard | string>,
  ): CardAction => ({
    verb,
    changesData,
    async run(turn, data) {
      const team = teamOf(turn.info) ?? (await deps.resolveTeam(turn));
      return team ? run(turn, team, data) : 'This card belongs to a team you are not in, so nothing changed.';
    },
  });

  const actions: CardAction[] = [
    cardAction('checkin.view', false, async (turn, team, data) => {
      const parsed = roundKeyData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      return formFor(turn, team, parsed.data.roundId);
    }),
    cardAction('checkin.answer', true, async (turn, team, data) => {
      const parsed = answerData.safeParse(data);
      if (!parsed.success) {
        const key = roundKeyData.safeParse(data);
        const error = firstIssue(parsed.error);
        return key.success ? formFor(turn, team, key.data.roundId, { error }) : error;
      }
      const roster = await rosterFor(turn);
      const nameOf = namesFrom(roster);
      const answered = await checkIns.answer(
        team,
        parsed.data.roundId,
        actorIn(turn, roster),
        parsed.data.input,
      );
      if (!answered.ok) {
        if (answered.field === 'actor') return 'Only the owners expected at this check-in answer it.';
        if (answered.status === 409 && answered.field === 'round')
          return formFor(turn, team, parsed.data.roundId);
        return formFor(turn, team, parsed.data.roundId, { error: answered.message });
      }
      const { stored, changedActions, priority } = answered.value;
      deps.publisher.refreshRound(team, stored, nameOf);
      for (const action of changedActions)
        deps.ownershipCards.refreshAction(
          team,
          { id: priority.id, title: priority.title },
          action,
          nameOf,
          null,
        );
      return formFor(turn, team, parsed.data.roundId, { notice: 'Thank you: your check-in is in.' });
    }),
    cardAction('checkin.close', true, async (turn, team, data) => {
      const parsed = roundKeyData.safeParse(data);
      if (!parsed.success) return firstIssue(parsed.error);
      const roster = await rosterFor(turn);
      const nameOf = namesFrom(roster);
      const closed = await checkIns.close(team, parsed.data.roundId, actorIn(turn, roster));
      if (!closed.ok) {
        if (closed.status === 403) return 'Only a team owner, the facilitator or the lead closes a check-in.';
        return formFor(turn, team, parsed.data.roundId, { error: closed.message });
      }
      deps.publisher.refreshRound(team, closed.value, nameOf);
      return checkInClosedCard({
        teamId: team.teamId,
        round: closed.value.round,
        priorityTitle: closed.value.priorityTitle,
        nameOf,
      });
    }),
  ];

  return { commands, actions };
}
