// Steps a team takes in its channel, shared by the release-list and completing-the-priority tests.
import { TableClient } from '@azure/data-tables';
import { expect } from 'vitest';
import type { TeamRef } from '../../bot/app/team-ref';
import {
  isVoteDecision,
  verifyDecisionLog,
  type DecisionLogReport,
  type StoredVoteRecord,
} from '../../bot/domain/decisions';
import {
  createTableBallotBox,
  createTableDecisionLog,
  createTableVoteStore,
} from '../../bot/storage/table-priority-stores';
import { sha256Hex } from '../../bot/support/sha256';
import { cardAction, channelMessage, type TeamContext, type TestUser } from './activities';
import type { TestApp } from './app-harness';
import type { ConnectorCall } from './loopback-connector';

export type CardButton = { title: string; verb?: string; data?: Record<string, unknown> };
export type Card = { body: unknown[]; actions?: CardButton[] };

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
export function actionsOf(card: unknown): CardButton[] {
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

export function button(card: unknown, title: string): CardButton {
  const found = actionsOf(card).find((action) => action.title === title);
  if (!found) throw new Error(`no ${title} button in ${JSON.stringify(card)}`);
  return found;
}

export const text = (card: Card | string) => (typeof card === 'string' ? card : JSON.stringify(card));

/** A team's channel as its members use it: messages, button presses, and choosing a priority by vote. */
export function teamFlow(app: TestApp, team: TeamContext) {
  /** Posts an activity and returns the bot's first message in answer to it. */
  const post = async (activity: unknown): Promise<ConnectorCall> => {
    const before = app.connector.calls.length;
    const result = await app.post(activity);
    expect(result.status).toBe(200);
    // A card update queued by an earlier press may arrive first: the answer is a new message.
    const isAnswer = (call: ConnectorCall) => call.kind === 'send' || call.kind === 'reply';
    const calls = await app.connector.waitFor((all) => all.slice(before).some(isAnswer));
    return calls.slice(before).find(isAnswer) as ConnectorCall;
  };
  const say = (user: TestUser, words: string) => post(channelMessage(team, user, words));

  /** Presses a card button; the answer is the card (or text) that replaces it for that member. */
  const press = async (
    user: TestUser,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<Card | string> => {
    const result = await app.post(cardAction(team, user, verb, data));
    expect(result.status).toBe(200);
    const body = result.body as { type: string; value: unknown };
    return body.type === 'application/vnd.microsoft.card.adaptive'
      ? (body.value as Card)
      : String(body.value);
  };

  /** The cards the bot posted (or updated) since `before`, as text. */
  const postedSince = (before: number) =>
    app.connector.calls
      .slice(before)
      .filter((call) => call.kind === 'send' || call.kind === 'reply' || call.kind === 'update');

  /** Candidates proposed by the members, a vote opened by `facilitator`, every voter ranking the same one first, announced. */
  const choosePriority = async (
    facilitator: TestUser,
    proposals: ReadonlyArray<[TestUser, string]>,
    voters: readonly TestUser[],
  ) => {
    for (const [who, title] of proposals) await say(who, `propose ${title}`);
    expect(
      text(await press(facilitator, 'vote.open', { method: 'ranked-choice', quorumPercent: '0' })),
    ).toContain('opened a vote');
    const ballot = await app.connector.waitFor((all) =>
      all.some((call) => JSON.stringify(call.body).includes('ballot.view')),
    );
    const voteId = [...ballot]
      .reverse()
      .map((call) => /"voteId":"([^"]+)"/.exec(JSON.stringify(call.body))?.[1])
      .find((id) => id !== undefined) as string;
    const view = text(await press(voters[0] as TestUser, 'ballot.view', { voteId }));
    const candidateId = /"value":"([0-9a-f-]{36})"/.exec(view)?.[1] as string;
    for (const voter of voters) await press(voter, 'ballot.submit', { voteId, rank1: candidateId });
    const closing = await app.connector.messagesDuring(() => press(facilitator, 'vote.close', { voteId }));
    expect(closing.messages).toContain('Announce decision');
    expect(
      text(await press(facilitator, 'decision.announce', { voteId, rationale: 'Reading comes first.' })),
    ).toContain('Announced');
    await app.settle();
    return voteId;
  };

  return { post, say, press, postedSince, choosePriority };
}

/** Reads the team's decision log and the votes behind it from storage, and verifies chain and tallies (L-4..L-8). */
export async function verifyTeamLog(app: TestApp, team: TeamContext): Promise<DecisionLogReport> {
  const client = (name: string) =>
    TableClient.fromConnectionString(
      app.config.storage.kind === 'connection-string' ? app.config.storage.connectionString : '',
      `${app.tablePrefix}${name}`,
      { allowInsecureConnection: true },
    );
  const ref: TeamRef = { tenantId: team.tenantId, teamId: team.teamId };
  const entries = await createTableDecisionLog(client('decisions')).entries(ref);
  const voteStore = createTableVoteStore(client('votes'));
  const ballots = createTableBallotBox(client('ballots'));
  const votes = new Map<string, StoredVoteRecord>();
  for (const { decision } of entries) {
    if (!isVoteDecision(decision)) continue;
    const stored = await voteStore.get(ref, decision.result.voteId);
    if (!stored) continue;
    votes.set(decision.result.voteId, {
      vote: stored.value.vote,
      counted: stored.value.counted,
      current: await ballots.current(ref, decision.result.voteId),
      history: await ballots.history(ref, decision.result.voteId),
    });
  }
  return verifyDecisionLog({ teamId: team.teamId, entries, votes }, sha256Hex);
}
