import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cardAction,
  channelMessage,
  personalMessage,
  testUser,
  type TeamContext,
} from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import type { ConnectorCall } from '../support/loopback-connector';

const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');
const outsider = testUser('Olivia Outsider');

const bodyText = (call: ConnectorCall | undefined) => JSON.stringify(call?.body ?? null);

describe('which team a conversation works on', () => {
  let app: TestApp;
  let team: TeamContext;

  beforeEach(async () => {
    app = await startTestApp();
    app.connector.setRoster('*', [alice, bob]);
    team = await app.installInTeam({ teamId: '19:scope@thread.tacv2', teamName: 'Scope Team' });
  });
  afterEach(async () => {
    await app.close();
  });

  const direct = async (user: typeof alice, text: string) => {
    const before = app.connector.calls.length;
    await app.post(personalMessage('tenant-1', app.connector.serviceUrl, user, text));
    const calls = await app.connector.waitFor((all) => all.length > before);
    return calls[before];
  };

  it('asks which team in personal chat, then works on the chosen one', async () => {
    expect(bodyText(await direct(alice, 'propose Reading first'))).toContain('Which team?');
    expect(bodyText(await direct(alice, 'team'))).toContain('Scope Team');

    const chosen = await app.post(cardAction(team, alice, 'team.choose', { teamId: team.teamId }));
    expect(JSON.stringify(chosen.body)).toContain('This chat now works on Scope Team');

    expect(bodyText(await direct(alice, 'propose Reading first'))).toContain('Reading first');
    expect(bodyText(await direct(alice, 'vote'))).toContain("Open and close votes in your team's channel");
    const before = app.connector.calls.length;
    await app.post(channelMessage(team, bob, 'candidates'));
    const calls = await app.connector.waitFor((all) => all.length > before);
    expect(bodyText(calls[before])).toContain('Reading first');
  });

  it('refuses to choose a team the person is not a member of', async () => {
    // The team list card is answered in personal chat, so that is where the press arrives from.
    const press = cardAction(team, outsider, 'team.choose', { teamId: team.teamId });
    const refused = await app.post({
      ...press,
      conversation: {
        id: `a:personal-${outsider.aadObjectId}`,
        conversationType: 'personal',
        tenantId: 'tenant-1',
      },
      channelData: { tenant: { id: 'tenant-1' } },
    });
    expect(JSON.stringify(refused.body)).toContain('You are not a member of that team');
    // Pressed on a card in the team's channel, it is refused before it runs.
    const inChannel = await app.post(cardAction(team, outsider, 'team.choose', { teamId: team.teamId }));
    expect(JSON.stringify(inChannel.body)).toContain('Only members of this team can use its cards');
    expect(bodyText(await direct(outsider, 'candidates'))).toContain('Which team?');
  });

  it('also announces decisions in the channel the team set', async () => {
    const announcements = {
      ...team,
      channelId: '19:announcements@thread.tacv2',
      channelName: 'Announcements',
    };
    const before = app.connector.calls.length;
    await app.post(channelMessage(announcements, alice, 'announcements here'));
    await app.connector.waitFor((all) =>
      all.slice(before).some((call) => bodyText(call).includes('also be announced in this channel')),
    );

    await app.post(channelMessage(team, alice, 'propose Every student reads at grade level'));
    await app.post(channelMessage(team, bob, 'propose Cut chronic absence in half'));
    await app.post(cardAction(team, alice, 'vote.open', { quorumPercent: '0' }));
    await app.settle();
    const ballot = app.connector.calls.find((call) => bodyText(call).includes('ballot.view'));
    const voteId = /"voteId":"([^"]+)"/.exec(bodyText(ballot))?.[1] as string;
    const view = JSON.stringify((await app.post(cardAction(team, bob, 'ballot.view', { voteId }))).body);
    const reads = /"title":"Every student reads at grade level","value":"([^"]+)"/.exec(view)?.[1] as string;
    await app.post(cardAction(team, bob, 'ballot.submit', { voteId, rank1: reads }));
    await app.post(cardAction(team, alice, 'vote.close', { voteId }));
    await app.post(cardAction(team, alice, 'decision.announce', { voteId, rationale: 'Reading first.' }));

    const created = await app.connector.waitFor((all) =>
      all.some((call) => call.kind === 'create-conversation'),
    );
    const post = created.find((call) => call.kind === 'create-conversation');
    expect(post?.conversationId).toBe('19:announcements@thread.tacv2');
    expect(bodyText(post)).toContain('Decision: Every student reads at grade level');
  });
});
