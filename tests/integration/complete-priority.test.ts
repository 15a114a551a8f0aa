import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelMessage, testUser, type TeamContext } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import { tabApi } from '../support/tab-api';
import { actionsOf, button, cardOf, teamFlow, text, verifyTeamLog } from '../support/team-flow';
import { createTestClock } from '../support/test-clock';

const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');
const carol = testUser('Carol Coach');

describe('completing or retiring the priority, then choosing the next from the watch list', () => {
  let app: TestApp;
  let team: TeamContext;
  let flow: ReturnType<typeof teamFlow>;

  beforeEach(async () => {
    app = await startTestApp({ clock: createTestClock('2026-11-23T09:00:00.000Z') });
    app.connector.setRoster('*', [alice, bob, carol]);
    team = await app.installInTeam({ teamId: '19:jefferson@thread.tacv2', teamName: 'Jefferson Leadership' });
    flow = teamFlow(app, team);
  });
  afterEach(async () => {
    await app.close();
  });

  /** Three candidates: one becomes the priority, two go to the watch list. */
  const choose = () =>
    flow.choosePriority(
      alice,
      [
        [alice, 'Every student reads at grade level by spring'],
        [bob, 'Cut chronic absence in half'],
        [carol, 'Every family hears good news monthly'],
      ],
      [alice, bob],
    );

  it('completes the priority with outcomes and learning: announced, logged in an intact chain, no active priority, and one click opens the next vote on the watch list', async () => {
    await choose();
    const ended = (
      await tabApi(app.baseUrl, team.teamId, alice).get<{ priority: { id: string; title: string } }>(
        '/priority',
      )
    ).body.priority;
    // An action card on the priority, to press after it has ended.
    const actionCall = await flow.post({
      ...channelMessage(team, alice, `action Call every family for <at>${bob.name}</at> by Friday`),
      entities: [
        ...channelMessage(team, alice, '').entities,
        { type: 'mention', text: `<at>${bob.name}</at>`, mentioned: { id: bob.id, name: bob.name } },
      ],
    });
    const stuck = button(cardOf(actionCall), 'Stuck').data ?? {};

    const form = cardOf(await flow.say(alice, 'complete priority'));
    expect(text(form)).toContain('Complete the priority');
    expect(text(form)).toContain(ended.title);
    const submit = button(form, 'Complete priority').data ?? {};
    expect(submit).toMatchObject({ priorityId: ended.id, outcome: 'completed' });
    const missing = await flow.press(alice, 'priority.close', {
      ...submit,
      outcomes: 'Reading up 12 points',
      learned: ' ',
    });
    expect(text(missing)).toContain('learned: expected 1 to 2000 characters');
    expect(text(missing)).toContain('Reading up 12 points');

    const before = app.connector.calls.length;
    const done = await flow.press(alice, 'priority.close', {
      ...submit,
      outcomes: 'Reading up 12 points across grades two to four',
      learned: 'Small groups worked; the evening slot did not, and that taught us to meet in the day',
    });
    expect(text(done)).toContain('Priority completed.');
    const announcement = flow
      .postedSince(before)
      .find((call) => JSON.stringify(call.body).includes('Priority completed:'));
    const card = cardOf(announcement);
    expect(text(card)).toContain('Reading up 12 points across grades two to four');
    expect(text(card)).toContain('the evening slot did not');
    expect(text(card)).toContain('Choose our next priority from the watch list');
    expect(actionsOf(card).map((action) => action.title)).toContain('Open a vote on the watch list');

    const report = await verifyTeamLog(app, team);
    expect(report.issues).toEqual([]);
    expect(report.intact).toBe(true);
    expect(report.chained).toBe(2);

    // No active priority any more: the card, the API and the overview say so; the decision is in the log.
    expect(text(cardOf(await flow.say(carol, 'priority')))).toContain('No priority yet');
    const api = tabApi(app.baseUrl, team.teamId, carol);
    expect((await api.get<{ priority: unknown }>('/priority')).body.priority).toBeNull();
    const overview = await api.get<{
      priority: unknown;
      decisions: Array<{ kind: string; learned?: string }>;
    }>('');
    expect(overview.body.priority).toBeNull();
    expect(overview.body.decisions[0]).toMatchObject({ kind: 'priority-completed' });
    expect(overview.body.decisions[0]?.learned).toContain('Small groups worked');
    const decisions = text(cardOf(await flow.say(carol, 'decisions')));
    expect(decisions).toContain('Priority completed');
    expect(decisions).toContain('Ranked choice');

    // Owners and actions on the ended priority are refused and change nothing.
    const assignMessage = channelMessage(team, alice, `assign <at>${bob.name}</at> as lead`);
    const assign = await flow.post({
      ...assignMessage,
      entities: [
        ...assignMessage.entities,
        { type: 'mention', text: `<at>${bob.name}</at>`, mentioned: { id: bob.id, name: bob.name } },
      ],
    });
    expect(assign.body.text).toContain('the team has no active priority');
    expect(
      (
        await tabApi(app.baseUrl, team.teamId, alice).post('/priority/actions', {
          title: 'More',
          ownerId: bob.id,
        })
      ).status,
    ).toBe(409);
    expect(text(await flow.press(bob, 'action.status', stuck))).toContain(
      'its owners and actions can no longer change',
    );
    expect((await flow.say(alice, 'complete priority')).body.text).toBe(
      'Nothing changed. priority: the team has no active priority to complete or retire',
    );

    // One click: the watch list's candidates are proposed again and a vote opens on them.
    const clicked = await flow.press(
      carol,
      'watchlist.vote',
      button(card, 'Open a vote on the watch list').data ?? {},
    );
    expect(text(clicked)).toContain('opened a vote on the watch list');
    const ballot = flow.postedSince(before).find((call) => JSON.stringify(call.body).includes('ballot.view'));
    const ballotText = JSON.stringify(ballot?.body);
    const watched = [
      'Every student reads at grade level by spring',
      'Cut chronic absence in half',
      'Every family hears good news monthly',
    ].filter((title) => title !== ended.title);
    expect(watched).toHaveLength(2);
    for (const title of watched) expect(ballotText).toContain(title);
    expect(ballotText).not.toContain(ended.title);
    // The watch list is now in the vote; a second click opens nothing.
    expect(text(await flow.press(carol, 'watchlist.vote', { decisionId: 'x' }))).toContain(
      'No vote was opened',
    );
  });

  it('retires the priority only by a facilitator or the lead', async () => {
    await choose();
    expect((await flow.say(carol, 'retire priority')).body.text).toBe(
      'Nothing changed. actor: only a facilitator or the lead completes or retires the priority',
    );
    const ended = (
      await tabApi(app.baseUrl, team.teamId, alice).get<{ priority: { id: string } }>('/priority')
    ).body.priority;
    expect(
      text(
        await flow.press(carol, 'priority.close', {
          priorityId: ended.id,
          outcome: 'retired',
          outcomes: 'None',
          learned: 'Too big',
        }),
      ),
    ).toContain('actor: only a facilitator or the lead completes or retires the priority');

    const form = cardOf(await flow.say(alice, 'retire priority'));
    const retired = await flow.press(alice, 'priority.close', {
      ...(button(form, 'Retire priority').data ?? {}),
      outcomes: 'Attendance data is now weekly',
      learned: 'Absence has causes outside school we cannot reach alone',
    });
    expect(text(retired)).toContain('Priority retired.');
    expect((await verifyTeamLog(app, team)).intact).toBe(true);
    expect(text(cardOf(await flow.say(alice, 'decisions')))).toContain('Priority retired');
  });
});
