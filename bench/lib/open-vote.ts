import {
  cardAction,
  channelMessage,
  teamInstall,
  testUser,
  type TeamContext,
  type TestUser,
} from '../../tests/support/activities';
import type { LoopbackConnector } from '../../tests/support/loopback-connector';
import { postActivity, type BotEndpoint } from './post-activity';

/** An open vote and the shared card its ballots are submitted on. */
export interface VoteOnCard {
  voteId: string;
  cardId: string;
  candidateIds: string[];
}

/** The bot's setup for a vote: install, three candidates, a vote opened by the first member (the integrity tests reuse it). */
export async function openVote(
  bot: BotEndpoint,
  connector: LoopbackConnector,
  team: TeamContext,
  members: TestUser[],
): Promise<VoteOnCard> {
  const facilitator = members[0] as TestUser;
  const expectReply = async (activity: unknown, what: string) => {
    const before = connector.calls.length;
    const result = await postActivity(bot, activity);
    if (result.status !== 200) throw new Error(`${what}: HTTP ${result.status} ${result.text.slice(0, 300)}`);
    await connector.waitFor((calls) => calls.length > before, 10_000);
  };
  await expectReply(teamInstall(team, testUser('Installer')), 'install');
  for (const title of [
    'Every student reads at grade level by spring',
    'Cut chronic absence in half',
    'Build a culture of peer observation',
  ]) {
    await expectReply(channelMessage(team, facilitator, `propose ${title}`), 'propose');
  }
  const before = connector.calls.length;
  const opened = await postActivity(
    bot,
    cardAction(team, facilitator, 'vote.open', {
      method: 'ranked-choice',
      closesInHours: '48',
      quorumPercent: '50',
    }),
  );
  if (opened.status !== 200 || !opened.text.includes('opened a vote'))
    throw new Error(`vote.open: HTTP ${opened.status} ${opened.text.slice(0, 300)}`);
  const calls = await connector.waitFor(
    (all) => all.slice(before).some((call) => JSON.stringify(call.body).includes('ballot.view')),
    10_000,
  );
  const ballotCall = calls.slice(before).find((call) => JSON.stringify(call.body).includes('ballot.view'));
  const cardId = ballotCall?.assignedId;
  const voteId = JSON.stringify(ballotCall?.body).match(
    /"verb":"ballot\.view","data":\{"voteId":"([^"]+)"/,
  )?.[1];
  const voteIdLoose = voteId ?? JSON.stringify(ballotCall?.body).match(/"voteId":"([^"]+)"/)?.[1];
  if (!cardId || !voteIdLoose) throw new Error('could not find the ballot card or its vote id');

  const view = await postActivity(
    bot,
    cardAction(team, facilitator, 'ballot.view', { voteId: voteIdLoose }, { replyToId: cardId }),
  );
  const candidateIds = [
    ...new Set([...view.text.matchAll(/"value":"([0-9a-f-]{36})"/g)].map((m) => m[1] as string)),
  ];
  if (candidateIds.length < 3) throw new Error(`ballot.view showed ${candidateIds.length} candidates`);
  return { voteId: voteIdLoose, cardId, candidateIds };
}
