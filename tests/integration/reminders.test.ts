import { TableClient } from '@azure/data-tables';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTableJobStore } from '../../bot/storage/table-job-store';
import { createTableReminderLog } from '../../bot/storage/table-check-in-stores';
import { personalMessage, testUser, type TeamContext } from '../support/activities';
import { startTestApp, uniqueTablePrefix, type TestApp } from '../support/app-harness';
import {
  startLoopbackConnector,
  type ConnectorCall,
  type LoopbackConnector,
} from '../support/loopback-connector';
import { cardOf, channelSteps, textOf } from '../support/ownership-flow';
import { createTestClock, type TestClock } from '../support/test-clock';

const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');
const carol = testUser('Carol Coach');
const teamInfo = { teamId: '19:jefferson@thread.tacv2', teamName: 'Jefferson Leadership' };

// Monday 23 November 2026, 09:00 UTC. The team set no time zone, so its days are UTC days and the
// daily reminders run at 08:00 UTC: the first run is Tuesday 24 November, 08:00.
const START = '2026-11-23T09:00:00.000Z';
const FIRST_RUN = '2026-11-24T08:00:00.000Z';

describe('reminders', () => {
  const running: TestApp[] = [];
  let connector: LoopbackConnector | null = null;
  afterEach(async () => {
    for (const app of running.splice(0)) await app.close();
    await connector?.close();
    connector = null;
  });

  const start = async (clock: TestClock, tablePrefix: string) => {
    connector ??= await startLoopbackConnector();
    connector.setRoster('*', [alice, bob, carol]);
    const app = await startTestApp({ clock, tablePrefix, connector });
    running.push(app);
    return app;
  };
  const stop = async (app: TestApp) => {
    await app.close();
    running.splice(running.indexOf(app), 1);
  };

  /**
   * A priority with Bob and Carol as owners; Bob has a personal chat with the bot, Carol does not.
   * Each has an action due Tuesday; Carol also one due in December (not due yet).
   */
  const setUp = async (app: TestApp) => {
    const team = await app.installInTeam(teamInfo);
    const steps = channelSteps(app, team);
    await steps.post(personalMessage(team.tenantId, team.serviceUrl, bob, 'help'));
    await steps.choosePriority(alice, bob);
    await steps.makeOwner(alice, bob, 'co-owner');
    await steps.makeOwner(alice, carol, 'contributor');
    const bobs = await steps.addAction(alice, 'Call every family', bob, '2026-11-24');
    const carols = await steps.addAction(alice, 'Share the reading data', carol, '2026-11-24');
    await steps.addAction(alice, 'Plan the spring survey', carol, '2026-12-18');
    await app.settle();
    return { team, bobs, carols };
  };

  const remindersTo = (conversationId: string): ConnectorCall[] =>
    (connector?.calls ?? []).filter(
      (call) =>
        (call.kind === 'send' || call.kind === 'reply') &&
        call.conversationId === conversationId &&
        JSON.stringify(call.body).includes('Reminder'),
    );
  const bobsChat = `a:personal-${bob.aadObjectId}`;
  const threadOf = (team: TeamContext, activityId: string | null) =>
    `${team.channelId};messageid=${activityId ?? ''}`;

  it('reminds each owner once a day: in personal chat when possible, else with an @mention in the action’s thread', async () => {
    const clock = createTestClock(START);
    const app = await start(clock, uniqueTablePrefix());
    const { team, carols } = await setUp(app);

    clock.set('2026-11-24T07:59:00.000Z');
    await app.runDueJobs();
    expect(remindersTo(bobsChat)).toHaveLength(0);

    clock.set(FIRST_RUN);
    await app.runDueJobs();
    await app.runDueJobs();
    expect(remindersTo(bobsChat)).toHaveLength(1);
    const toBob = textOf(cardOf(remindersTo(bobsChat)[0]));
    expect(toBob).toContain('Call every family');
    expect(toBob).not.toContain('Share the reading data');
    const inThread = remindersTo(threadOf(team, carols.call.assignedId));
    expect(inThread).toHaveLength(1);
    const toCarol = cardOf(inThread[0]);
    expect(textOf(toCarol)).toContain('Share the reading data');
    expect(textOf(toCarol)).not.toContain('Plan the spring survey');
    expect(toCarol.msteams?.entities).toEqual([
      { type: 'mention', text: '<at>Carol Coach</at>', mentioned: { id: carol.id, name: carol.name } },
    ]);

    // Later the same day: nothing more. The next day the overdue action is reminded again, once.
    clock.set('2026-11-24T18:00:00.000Z');
    await app.runDueJobs();
    expect(remindersTo(bobsChat)).toHaveLength(1);
    clock.set('2026-11-25T08:00:00.000Z');
    await app.runDueJobs();
    await app.runDueJobs();
    expect(remindersTo(bobsChat)).toHaveLength(2);
    expect(textOf(cardOf(remindersTo(bobsChat)[1]))).toContain('not done yet');
  });

  it('sends exactly once across a restart between the due time and the send', async () => {
    const clock = createTestClock(START);
    const tablePrefix = uniqueTablePrefix();
    const first = await start(clock, tablePrefix);
    const { team, carols } = await setUp(first);
    // The due time passes while the server is down.
    await stop(first);
    clock.set('2026-11-24T08:00:30.000Z');

    const second = await start(clock, tablePrefix);
    await second.runDueJobs();
    await second.runDueJobs();
    await second.settle();
    await stop(second);
    const third = await start(clock, tablePrefix);
    await third.runDueJobs();
    expect(remindersTo(bobsChat)).toHaveLength(1);
    expect(remindersTo(threadOf(team, carols.call.assignedId))).toHaveLength(1);
  });

  it('sends exactly once when an instance stopped after claiming a reminder and before sending it', async () => {
    const clock = createTestClock(START);
    const tablePrefix = uniqueTablePrefix();
    const first = await start(clock, tablePrefix);
    const { team, bobs, carols } = await setUp(first);
    await stop(first);

    // Another instance claimed the day's reminders job and Bob's reminder, then stopped.
    clock.set(FIRST_RUN);
    const connection = inject('azuriteConnectionString');
    const table = (name: string) =>
      TableClient.fromConnectionString(connection, `${tablePrefix}${name}`, {
        allowInsecureConnection: true,
      });
    const jobs = createTableJobStore(table('jobs'));
    const due = (await jobs.due(FIRST_RUN, 50)).filter((entry) => entry.job.kind === 'reminders');
    expect(due).toHaveLength(1);
    expect(await jobs.claim(due[0]!, 'crashed-instance', FIRST_RUN, 60_000)).not.toBeNull();
    const claim = await createTableReminderLog(table('checkins')).claim(
      { tenantId: team.tenantId, teamId: team.teamId },
      { actionId: bobs.actionId, localDate: '2026-11-24' },
      'crashed-instance',
      FIRST_RUN,
      30_000,
    );
    expect(claim).not.toBe('sent');

    // While the claim holds, nobody sends.
    const second = await start(clock, tablePrefix);
    await second.runDueJobs();
    expect(remindersTo(bobsChat)).toHaveLength(0);
    // Once the leases run out, the reminder goes, once.
    clock.advance(61_000);
    await second.runDueJobs();
    await second.runDueJobs();
    clock.advance(120_000);
    await second.runDueJobs();
    expect(remindersTo(bobsChat)).toHaveLength(1);
    expect(remindersTo(threadOf(team, carols.call.assignedId))).toHaveLength(1);
  });
});
