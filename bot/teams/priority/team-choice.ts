import type { TeamStore } from '../../app/installations';
import type { PreferenceStore } from '../../app/preference-store';
import type { BotCommand, CardAction } from '../bot-command';
import type { BotTurn } from '../bot-turn';
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard } from '../cards/adaptive-card';
import { escapeCardText } from '../cards/escape';
import { noticeCard } from '../cards/notice-card';
import { isOnRoster } from '../team-roster';
import { z } from 'zod';

const teamChoice = z.object({ teamId: z.string().min(1).max(1024) });

/** `team` in personal chat: choose which of your teams the commands there work on. */
export function createTeamChoice(deps: { teams: TeamStore; preferences: PreferenceStore }): {
  command: BotCommand;
  action: CardAction;
} {
  const myTeams = async (turn: BotTurn) => {
    const known = await deps.teams.listInTenant(turn.info.tenantId, 50);
    const mine = [];
    for (const team of known) {
      // A team the bot was removed from (or that Teams cannot list) is simply not offered.
      const members = await turn.rosterOfTeam(team.teamId).catch(() => []);
      if (isOnRoster(members, turn.info.user)) mine.push(team);
    }
    return mine;
  };
  const choiceCard = (teams: Array<{ teamId: string; name: string }>, chosen: string | null): AdaptiveCard =>
    teams.length === 0
      ? noticeCard(
          'None of your teams has Leading Together yet.',
          'Add the app to a team first; then choose it here.',
        )
      : adaptiveCard([
          textBlock('Which team should this chat work on?', { weight: 'Bolder' }),
          ...teams.map((team) => ({
            type: 'ColumnSet',
            columns: [
              {
                type: 'Column',
                width: 'stretch',
                items: [
                  textBlock(`${escapeCardText(team.name)}${team.teamId === chosen ? ' (chosen)' : ''}`),
                ],
              },
              {
                type: 'Column',
                width: 'auto',
                items: [
                  {
                    type: 'ActionSet',
                    actions: [executeAction('Choose', 'team.choose', { teamId: team.teamId })],
                  },
                ],
              },
            ],
          })),
        ]);
  return {
    command: {
      name: 'team',
      usage: 'team',
      description: 'In personal chat: choose which of your teams the commands here work on',
      async run(turn) {
        if (turn.info.scope !== 'personal') {
          await turn.replyText('Here the team is this conversation itself; `team` is for personal chat.');
          return;
        }
        const chosen = await deps.preferences.chosenTeam(turn.info.tenantId, turn.info.user.id);
        await turn.replyCard(choiceCard(await myTeams(turn), chosen));
      },
    },
    action: {
      verb: 'team.choose',
      changesData: true,
      async run(turn, data) {
        const parsed = teamChoice.safeParse(data);
        if (!parsed.success) return 'teamId: expected the id of one of your teams';
        const team = (await myTeams(turn)).find((candidate) => candidate.teamId === parsed.data.teamId);
        if (!team) return 'You are not a member of that team, or it does not have Leading Together.';
        await deps.preferences.chooseTeam(turn.info.tenantId, turn.info.user.id, team.teamId);
        return noticeCard(
          `This chat now works on ${escapeCardText(team.name)}.`,
          'Try: propose <text>, candidates, priority or decisions.',
        );
      },
    },
  };
}
