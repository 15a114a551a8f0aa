import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testUser, type TeamContext } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import type { ConnectorCall } from '../support/loopback-connector';
import { buttonsOf, cardOf, channelSteps, textOf, type Card } from '../support/ownership-flow';
import { tabApi } from '../support/tab-api';
import { createTestClock, type TestClock } from '../support/test-clock';

const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');
const carol = testUser('Carol Coach');
const dan = testUser('Dan Counselor');

type Timeline = {
  rounds: Array<{
    roundId: string;
    status: 'open' | 'closed';
    dueAt: string;
    actionsByStatus: Record<string, number>;
    checkedIn: Array<{ memberId: string; name: string }>;
    notCheckedIn: Array<{ memberId: string; name: string }>;
    stuck: Array<{ title: string; ownerName: string }>;
    answers: Array<{ name: string; tried: string; happened: string; learned: string }>;
  }>;
};

describe('check-ins', () => {
  let app: TestApp;
  let team: TeamContext;
  let clock: TestClock;
  let steps: ReturnType<typeof channelSteps>;

  // Monday 26 October 2026, 09:00 in New York (EDT, UTC-4); the clocks go back on Sunday 1 November.
  beforeEach(async () => {
    clock = createTestClock('2026-10-26T13:00:00.000Z');
    app = await startTestApp({ clock });
    app.connector.setRoster('*', [alice, bob, carol, dan]);
    team = await app.installInTeam({ teamId: '19:lincoln@thread.tacv2', teamName: 'Lincoln Leadership' });
    steps = channelSteps(app, team);
  });
  afterEach(async () => {
    await app.close();
  });

  /** Check-in cards posted at the top of the channel (not replies), in order. */
  const postedRounds = (): ConnectorCall[] =>
    app.connector.calls.filter(
      (call) =>
        (call.kind === 'send' || call.kind === 'reply') &&
        call.conversationId === team.channelId &&
        JSON.stringify(call.body).includes('checkin.view'),
    );
  const updatesOf = (activityId: string | null) =>
    app.connector.calls.filter((call) => call.kind === 'update' && call.activityId === activityId);

  const setUp = async () => {
    await steps.choosePriority(alice, bob);
    await steps.makeOwner(alice, bob, 'co-owner');
    await steps.makeOwner(alice, carol, 'contributor');
    const { actionId } = await steps.addAction(alice, 'Call every family', bob, '2026-11-20');
    return actionId;
  };

  it('posts a round at the set time across a daylight-saving change; owners answer, a non-owner is refused, and the summary is on the timeline', async () => {
    const actionId = await setUp();
    // Only a facilitator sets the cadence: Bob owns part of the priority but does not facilitate it.
    const refused = await steps.say(bob, 'check-ins Tuesday 15:30 timezone America/New_York');
    expect(refused.body.text).toContain(
      'Nothing changed. actor: only a team owner, the facilitator or the lead',
    );

    const set = await steps.say(alice, 'check-ins Tuesday 15:30 timezone America/New_York');
    expect(set.body.text).toContain('Check-ins: Tuesdays at 15:30, every week (America/New_York).');
    expect(set.body.text).toContain('The next one: Tuesday, 27 October 2026 at 15:30.');
    const settings = await tabApi(app.baseUrl, team.teamId, bob).get<{
      schedule: { weekday: number; hour: number; minute: number; everyWeeks: number; timeZone: string };
      nextRoundAt: string;
      facilitator: boolean;
    }>('/priority/check-ins');
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({
      schedule: { weekday: 2, hour: 15, minute: 30, everyWeeks: 1, timeZone: 'America/New_York' },
      nextRoundAt: '2026-10-27T19:30:00.000Z',
      facilitator: false,
    });

    // A minute early: nothing. On time: one card in the channel, even if the jobs run twice.
    clock.set('2026-10-27T19:29:00.000Z');
    await app.runDueJobs();
    expect(postedRounds()).toHaveLength(0);
    clock.set('2026-10-27T19:30:00.000Z');
    await app.runDueJobs();
    await app.runDueJobs();
    expect(postedRounds()).toHaveLength(1);
    const posted = postedRounds()[0] as ConnectorCall;
    const shared = cardOf(posted);
    expect(textOf(shared)).toContain('Checked in (0 of 2)');
    expect(shared.actions?.map((each) => each.title)).toEqual(['Check in', 'Close check-in']);
    const roundId = buttonsOf(shared)[0]?.data?.roundId as string;

    // Bob's own view: the three questions and the status of his action.
    const form = (await steps.press(bob, 'checkin.view', { teamId: team.teamId, roundId })) as Card;
    const formText = textOf(form);
    for (const label of ['What I tried', 'What happened', 'What I learned', `status_${actionId}`])
      expect(formText).toContain(label);
    // Dan is not an owner: he sees the card and cannot answer.
    expect(textOf(await steps.press(dan, 'checkin.view', { roundId }))).toContain(
      'Only the owners expected at this check-in answer it.',
    );
    expect(textOf(await steps.press(dan, 'checkin.answer', { roundId, learned: 'I was not asked' }))).toBe(
      'Only the owners expected at this check-in answer it.',
    );
    // An empty answer is refused with the reason.
    expect(textOf(await steps.press(bob, 'checkin.answer', { roundId, tried: '  ' }))).toContain(
      'answer: write what was tried, what happened or what was learned',
    );

    const answered = await steps.press(bob, 'checkin.answer', {
      roundId,
      tried: 'Called ten families',
      happened: 'Only three picked up',
      learned: 'Evenings work better than mornings',
      [`status_${actionId}`]: 'stuck',
    });
    expect(textOf(answered)).toContain('Thank you: your check');
    expect(textOf(answered)).toContain('Evenings work better than mornings');
    // Answering again replaces the earlier answer.
    await steps.press(bob, 'checkin.answer', {
      roundId,
      tried: 'Called ten families',
      happened: 'Only three picked up',
      learned: 'Evenings work better, and texts first help',
      [`status_${actionId}`]: 'stuck',
    });
    await app.settle();
    const updated = updatesOf(posted.assignedId);
    expect(updated.length).toBeGreaterThanOrEqual(1);
    expect(textOf(cardOf(updated.at(-1)))).toContain('Checked in (1 of 2): Bob Teacher');
    // The status went to the action, and its card too.
    const actions = await tabApi(app.baseUrl, team.teamId, alice).get<{
      actions: Record<string, Array<{ id: string }>>;
    }>('/priority');
    expect(actions.body.actions.stuck?.map((each) => each.id)).toEqual([actionId]);

    // The next Tuesday is after the clocks went back: 15:30 is now UTC-5. It closes the first round.
    const next = await tabApi(app.baseUrl, team.teamId, alice).get<{ nextRoundAt: string }>(
      '/priority/check-ins',
    );
    expect(next.body.nextRoundAt).toBe('2026-11-03T20:30:00.000Z');
    clock.set('2026-11-03T20:30:00.000Z');
    await app.runDueJobs();
    await app.settle();
    expect(postedRounds()).toHaveLength(2);
    expect(textOf(cardOf(updatesOf(posted.assignedId).at(-1)))).toContain('closed');
    expect(textOf(await steps.press(carol, 'checkin.answer', { roundId, learned: 'Too late' }))).toContain(
      'closed',
    );

    const timeline = await tabApi(app.baseUrl, team.teamId, dan).get<Timeline>('/priority/timeline');
    expect(timeline.status).toBe(200);
    const [open, closed] = timeline.body.rounds;
    expect(open?.status).toBe('open');
    expect(closed).toMatchObject({
      roundId,
      status: 'closed',
      dueAt: '2026-10-27T19:30:00.000Z',
      checkedIn: [{ memberId: bob.id, name: bob.name }],
      notCheckedIn: [{ memberId: carol.id, name: carol.name }],
      actionsByStatus: { 'not-started': 0, 'on-track': 0, stuck: 1, done: 0 },
      stuck: [{ title: 'Call every family', ownerName: bob.name }],
      answers: [
        {
          name: bob.name,
          tried: 'Called ten families',
          happened: 'Only three picked up',
          learned: 'Evenings work better, and texts first help',
        },
      ],
    });
  });

  it('lets the facilitator close a round early, and nobody else', async () => {
    await setUp();
    await steps.say(alice, 'check-ins Tuesday 15:30 timezone America/New_York');
    clock.set('2026-10-27T19:30:00.000Z');
    await app.runDueJobs();
    const roundId = buttonsOf(cardOf(postedRounds()[0]))[0]?.data?.roundId as string;
    expect(textOf(await steps.press(carol, 'checkin.close', { roundId }))).toBe(
      'Only a team owner, the facilitator or the lead closes a check-in.',
    );
    const closed = await steps.press(alice, 'checkin.close', { roundId });
    expect(textOf(closed)).toContain('closed');
    expect(textOf(closed)).toContain('Not checked in: Bob Teacher, Carol Coach');
    const timeline = await tabApi(app.baseUrl, team.teamId, alice).get<Timeline>('/priority/timeline');
    expect(timeline.body.rounds.map((round) => round.status)).toEqual(['closed']);
  });

  it('skips the rounds inside a school break, and lists the breaks', async () => {
    await setUp();
    await steps.say(alice, 'check-ins Tuesday 15:30 timezone America/New_York');
    const listed = await steps.say(alice, 'school break 2026-10-26 to 2026-10-30 Fall break');
    expect(listed.body.text).toContain('School breaks (no check-ins): Fall break 2026-10-26 to 2026-10-30.');
    expect(listed.body.text).toContain('The next one: Tuesday, 3 November 2026 at 15:30.');
    expect((await steps.say(carol, 'check-ins')).body.text).toContain('Fall break 2026-10-26 to 2026-10-30');

    // The round first planned for 27 October does not happen; the one after the break does.
    clock.set('2026-10-27T19:30:00.000Z');
    await app.runDueJobs();
    expect(postedRounds()).toHaveLength(0);
    clock.set('2026-11-03T20:30:00.000Z');
    await app.runDueJobs();
    expect(postedRounds()).toHaveLength(1);
    expect(textOf(cardOf(postedRounds()[0]))).toContain('Checked in (0 of 2)');

    const off = await steps.say(alice, 'check-ins off');
    expect(off.body.text).toContain('Check-ins are off.');
    clock.set('2026-11-10T20:30:00.000Z');
    await app.runDueJobs();
    expect(postedRounds()).toHaveLength(1);
  });

  it('sets the cadence from the tab, facilitators only, with the breaks', async () => {
    await setUp();
    const body = {
      schedule: { weekday: 4, hour: 8, minute: 15, everyWeeks: 2, timeZone: 'Europe/London' },
      breaks: [{ from: '2026-12-21', to: '2027-01-01', name: 'Winter break' }],
    };
    const refused = await tabApi(app.baseUrl, team.teamId, carol).put('/priority/check-ins', body);
    expect(refused.status).toBe(403);
    const bad = await tabApi(app.baseUrl, team.teamId, alice).put('/priority/check-ins', {
      ...body,
      schedule: { ...body.schedule, timeZone: 'Mars/Olympus' },
    });
    expect(bad.status).toBe(400);
    const saved = await tabApi(app.baseUrl, team.teamId, alice).put<{ nextRoundAt: string }>(
      '/priority/check-ins',
      body,
    );
    expect(saved.status).toBe(200);
    // Thursday 29 October, 08:15 in London (GMT after 25 October).
    expect(saved.body.nextRoundAt).toBe('2026-10-29T08:15:00.000Z');
    expect((await steps.say(dan, 'check-ins')).body.text).toContain(
      'Check-ins: Thursdays at 08:15, every 2 weeks (Europe/London).',
    );
  });
});
