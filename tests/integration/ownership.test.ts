import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cardAction,
  personalMessage,
  testUser,
  type TeamContext,
  type TestUser,
} from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import type { ConnectorCall } from '../support/loopback-connector';
import {
  buttonsOf,
  cardOf,
  textOf,
  withMentions,
  type Card,
  type CardButton,
} from '../support/ownership-flow';
import { tabApi } from '../support/tab-api';
import { createTestClock, type TestClock } from '../support/test-clock';

const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');
const carol = testUser('Carol Coach');
const outsider = testUser('Olivia Outsider');

const button = (card: unknown, title: string): CardButton => {
  const found = buttonsOf(card).find((action) => action.title === title);
  if (!found) throw new Error(`no ${title} button in ${JSON.stringify(card)}`);
  return found;
};

describe('owners, roles and small next actions', () => {
  let app: TestApp;
  let team: TeamContext;
  let clock: TestClock;

  beforeEach(async () => {
    clock = createTestClock('2026-11-23T09:00:00.000Z');
    app = await startTestApp({ clock });
    app.connector.setRoster('*', [alice, bob, carol]);
    team = await app.installInTeam({ teamId: '19:roosevelt@thread.tacv2', teamName: 'Roosevelt Leadership' });
  });
  afterEach(async () => {
    await app.close();
  });

  const post = async (activity: unknown): Promise<ConnectorCall> => {
    const before = app.connector.calls.length;
    const result = await app.post(activity);
    expect(result.status).toBe(200);
    const calls = await app.connector.waitFor((all) =>
      all.slice(before).some((call) => call.kind !== 'members'),
    );
    return calls.slice(before).find((call) => call.kind !== 'members') as ConnectorCall;
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

  /** Two candidates, a vote opened by Alice (its facilitator), two ballots, closed and announced. */
  const choosePriority = async () => {
    await say(alice, 'propose Every student reads at grade level by spring');
    await say(bob, 'propose Cut chronic absence in half');
    expect(
      textOf(await press(alice, 'vote.open', { method: 'ranked-choice', quorumPercent: '0' })),
    ).toContain('opened a vote');
    const ballot = await app.connector.waitFor((all) =>
      all.some((call) => JSON.stringify(call.body).includes('ballot.view')),
    );
    const voteId = /"voteId":"([^"]+)"/.exec(
      JSON.stringify(ballot.find((call) => JSON.stringify(call.body).includes('ballot.view'))?.body),
    )?.[1] as string;
    const view = textOf(await press(bob, 'ballot.view', { voteId }));
    const first = /"value":"([0-9a-f-]{36})"/.exec(view)?.[1] as string;
    for (const member of [alice, bob]) await press(member, 'ballot.submit', { voteId, rank1: first });
    const closing = await app.connector.messagesDuring(() => press(alice, 'vote.close', { voteId }));
    expect(closing.messages).toContain('Announce decision');
    expect(
      textOf(await press(alice, 'decision.announce', { voteId, rationale: 'Reading first.' })),
    ).toContain('Announced');
    await app.settle();
  };

  it('assigns a role: the person is asked in the thread and in personal chat, only they accept, and the priority card lists them', async () => {
    // Bob has talked to the bot in personal chat, so the bot can reach him there.
    await post(personalMessage(team.tenantId, team.serviceUrl, bob, 'help'));
    await choosePriority();

    const before = app.connector.calls.length;
    const asked = await say(alice, 'assign <at>Bob Teacher</at> as co-owner', [bob]);
    const card = cardOf(asked);
    expect(textOf(card)).toContain('asks you to be **Co-owner**');
    expect(buttonsOf(card).map((action) => action.title)).toEqual(['Accept', 'Decline']);
    expect(card.msteams?.entities).toEqual([
      { type: 'mention', text: '<at>Bob Teacher</at>', mentioned: { id: bob.id, name: bob.name } },
    ]);
    const personal = await app.connector.waitFor((all) =>
      all
        .slice(before)
        .some(
          (call) =>
            call.conversationId === `a:personal-${bob.aadObjectId}` &&
            (call.kind === 'send' || call.kind === 'reply'),
        ),
    );
    const personalCall = personal
      .slice(before)
      .find(
        (call) =>
          call.conversationId === `a:personal-${bob.aadObjectId}` &&
          (call.kind === 'send' || call.kind === 'reply'),
      );
    expect(button(cardOf(personalCall), 'Accept').data).toMatchObject({
      teamId: team.teamId,
      memberId: bob.id,
    });

    const accept = button(card, 'Accept').data ?? {};
    expect(textOf(await press(carol, 'assignment.accept', accept, asked.assignedId ?? undefined))).toBe(
      'Only Bob Teacher can answer this: the role was asked of them.',
    );
    const accepted = await press(bob, 'assignment.accept', accept, asked.assignedId ?? undefined);
    expect(textOf(accepted)).toContain('accepted: **Co-owner**');
    expect(buttonsOf(accepted).map((action) => action.title)).toEqual(['Save my part']);
    // The personal-chat copy now says so too.
    await app.settle();
    expect(
      app.connector.calls.some(
        (call) =>
          call.kind === 'update' &&
          call.activityId === personalCall?.assignedId &&
          JSON.stringify(call.body).includes('accepted'),
      ),
    ).toBe(true);

    const saved = await press(bob, 'assignment.statement', {
      ...accept,
      statement: 'I will run the reading clinic',
    });
    expect(textOf(saved)).toContain('Their part: I will run the reading clinic');

    const priorityCard = textOf(cardOf(await say(carol, 'priority')));
    expect(priorityCard).toContain('Owners');
    expect(priorityCard).toContain('**Bob Teacher** — Co-owner: I will run the reading clinic');

    const api = await tabApi(app.baseUrl, team.teamId, carol).get<{
      priority: { title: string };
      owners: Array<{ memberId: string; role: string; status: string; statement: string }>;
      facilitator: boolean;
    }>('/priority');
    expect(api.status).toBe(200);
    expect(priorityCard).toContain(api.body.priority.title);
    expect(api.body.priority.title).toMatch(/Every student reads|Cut chronic absence/);
    expect(api.body.owners).toEqual([
      expect.objectContaining({
        memberId: bob.id,
        role: 'co-owner',
        status: 'accepted',
        statement: 'I will run the reading clinic',
      }),
    ]);
    expect(api.body.facilitator).toBe(false);
  });

  it('lets the person decline with a reason, which the team can see', async () => {
    await choosePriority();
    const asked = cardOf(await say(alice, 'assign <at>Carol Coach</at> as the lead', [carol]));
    const key = button(asked, 'Decline').data ?? {};
    const form = await press(carol, 'assignment.decline', key);
    expect(textOf(form)).toContain('Why are you declining?');
    expect(buttonsOf(form).map((action) => action.title)).toEqual(['Decline', 'Back']);
    expect(textOf(await press(carol, 'assignment.decline.confirm', { ...key, reason: '   ' }))).toContain(
      'reason: expected 1 to 500 characters',
    );
    const declined = await press(carol, 'assignment.decline.confirm', {
      ...key,
      reason: 'I lead the math team this year',
    });
    expect(textOf(declined)).toContain('declined the role of Lead');
    expect(textOf(declined)).toContain('I lead the math team this year');
    // Answered: pressing Accept afterwards changes nothing.
    expect(textOf(await press(carol, 'assignment.accept', key))).toContain('there is nothing to accept');

    const owners = textOf(cardOf(await say(alice, 'owners')));
    expect(owners).toContain('**Carol Coach** — declined Lead');
    const api = await tabApi(app.baseUrl, team.teamId, alice).get<{
      owners: Array<{ status: string; declineReason: string }>;
      facilitator: boolean;
    }>('/priority');
    expect(api.body.owners).toEqual([
      expect.objectContaining({ status: 'declined', declineReason: 'I lead the math team this year' }),
    ]);
    expect(api.body.facilitator).toBe(true);
  });

  it("gives the tab the team's Teams roster to choose owners from, and only to members", async () => {
    const roster = await tabApi(app.baseUrl, team.teamId, carol).get<{
      members: Array<{ id: string; name: string }>;
    }>('/members');
    expect(roster.status).toBe(200);
    expect(roster.body.members).toEqual(
      expect.arrayContaining([alice, bob, carol].map((member) => ({ id: member.id, name: member.name }))),
    );
    expect(roster.body.members.map((member) => member.id)).not.toContain(outsider.id);
    const refused = await tabApi(app.baseUrl, team.teamId, outsider).get<{ error: { code: string } }>(
      '/members',
    );
    expect(refused.status).toBe(403);
  });

  it('refuses a person outside the team, an unmentioned name and a member who is not a facilitator', async () => {
    await choosePriority();
    const outside = await say(alice, 'assign <at>Olivia Outsider</at> as contributor', [outsider]);
    expect(outside.body.text).toBe(
      'Nobody was assigned. Olivia Outsider is not a member of this team, so they cannot take a role on its priority.',
    );
    // Typed markup without Teams' mention entity names nobody.
    const typed = await say(alice, 'assign <at>Bob Teacher</at> as contributor');
    expect(typed.body.text).toContain('I could not tell who that is');
    const badRole = await say(alice, 'assign <at>Bob Teacher</at> as boss', [bob]);
    expect(badRole.body.text).toContain('role: expected one of lead, co-owner, contributor, consulted');
    const notFacilitator = await say(carol, 'assign <at>Bob Teacher</at> as contributor', [bob]);
    expect(notFacilitator.body.text).toBe(
      'Nobody was assigned. actor: only a facilitator or the lead assigns roles',
    );
    expect(textOf(cardOf(await say(alice, 'owners')))).toContain('No owners yet');
  });

  it('refuses assignments and actions while the team has no active priority', async () => {
    const assign = await say(alice, 'assign <at>Bob Teacher</at> as lead', [bob]);
    expect(assign.body.text).toBe(
      'Nobody was assigned. priority: the team has no active priority yet: choose one with a vote first, then name its owners',
    );
    const action = await say(alice, 'action Call every family for <at>Bob Teacher</at> by 2026-12-04', [bob]);
    expect(action.body.text).toContain('No action was added. priority: the team has no active priority');
    expect(textOf(cardOf(await say(alice, 'owners')))).toContain('There is no active priority yet');
    const api = await tabApi(app.baseUrl, team.teamId, alice).post('/priority/actions', {
      title: 'Call every family',
      ownerId: bob.id,
    });
    expect(api.status).toBe(409);
  });

  it('refuses an action due in the past or on a date it cannot read, and adds nothing', async () => {
    await choosePriority();
    const past = await say(alice, 'action Call every family for <at>Bob Teacher</at> by 2026-11-20', [bob]);
    expect(past.body.text).toContain('No action was added. due: the due date is in the past');
    const unreadable = await say(alice, 'action Call every family for <at>Bob Teacher</at> by someday', [
      bob,
    ]);
    expect(unreadable.body.text).toContain('write YYYY-MM-DD (for example 2026-12-04)');
    const outside = await say(alice, 'action Call every family for <at>Olivia Outsider</at> by Friday', [
      outsider,
    ]);
    expect(outside.body.text).toContain('Olivia Outsider is not a member of this team');
    const notOwner = await say(carol, 'action Call every family for <at>Bob Teacher</at>', [bob]);
    expect(notOwner.body.text).toContain(
      'actor: only an owner of the priority, its lead or a facilitator adds actions',
    );
    expect(textOf(cardOf(await say(alice, 'owners')))).toContain('No actions yet');

    // The same day a week later, "today" is still fine: due at the end of the day.
    clock.advance(7 * 24 * 3_600_000);
    const today = cardOf(
      await say(alice, 'action Call every family for <at>Bob Teacher</at> by today', [bob]),
    );
    expect(textOf(today)).toContain('2026-11-30T23:59:00Z');
  });

  it('changes an action status from the card and from the API, refusing a stale ETag with 412', async () => {
    await choosePriority();
    const posted = await say(alice, 'action Call every family for <at>Bob Teacher</at> by Friday', [bob]);
    const card = cardOf(posted);
    expect(textOf(card)).toContain('Call every family');
    expect(textOf(card)).toContain('2026-11-27T23:59:00Z');
    expect(buttonsOf(card).map((action) => action.title)).toEqual([
      'Not started',
      'On track',
      'Stuck',
      'Done',
    ]);
    const stuck = button(card, 'Stuck').data ?? {};

    expect(textOf(await press(carol, 'action.status', stuck, posted.assignedId ?? undefined))).toBe(
      "actor: only the action's owner, the lead or a facilitator changes its status",
    );
    const pressed = await press(bob, 'action.status', stuck, posted.assignedId ?? undefined);
    expect(textOf(pressed)).toContain('{"title":"Status","value":"Stuck"}');

    const api = tabApi(app.baseUrl, team.teamId, bob);
    const view = await api.get<{
      actions: Record<string, Array<{ id: string; etag: string; status: string }>>;
    }>('/priority');
    const [row] = view.body.actions.stuck ?? [];
    expect(row?.id).toBe(stuck.actionId);

    const before = app.connector.calls.length;
    const changed = await api.patch<{ action: { status: string; etag: string } }>(
      `/priority/actions/${encodeURIComponent(row?.id ?? '')}`,
      { status: 'on-track' },
      { 'if-match': row?.etag ?? '' },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.action.status).toBe('on-track');
    // The card in the channel follows.
    await app.connector.waitFor((all) =>
      all
        .slice(before)
        .some(
          (call) =>
            call.kind === 'update' &&
            call.activityId === posted.assignedId &&
            JSON.stringify(call.body).includes('{"title":"Status","value":"On track"}'),
        ),
    );

    const stale = await api.patch<{ error: { code: string }; current: { status: string } }>(
      `/priority/actions/${encodeURIComponent(row?.id ?? '')}`,
      { status: 'done' },
      { 'if-match': row?.etag ?? '' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.current.status).toBe('on-track');
    const noEtag = await api.patch(`/priority/actions/${encodeURIComponent(row?.id ?? '')}`, {
      status: 'done',
    });
    expect(noEtag.status).toBe(428);
    const badStatus = await api.patch(
      `/priority/actions/${encodeURIComponent(row?.id ?? '')}`,
      { status: 'finished' },
      { 'if-match': changed.body.action.etag },
    );
    expect(badStatus.status).toBe(400);
  });

  it('adds an action from the tab, posts its card in the channel and refuses an owner outside the team', async () => {
    await choosePriority();
    const api = tabApi(app.baseUrl, team.teamId, alice);
    const refused = await api.post('/priority/actions', { title: 'Plan the clinic', ownerId: outsider.id });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('ownerId: not a member of this team');
    const past = await api.post('/priority/actions', {
      title: 'Plan the clinic',
      ownerId: bob.id,
      due: '2026-11-01',
    });
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body)).toContain('due: the due date is in the past');

    const before = app.connector.calls.length;
    const created = await api.post<{
      action: { id: string; status: string; due: string; ownerName: string };
    }>('/priority/actions', { title: 'Plan the clinic', ownerId: bob.id });
    expect(created.status).toBe(201);
    expect(created.body.action).toMatchObject({ status: 'not-started', ownerName: 'Bob Teacher' });
    // Due in two weeks by default.
    expect(created.body.action.due).toBe('2026-12-07T09:00:00.000Z');
    const calls = await app.connector.waitFor((all) =>
      all
        .slice(before)
        .some(
          (call) =>
            (call.kind === 'send' || call.kind === 'reply') &&
            JSON.stringify(call.body).includes('Plan the clinic'),
        ),
    );
    const channelCard = calls
      .slice(before)
      .find((call) => JSON.stringify(call.body).includes('Plan the clinic'));
    expect(channelCard?.conversationId).toBe(team.channelId);
    const owners = textOf(cardOf(await say(alice, 'owners')));
    expect(owners).toContain('Not started (1)');
    expect(owners).toContain('Plan the clinic');
  });
});
