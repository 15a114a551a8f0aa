import { expect } from 'vitest';
import { cardAction, channelMessage, type TeamContext, type TestUser } from './activities';
import type { TestApp } from './app-harness';
import type { ConnectorCall } from './loopback-connector';

// Steps the owners' tests share: say a command, press a card button, choose a priority, name owners.

export type CardButton = { title: string; verb?: string; data?: Record<string, unknown> };
export type Card = { body: unknown[]; actions?: CardButton[]; msteams?: { entities?: unknown[] } };

/** The Adaptive Card a connector call carries. */
export function cardOf(call: ConnectorCall | undefined): Card {
  const attachments = call?.body.attachments as Array<{ contentType: string; content: Card }> | undefined;
  const card = attachments?.find(
    (attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(call?.body)}`);
  return card.content;
}

/** Every button anywhere in a card. */
export function buttonsOf(card: unknown): CardButton[] {
  const found: CardButton[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (
        typeof record.type === 'string' &&
        record.type.startsWith('Action.') &&
        typeof record.title === 'string'
      )
        found.push(record as CardButton);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

export const textOf = (card: Card | string) => (typeof card === 'string' ? card : JSON.stringify(card));

/** A channel message that also @mentions members, with Teams' mention entities. */
export function withMentions(team: TeamContext, from: TestUser, words: string, people: TestUser[]) {
  const message = channelMessage(team, from, words);
  return {
    ...message,
    entities: [
      ...message.entities,
      ...people.map((person) => ({
        type: 'mention',
        text: `<at>${person.name}</at>`,
        mentioned: { id: person.id, name: person.name },
      })),
    ],
  };
}

/** Talking to the app in one team's channel. */
export function channelSteps(app: TestApp, team: TeamContext) {
  const post = async (activity: unknown): Promise<ConnectorCall> => {
    // Card updates still queued from an earlier step would otherwise read as the answer.
    await app.settle();
    const before = app.connector.calls.length;
    const result = await app.post(activity);
    expect(result.status).toBe(200);
    const isAnswer = (call: ConnectorCall) => call.kind === 'reply' || call.kind === 'send';
    const calls = await app.connector.waitFor((all) => all.slice(before).some(isAnswer));
    return calls.slice(before).find(isAnswer) as ConnectorCall;
  };
  const say = (user: TestUser, words: string, mentioned: TestUser[] = []) =>
    post(withMentions(team, user, words, mentioned));
  const press = async (
    user: TestUser,
    verb: string,
    data: Record<string, unknown>,
    replyToId?: string,
  ): Promise<Card | string> => {
    const result = await app.post(cardAction(team, user, verb, data, replyToId ? { replyToId } : {}));
    expect(result.status).toBe(200);
    const body = result.body as { type: string; value: unknown };
    return body.type === 'application/vnd.microsoft.card.adaptive'
      ? (body.value as Card)
      : String(body.value);
  };

  /** Two candidates, a vote opened by `facilitator`, two ballots, closed and announced. */
  const choosePriority = async (facilitator: TestUser, voter: TestUser) => {
    await say(facilitator, 'propose Every student reads at grade level by spring');
    await say(voter, 'propose Cut chronic absence in half');
    expect(
      textOf(await press(facilitator, 'vote.open', { method: 'ranked-choice', quorumPercent: '0' })),
    ).toContain('opened a vote');
    const ballot = await app.connector.waitFor((all) =>
      all.some((call) => JSON.stringify(call.body).includes('ballot.view')),
    );
    const voteId = /"voteId":"([^"]+)"/.exec(
      JSON.stringify(ballot.find((call) => JSON.stringify(call.body).includes('ballot.view'))?.body),
    )?.[1] as string;
    const view = textOf(await press(voter, 'ballot.view', { voteId }));
    // Both candidates were proposed at the same instant, so the ballot may list either first: pick by title.
    const first =
      /"title":"Every student reads at grade level by spring[^"]*","value":"([0-9a-f-]{36})"/.exec(
        view,
      )?.[1] as string;
    expect(first).toBeTruthy();
    for (const member of [facilitator, voter]) await press(member, 'ballot.submit', { voteId, rank1: first });
    const closing = await app.connector.messagesDuring(() => press(facilitator, 'vote.close', { voteId }));
    expect(closing.messages).toContain('Announce decision');
    expect(
      textOf(await press(facilitator, 'decision.announce', { voteId, rationale: 'Reading first.' })),
    ).toContain('Announced');
    await app.settle();
  };

  /** `assign @person as <role>`, accepted by the person. */
  const makeOwner = async (by: TestUser, person: TestUser, role: string) => {
    const asked = cardOf(await say(by, `assign <at>${person.name}</at> as ${role}`, [person]));
    const accept = buttonsOf(asked).find((each) => each.title === 'Accept')?.data ?? {};
    expect(textOf(await press(person, 'assignment.accept', accept))).toContain('accepted');
  };

  /** `action <title> for @person by <date>`: the posted card's call (its id is the action card's). */
  const addAction = async (by: TestUser, title: string, person: TestUser, due: string) => {
    const call = await say(by, `action ${title} for <at>${person.name}</at> by ${due}`, [person]);
    const card = cardOf(call);
    const actionId = buttonsOf(card).find((each) => each.verb === 'action.status')?.data?.actionId;
    expect(typeof actionId).toBe('string');
    return { call, actionId: actionId as string };
  };

  return { post, say, press, choosePriority, makeOwner, addAction };
}
