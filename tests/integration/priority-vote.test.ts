import { TableClient } from '@azure/data-tables';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createTableBallotBox, createTableVoteStore } from '../../bot/storage/table-priority-stores';
import { cardAction, channelMessage, testUser, type TeamContext, type TestUser } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import type { ConnectorCall } from '../support/loopback-connector';

const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');
const carol = testUser('Carol Coach');
const outsider = testUser('Olivia Outsider');

type Card = {
  body: unknown[];
  actions?: Array<{ title: string; verb?: string; data?: Record<string, unknown> }>;
};

function cardOf(call: ConnectorCall | undefined): Card {
  const attachments = call?.body.attachments as Array<{ contentType: string; content: Card }> | undefined;
  const card = attachments?.find(
    (attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(call?.body)}`);
  return card.content;
}

/** Every action anywhere in a card (top level and inside ActionSets). */
function actionsOf(card: unknown): Array<{ title: string; verb?: string; data?: Record<string, unknown> }> {
  const found: Array<{ title: string; verb?: string; data?: Record<string, unknown> }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (
        typeof record.type === 'string' &&
        record.type.startsWith('Action.') &&
        typeof record.title === 'string'
      ) {
        found.push(record as { title: string; verb?: string; data?: Record<string, unknown> });
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('choosing one priority together', () => {
  let app: TestApp;
  let team: TeamContext;

  beforeEach(async () => {
    app = await startTestApp();
    app.connector.setRoster('*', [alice, bob, carol]);
    team = await app.installInTeam({ teamId: '19:lincoln@thread.tacv2', teamName: 'Lincoln Leadership' });
  });
  afterEach(async () => {
    await app.close();
  });

  const say = async (user: TestUser, text: string): Promise<ConnectorCall> => {
    const before = app.connector.calls.length;
    const result = await app.post(channelMessage(team, user, text));
    expect(result.status).toBe(200);
    const calls = await app.connector.waitFor((all) => all.length > before);
    return calls[before] as ConnectorCall;
  };

  const press = async (
    user: TestUser,
    verb: string,
    data: Record<string, unknown>,
    replyToId?: string,
  ): Promise<Card | string> => {
    const result = await app.post(cardAction(team, user, verb, data, replyToId ? { replyToId } : {}));
    expect(result.status).toBe(200);
    const body = result.body as { statusCode: number; type: string; value: unknown };
    return body.type === 'application/vnd.microsoft.card.adaptive'
      ? (body.value as Card)
      : String(body.value);
  };

  const text = (card: Card | string) => (typeof card === 'string' ? card : JSON.stringify(card));

  const proposeThree = async () => {
    await say(alice, 'propose Every student reads at grade level by spring');
    await say(bob, 'propose Cut chronic absence in half');
    await say(carol, 'propose Build a culture of peer observation');
  };

  const openVote = async (settings: Record<string, unknown> = {}) => {
    const before = app.connector.calls.length;
    const answer = await press(alice, 'vote.open', {
      method: 'ranked-choice',
      closesInHours: '48',
      quorumPercent: '50',
      ...settings,
    });
    expect(text(answer)).toContain('opened a vote');
    const calls = await app.connector.waitFor((all) =>
      all.some((call, index) => index >= before && JSON.stringify(call.body).includes('ballot.view')),
    );
    const ballotCall = calls
      .slice(before)
      .find((call) => JSON.stringify(call.body).includes('ballot.view')) as ConnectorCall;
    const voteId = actionsOf(cardOf(ballotCall)).find((action) => action.verb === 'ballot.view')?.data
      ?.voteId as string;
    expect(voteId).toBeTruthy();
    return { voteId, cardId: ballotCall.assignedId as string };
  };

  it('proposes candidates and lists them', async () => {
    const reply = await say(alice, 'propose Every student reads at grade level by spring');
    expect(JSON.stringify(cardOf(reply))).toContain('Every student reads at grade level by spring');
    expect(actionsOf(cardOf(reply)).map((action) => action.title)).toEqual(
      expect.arrayContaining(['Edit', 'Withdraw']),
    );
    await say(bob, 'propose Cut chronic absence in half');
    const list = await say(carol, 'candidates');
    expect(JSON.stringify(cardOf(list))).toContain('Cut chronic absence in half');
    expect(actionsOf(cardOf(list)).map((action) => action.title)).toContain('Open a vote');
  });

  it('offers every command as a button too: propose from a form, then the candidates', async () => {
    const help = await say(alice, 'help');
    expect(actionsOf(cardOf(help)).map((action) => action.title)).toEqual([
      'Propose a priority',
      'Candidates',
      'Priority',
      'Decisions',
    ]);
    expect(text(await press(alice, 'candidate.new', {}))).toContain('Candidate priority');
    expect(text(await press(alice, 'candidate.propose', { title: 'x'.repeat(141) }))).toContain(
      'title: expected at most 140 characters',
    );
    expect(text(await press(alice, 'candidate.propose', { title: '   ' }))).toContain('title:');
    expect(text(await press(alice, 'candidates.show', {}))).toContain('No candidates yet');
    expect(
      text(
        await press(alice, 'candidate.propose', { title: 'Every student reads at grade level by spring' }),
      ),
    ).toContain('Proposed.');
    expect(text(await press(bob, 'candidates.show', {}))).toContain(
      'Every student reads at grade level by spring',
    );
    expect(text(await press(bob, 'priority.show', {}))).toContain('No priority yet');
    expect(text(await press(bob, 'decisions.show', {}))).toContain('No decisions');
  });

  it('refuses a title over 140 characters and stores nothing', async () => {
    const reply = await say(alice, `propose ${'x'.repeat(141)}`);
    expect(reply.body.text).toContain('Nothing was added. title:');
    const list = await say(alice, 'candidates');
    expect(JSON.stringify(cardOf(list))).toContain('No candidates yet');
  });

  it('runs a ranked-choice vote from proposal to announced decision', async () => {
    await proposeThree();
    const setup = await say(alice, 'vote');
    expect(JSON.stringify(cardOf(setup))).toContain('Open vote');
    const { voteId, cardId } = await openVote();

    const ids = (card: Card | string) => text(card);
    const personal = await press(bob, 'ballot.view', { voteId }, cardId);
    expect(ids(personal)).toContain('1st choice');
    expect(ids(personal)).toContain('Submit ballot');

    const candidates = actionsOf(await press(alice, 'vote.setup', {})); // a vote is open: answered with a message
    expect(candidates).toEqual([]);

    const list = JSON.parse(ids(personal)) as unknown;
    const choiceIds: string[] = [];
    JSON.stringify(list, (key, value: unknown) => {
      if (key === 'choices' && Array.isArray(value))
        for (const choice of value as Array<{ value: string }>) choiceIds.push(choice.value);
      return value;
    });
    const [reads, absence, observation] = [...new Set(choiceIds)];
    expect(reads && absence && observation).toBeTruthy();

    const aliceBallot = await press(
      alice,
      'ballot.submit',
      { voteId, rank1: reads, rank2: observation, concern: 'Tutoring needs funding' },
      cardId,
    );
    expect(ids(aliceBallot)).toContain('Your ballot:');
    expect(ids(aliceBallot)).toContain('Change ballot');
    await press(bob, 'ballot.submit', { voteId, rank1: absence, rank2: reads }, cardId);
    await press(carol, 'ballot.submit', { voteId, rank1: observation, rank2: reads }, cardId);
    // Bob changes his mind: only his latest ballot counts.
    const changed = await press(bob, 'ballot.submit', { voteId, rank1: reads }, cardId);
    expect(ids(changed)).toContain('Your ballot:');

    // Alice's ballot card shows the vote closed; her next step comes as a message of its own in the thread.
    const { result: closeAnswer, messages: nextStep } = await app.connector.messagesDuring(() =>
      press(alice, 'vote.close', { voteId }, cardId),
    );
    expect(ids(closeAnswer)).toContain('Closed — the facilitator will announce the decision');
    expect(ids(closeAnswer)).not.toContain('Close vote');
    expect(nextStep).toContain('Announce decision');
    expect(nextStep).toContain('Tutoring needs funding');
    const concernInput = nextStep.match(/"id":"(response_[^"]+)"/)?.[1] as string;

    const before = app.connector.calls.length;
    const announced = await press(
      alice,
      'decision.announce',
      {
        voteId,
        rationale: 'Reading unlocks everything else.',
        [concernInput]: 'We will apply for the literacy grant.',
      },
      cardId,
    );
    expect(ids(announced)).toContain('Announced');
    const calls = await app.connector.waitFor((all) =>
      all.slice(before).some((call) => JSON.stringify(call.body).includes('Decision: ')),
    );
    const announcement = JSON.stringify(
      cardOf(calls.slice(before).find((call) => JSON.stringify(call.body).includes('Decision: '))),
    );
    expect(announcement).toContain('Every student reads at grade level by spring');
    expect(announcement).toContain('Reading unlocks everything else');
    expect(announcement).toContain('We will apply for the literacy grant');
    expect(announcement).toContain('3 of 3');
    expect(announcement).toContain('Cut chronic absence in half');
    expect(announcement).toContain('Acknowledge');

    // The shared ballot card is updated for everyone: closed, pointing to the announced decision.
    await app.connector.waitFor(
      (all) =>
        all.some(
          (call) =>
            call.kind === 'update' &&
            call.activityId === cardId &&
            JSON.stringify(call.body).includes('Closed — see the decision'),
        ),
      8_000,
    );

    expect(announcement).toContain('Round 1');
    expect(announcement).toContain('Head to head');

    const priority = await say(carol, 'priority');
    expect(JSON.stringify(cardOf(priority))).toContain('Every student reads at grade level by spring');
    expect(JSON.stringify(cardOf(priority))).toContain('Build a culture of peer observation');

    // A watch-list item can be proposed again, and leaves the watch list.
    const again = actionsOf(cardOf(priority)).find((action) => action.title === 'Propose again');
    expect(text(await press(carol, 'candidate.repropose', again?.data ?? {}))).toContain(
      'Proposed again by Carol Coach',
    );
    expect(JSON.stringify(cardOf(await say(carol, 'candidates')))).toMatch(
      /Cut chronic absence in half|Build a culture of peer observation/,
    );
    const after = JSON.stringify(cardOf(await say(carol, 'priority')));
    expect(actionsOf(JSON.parse(after)).filter((action) => action.title === 'Propose again')).toHaveLength(1);
    const decisions = await say(carol, 'decisions');
    expect(JSON.stringify(cardOf(decisions))).toContain('Every student reads at grade level by spring');

    const api = (await fetch(`${app.baseUrl}/api/teams/${encodeURIComponent(team.teamId)}`, {
      headers: { 'x-local-user-id': carol.id },
    }).then((r) => r.json())) as {
      priority: { title: string } | null;
      decisions: Array<{ title: string }>;
    };
    expect(api.priority?.title).toBe('Every student reads at grade level by spring');
    expect(api.decisions.map((decision) => decision.title)).toEqual([
      'Every student reads at grade level by spring',
    ]);
  });

  it('refuses a second close, a late ballot, a non-member ballot and malformed data, changing nothing', async () => {
    await proposeThree();
    const { voteId, cardId } = await openVote();
    expect(text(await press(outsider, 'ballot.submit', { voteId, rank1: 'x' }, cardId))).toBe(
      'Only members of this team can use its cards, so nothing changed.',
    );
    expect(text(await press(bob, 'ballot.submit', { voteId: 42 }, cardId))).toContain(
      'voteId: Expected string',
    );
    const bad = await press(bob, 'ballot.submit', { voteId, rank1: 'not-a-candidate' }, cardId);
    expect(text(bad)).toContain('is not a candidate');
    expect(text(await press(bob, 'vote.close', { voteId }, cardId))).toBe(
      'member: only the facilitator who opened this vote (or a team owner) can do that',
    );

    await press(alice, 'vote.close', { voteId }, cardId);
    // Pressed again (say its answer was lost), the close shows the next step again instead of an error.
    const again = text(await press(alice, 'vote.close', { voteId }, cardId));
    expect(again).toContain('Vote closed');
    expect(again).not.toContain('already closed');
    const late = await press(carol, 'ballot.submit', { voteId, rank1: 'x' }, cardId);
    expect(text(late)).toContain('Closed');
  });

  it('finishes a close that was cut short after it stopped the ballots', async () => {
    await proposeThree();
    const { voteId, cardId } = await openVote({ quorumPercent: '0' });
    const choice = await press(bob, 'ballot.view', { voteId }, cardId);
    const firstCandidate = /"value":"([0-9a-f-]{36})"/.exec(text(choice))?.[1] ?? '';
    expect(text(await press(bob, 'ballot.submit', { voteId, rank1: firstCandidate }, cardId))).toContain(
      'Your ballot',
    );
    // As if the server had died right after fencing the ballots off: the vote is left closing.
    const store = createTableVoteStore(
      TableClient.fromConnectionString(inject('azuriteConnectionString'), `${app.tablePrefix}votes`, {
        allowInsecureConnection: true,
      }),
    );
    const ref = { tenantId: team.tenantId, teamId: team.teamId };
    const stored = await store.get(ref, voteId);
    if (!stored) throw new Error('the vote is not stored');
    await store.update(ref, { ...stored.value, closing: true }, stored.etag);
    expect(text(await press(carol, 'ballot.submit', { voteId, rank1: firstCandidate }, cardId))).toContain(
      'closing',
    );

    const closing = await app.connector.messagesDuring(() => press(alice, 'vote.close', { voteId }, cardId));
    expect(closing.messages).toContain('Vote closed');
    const closed = await store.get(ref, voteId);
    expect(closed?.value.closing).toBe(false);
    expect(closed?.value.vote.status).toBe('closed');
    expect(Object.keys(closed?.value.counted ?? {})).toEqual([bob.id]);
  });

  it('closes with the typed close command: refused to others, then the next step as a reply', async () => {
    // The shared card's update may arrive between the replies, so each reply is found among the new messages.
    const typed = async (user: TestUser, command: string) => {
      const { result, messages } = await app.connector.messagesDuring(() =>
        app.post(channelMessage(team, user, command)),
      );
      expect(result.status).toBe(200);
      return messages;
    };
    expect(await typed(alice, 'close')).toContain('There is no open vote to close.');
    await proposeThree();
    const { voteId, cardId } = await openVote({ quorumPercent: '0' });
    const choice = text(await press(bob, 'ballot.view', { voteId }, cardId));
    const first = /"value":"([0-9a-f-]{36})"/.exec(choice)?.[1] ?? '';
    expect(text(await press(bob, 'ballot.submit', { voteId, rank1: first }, cardId))).toContain(
      'Your ballot',
    );
    expect(await typed(bob, 'close')).toContain(
      'member: only the facilitator who opened this vote (or a team owner) can do that',
    );
    const nextStep = await typed(alice, 'close');
    expect(nextStep).toContain('Vote closed');
    expect(nextStep).toContain('Announce decision');
    expect(await typed(alice, 'close')).toContain('There is no open vote to close.');
  });

  it('lets a team owner close the vote in place of the facilitator', async () => {
    app.connector.setRoster('*', [alice, bob, { ...carol, userRole: 'owner' }]);
    await proposeThree();
    const { voteId, cardId } = await openVote({ quorumPercent: '0' });
    const closing = await app.connector.messagesDuring(() => press(carol, 'vote.close', { voteId }, cardId));
    expect(closing.messages).toContain('Vote closed');
  });

  it('refuses bad vote settings and an announcement without a rationale, naming the field', async () => {
    await proposeThree();
    const bad = text(await press(alice, 'vote.open', { closesInHours: 'soon', method: 'ranked-choice' }));
    expect(bad).toContain('closesInHours: expected a whole number from 1 to 336');
    expect(bad).toContain('Open vote');
    expect(text(await press(alice, 'vote.open', { method: 'lottery' }))).toContain('method:');
    expect(text(await press(alice, 'vote.open', {}))).toContain('opened a vote');
    const ballot = app.connector.calls.find((call) => JSON.stringify(call.body).includes('ballot.view'));
    const id = /"voteId":"([^"]+)"/.exec(JSON.stringify(ballot?.body))?.[1] ?? '';
    const view = text(await press(bob, 'ballot.view', { voteId: id }));
    const first = /"value":"([0-9a-f-]{36})"/.exec(view)?.[1] as string;
    for (const member of [alice, bob]) await press(member, 'ballot.submit', { voteId: id, rank1: first });
    await press(alice, 'vote.close', { voteId: id });
    const noRationale = text(await press(alice, 'decision.announce', { voteId: id, rationale: '   ' }));
    expect(noRationale).toContain('rationale: expected 1 to 1000 characters');
    expect(JSON.stringify(cardOf(await say(alice, 'decisions')))).toContain('No decisions');
  });

  it('gives a redelivered ballot (same invoke id) no second effect', async () => {
    await proposeThree();
    const { voteId, cardId } = await openVote();
    const personal = text(await press(bob, 'ballot.view', { voteId }, cardId));
    const first = personal.match(/"value":"([0-9a-f-]{36})"/)?.[1] as string;
    const invoke = cardAction(
      team,
      bob,
      'ballot.submit',
      { voteId, rank1: first },
      { replyToId: cardId, id: 'same-invoke' },
    );
    expect((await app.post(invoke)).status).toBe(200);
    const again = await app.post(invoke);
    expect(again.status).toBe(200);
    expect(JSON.stringify(again.body)).toContain('Your ballot:');

    // Bob changes his ballot; the first invoke arrives once more, late: his changed ballot stands.
    const second = [...personal.matchAll(/"value":"([0-9a-f-]{36})"/g)]
      .map((match) => match[1])
      .find((id) => id !== first) as string;
    const change = cardAction(team, bob, 'ballot.submit', { voteId, rank1: second }, { replyToId: cardId });
    expect((await app.post(change)).status).toBe(200);
    const late = await app.post(invoke);
    expect(JSON.stringify(late.body)).toContain('Your ballot:');
    const ballots = createTableBallotBox(
      TableClient.fromConnectionString(inject('azuriteConnectionString'), `${app.tablePrefix}ballots`, {
        allowInsecureConnection: true,
      }),
    );
    const ref = { tenantId: team.tenantId, teamId: team.teamId };
    const firstChoice = (ballot: unknown) => JSON.stringify(ballot).match(/"ranking":\["([^"]+)"/)?.[1];
    expect((await ballots.history(ref, voteId)).map(firstChoice)).toEqual([first, second]);
    expect(firstChoice(await ballots.currentOf(ref, voteId, bob.id))).toBe(second);
  });
});
