/** Teams activities as the Bot Connector posts them, for integration tests. */
export const botAccount = { id: '28:leading-together-bot', name: 'Leading Together' };

export interface TestUser {
  id: string;
  name: string;
  aadObjectId: string;
}

export function testUser(name: string): TestUser {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { id: `29:${slug}`, name, aadObjectId: `aad-${slug}` };
}

export interface TeamContext {
  tenantId: string;
  teamId: string;
  teamName: string;
  channelId: string;
  channelName?: string;
  serviceUrl: string;
}

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(sequence += 1)}`;

function channelConversation(team: TeamContext, threadId?: string) {
  return {
    id: threadId ? `${team.channelId};messageid=${threadId}` : team.channelId,
    conversationType: 'channel',
    isGroup: true,
    tenantId: team.tenantId,
  };
}

function channelData(team: TeamContext) {
  return {
    tenant: { id: team.tenantId },
    team: { id: team.teamId, name: team.teamName, aadGroupId: `group-${team.teamId}` },
    channel: { id: team.channelId, name: team.channelName ?? 'General' },
  };
}

/** The app being added to a team: membersAdded naming the bot, from the person who added it. */
export function teamInstall(team: TeamContext, installer: TestUser) {
  return {
    type: 'conversationUpdate',
    id: nextId('install'),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: team.serviceUrl,
    from: installer,
    recipient: botAccount,
    conversation: channelConversation(team),
    membersAdded: [{ id: botAccount.id }],
    channelData: { ...channelData(team), eventType: 'teamMemberAdded' },
  };
}

/** A channel message that @mentions the bot, as Teams sends it. */
export function channelMessage(
  team: TeamContext,
  from: TestUser,
  text: string,
  options: { id?: string } = {},
) {
  const mention = `<at>${botAccount.name}</at>`;
  return {
    type: 'message',
    id: options.id ?? nextId('msg'),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: team.serviceUrl,
    from,
    recipient: botAccount,
    conversation: channelConversation(team),
    text: `${mention} ${text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: mention, mentioned: botAccount }],
    channelData: channelData(team),
  };
}

/** A message in personal (1:1) chat with the bot. */
export function personalMessage(tenantId: string, serviceUrl: string, from: TestUser, text: string) {
  return {
    type: 'message',
    id: nextId('dm'),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from,
    recipient: botAccount,
    conversation: { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', tenantId },
    text,
    channelData: { tenant: { id: tenantId } },
  };
}

/** An Action.Execute press on a card in a channel: the `adaptiveCard/action` invoke. */
export function cardAction(
  team: TeamContext,
  from: TestUser,
  verb: string,
  data: Record<string, unknown>,
  options: { replyToId?: string; id?: string } = {},
) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: options.id ?? nextId('invoke'),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: team.serviceUrl,
    from,
    recipient: botAccount,
    conversation: channelConversation(team),
    replyToId: options.replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    channelData: channelData(team),
  };
}

/** A message extension invoke in a channel (`composeExtension/fetchTask`, `…/submitAction`, `…/query`). */
export function messageExtensionInvoke(
  team: TeamContext,
  from: TestUser,
  name: 'composeExtension/fetchTask' | 'composeExtension/submitAction' | 'composeExtension/query',
  value: Record<string, unknown>,
  options: { id?: string } = {},
) {
  return {
    type: 'invoke',
    name,
    id: options.id ?? nextId('invoke'),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: team.serviceUrl,
    from,
    recipient: botAccount,
    conversation: channelConversation(team),
    value,
    channelData: channelData(team),
  };
}
