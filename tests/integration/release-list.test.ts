import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testUser, type TeamContext } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import { tabApi } from '../support/tab-api';
import { actionsOf, button, cardOf, teamFlow, text, verifyTeamLog } from '../support/team-flow';
import { createTestClock } from '../support/test-clock';

const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');
const carol = testUser('Carol Coach');

type ReleaseRow = { id: string; text: string; status: string; objections: Array<{ reason: string }> };

describe('the release list: what the team stops doing, decided by consent', () => {
  let app: TestApp;
  let team: TeamContext;
  let flow: ReturnType<typeof teamFlow>;

  beforeEach(async () => {
    app = await startTestApp({ clock: createTestClock('2026-11-23T09:00:00.000Z') });
    app.connector.setRoster('*', [alice, bob, carol]);
    team = await app.installInTeam({ teamId: '19:lincoln@thread.tacv2', teamName: 'Lincoln Leadership' });
    flow = teamFlow(app, team);
  });
  afterEach(async () => {
    await app.close();
  });

  const choose = () =>
    flow.choosePriority(
      alice,
      [
        [alice, 'Every student reads at grade level by spring'],
        [bob, 'Cut chronic absence in half'],
      ],
      [alice, bob],
    );
  const releasesOf = async () =>
    (await tabApi(app.baseUrl, team.teamId, bob).get<{ releases: ReleaseRow[] }>('/priority')).body.releases;

  it('proposes a release, decides it by consent, announces it, logs it in the chain and lists it next to the priority', async () => {
    await choose();
    const proposed = cardOf(await flow.say(bob, 'release the weekly paper newsletter'));
    expect(text(proposed)).toContain('the weekly paper newsletter');
    expect(actionsOf(proposed).map((action) => action.title)).toEqual([
      'Consent',
      'Stand aside',
      'Object',
      'Close',
      'Withdraw',
    ]);
    const releaseId = button(proposed, 'Consent').data?.releaseId as string;

    const consented = await flow.press(alice, 'release.respond', { releaseId, answer: 'consent' });
    expect(text(consented)).toContain('Your answer: Consent');
    await flow.press(bob, 'release.respond', { releaseId, answer: 'stand-aside' });
    expect(text(await flow.press(carol, 'release.respond', { releaseId, answer: 'consent' }))).toContain(
      '2 consent · 1 stand aside · 0 object',
    );

    const before = app.connector.calls.length;
    const closed = await flow.press(alice, 'release.close', { releaseId });
    expect(text(closed)).toContain('Decided by consent: the team stops doing this.');
    expect(actionsOf(closed)).toEqual([]);
    const announced = flow
      .postedSince(before)
      .map((call) => JSON.stringify(call.body))
      .find((body) => body.includes('Decision: we stop the weekly paper newsletter'));
    expect(announced).toContain('To make room for our priority');
    expect(announced).toContain('2 consent · 1 stand aside · nobody objects');

    const list = text(cardOf(await flow.say(carol, 'releases')));
    expect(list).toContain('We stop: the weekly paper newsletter');
    const priority = text(cardOf(await flow.say(carol, 'priority')));
    expect(priority).toContain('Release list');
    expect(priority).toContain('We stop: the weekly paper newsletter');
    expect(await releasesOf()).toEqual([
      expect.objectContaining({ id: releaseId, text: 'the weekly paper newsletter', status: 'decided' }),
    ]);
    const decisions = text(cardOf(await flow.say(carol, 'decisions')));
    expect(decisions).toContain('Released by consent');
    expect(decisions).toContain('Ranked choice');

    const report = await verifyTeamLog(app, team);
    expect(report.issues).toEqual([]);
    expect(report.intact).toBe(true);
    expect(report.chained).toBe(2);
    // Closing again changes nothing and logs nothing twice.
    expect(text(await flow.press(alice, 'release.close', { releaseId }))).toContain('Decided by consent');
    expect((await verifyTeamLog(app, team)).chained).toBe(2);
  });

  it('keeps an item undecided while anyone objects, and lists every objection with its reason', async () => {
    await choose();
    const proposed = cardOf(await flow.say(bob, 'release the Friday duty rota'));
    const releaseId = button(proposed, 'Object').data?.releaseId as string;
    expect(text(await flow.press(carol, 'release.respond', { releaseId, answer: 'object' }))).toContain(
      'reason: an objection needs a reason',
    );
    await flow.press(alice, 'release.respond', { releaseId, answer: 'consent' });
    await flow.press(carol, 'release.respond', {
      releaseId,
      answer: 'object',
      reason: 'The rota keeps the yard safe',
    });

    const closed = text(await flow.press(alice, 'release.close', { releaseId }));
    expect(closed).toContain('Objections were raised, so nothing is decided');
    expect(closed).toContain('Carol Coach: The rota keeps the yard safe');
    expect(await releasesOf()).toEqual([
      expect.objectContaining({
        status: 'proposed',
        objections: [expect.objectContaining({ reason: 'The rota keeps the yard safe' })],
      }),
    ]);
    expect(text(cardOf(await flow.say(bob, 'releases')))).toContain('Proposed: the Friday duty rota');
    expect((await verifyTeamLog(app, team)).chained).toBe(1);

    // Carol can live with it after all: now the facilitator's close decides it.
    await flow.press(carol, 'release.respond', { releaseId, answer: 'stand-aside' });
    expect(text(await flow.press(alice, 'release.close', { releaseId }))).toContain('Decided by consent');
  });

  it('refuses a close by a member who is not a facilitator, and a withdrawal by anyone but the proposer', async () => {
    await choose();
    const proposed = cardOf(await flow.say(bob, 'release the monthly data binder'));
    const releaseId = button(proposed, 'Close').data?.releaseId as string;
    await flow.press(carol, 'release.respond', { releaseId, answer: 'consent' });
    expect(text(await flow.press(carol, 'release.close', { releaseId }))).toContain(
      'actor: only a facilitator closes a consent round',
    );
    expect(text(await flow.press(carol, 'release.withdraw', { releaseId }))).toContain(
      'by: only the member who proposed it withdraws it',
    );
    expect((await releasesOf())[0]?.status).toBe('proposed');

    const withdrawn = text(await flow.press(bob, 'release.withdraw', { releaseId }));
    expect(withdrawn).toContain('Withdrawn by Bob Teacher.');
    expect(await releasesOf()).toEqual([]);
    // Closing a withdrawn item decides nothing: the card shows how it ended.
    expect(text(await flow.press(alice, 'release.close', { releaseId }))).toContain(
      'Withdrawn by Bob Teacher.',
    );
    expect((await verifyTeamLog(app, team)).chained).toBe(1);
  });

  it('proposes a release from the tab: its consent card is posted in the channel', async () => {
    const early = await tabApi(app.baseUrl, team.teamId, bob).post('/priority/releases', {
      text: 'the newsletter',
    });
    expect(early.status).toBe(409);
    await choose();
    const api = tabApi(app.baseUrl, team.teamId, bob);
    expect((await api.post('/priority/releases', { text: '   ' })).status).toBe(400);
    expect((await api.post('/priority/releases', { text: 'x', extra: true })).status).toBe(400);

    const before = app.connector.calls.length;
    const created = await api.post<{ release: { id: string; status: string; proposedByName: string } }>(
      '/priority/releases',
      { text: 'the second staff briefing' },
    );
    expect(created.status).toBe(201);
    expect(created.body.release).toMatchObject({ status: 'proposed', proposedByName: 'Bob Teacher' });
    const calls = await app.connector.waitFor((all) =>
      all.slice(before).some((call) => JSON.stringify(call.body).includes('the second staff briefing')),
    );
    const card = calls
      .slice(before)
      .find((call) => JSON.stringify(call.body).includes('the second staff briefing'));
    expect(card?.conversationId).toBe(team.channelId);
    expect(button(cardOf(card), 'Consent').data).toMatchObject({ releaseId: created.body.release.id });
  });
});
