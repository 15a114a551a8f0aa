import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser, type TeamContext } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import { declaredRoutes, storedRows } from '../support/app-surface';
import { renderedStrings } from '../support/card-text';
import { nastyStrings, tooLong, unescapedFragments } from '../support/nasty-strings';
import { channelSteps } from '../support/ownership-flow';
import { tabApi, type TabApi } from '../support/tab-api';
import { button, cardOf, teamFlow } from '../support/team-flow';

/**
 * The corpus of nasty strings (issue #6) typed into every place a member can write, in the channel and
 * in the tab: each is kept exactly as typed, every card and message the bot then sends shows it as text
 * (no link, mention, image, formatting or template), and a 10,000-character text is refused by name.
 */

const alice = { ...testUser('Alice Principal'), userRole: 'owner' };
const bob = testUser('Bob Teacher');
const typed = nastyStrings.map((nasty) => nasty.text);
/** What the app keeps of a text: it trims the ends, as for any text. */
const kept = (text: string) => text.trim();

type Row = { text?: string; title?: string };
type ErrorBody = { error: { code: string; message: string; field?: string } };

describe('nasty strings through every surface (server + Azurite)', () => {
  let app: TestApp;
  let team: TeamContext;
  let api: TabApi;
  let flow: ReturnType<typeof teamFlow>;
  let session: string;
  /** Every card or message the bot answered an invoke with. */
  const answered: unknown[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    app.connector.setRoster('*', [alice, bob]);
    team = await app.installInTeam({ teamId: '19:nasty@thread.tacv2', teamName: 'Nasty Team' });
    api = tabApi(app.baseUrl, team.teamId, alice);
    const post = app.post.bind(app);
    app.post = async (activity, headers) => {
      const answer = await post(activity, headers);
      answered.push(answer.body);
      return answer;
    };
    flow = teamFlow(app, team);
    // In the channel: each one proposed, a vote, and the one ranked first announced as the priority.
    await flow.choosePriority(
      alice,
      typed.map((text) => [bob, text] as [typeof bob, string]),
      [alice, bob],
    );
    const opened = await api.post<{ session: { id: string } }>('/swot', { title: typed[0] });
    expect(opened.status).toBe(201);
    session = opened.body.session.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps each text exactly as typed in the channel and the tab, and every card shows it as text only', async () => {
    await flow.say(bob, 'candidates');
    await flow.say(bob, 'priority');

    // In the tab: the SWOT board, the vision board, the priority's actions and release list.
    for (const text of typed) {
      const item = await api.post(`/swot/${session}/items`, {
        quadrant: 'threats',
        text,
        evidence: [{ kind: 'note', text }],
      });
      expect(item.status, JSON.stringify(item.body)).toBe(201);
      const draft = await api.post<{ draft: { id: string } }>('/vision/drafts', { text });
      expect(draft.status, JSON.stringify(draft.body)).toBe(201);
      expect((await api.post(`/vision/drafts/${draft.body.draft.id}/comments`, { text })).status).toBe(201);
      expect((await api.post('/priority/actions', { title: text, ownerId: bob.id })).status).toBe(201);
      expect((await api.post('/priority/releases', { text })).status).toBe(201);
    }
    const drafts = (await api.get<{ drafts: Array<{ id: string }> }>('/vision')).body.drafts;
    const proposal = await api.post('/vision/proposals', { text: typed[2], draftIds: [drafts[0]?.id] });
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);

    // Assigned from the channel, declined with a nasty reason, and the owners listed.
    const asked = cardOf(
      await channelSteps(app, team).say(alice, 'assign <at>Bob Teacher</at> as lead', [bob]),
    );
    const declined = await flow.press(bob, 'assignment.decline.confirm', {
      ...button(asked, 'Decline').data,
      reason: typed[2],
    });
    expect(JSON.stringify(declined)).toContain('declined the role of Lead');
    await flow.say(alice, 'owners');
    await app.settle();

    // Read back: every text as typed.
    const board = (await api.get<{ quadrants: Array<{ items: Row[] }> }>(`/swot/${session}`)).body;
    expect(board.quadrants.flatMap((quadrant) => quadrant.items.map((item) => item.text))).toEqual(
      expect.arrayContaining(typed.map(kept)),
    );
    const vision = (await api.get<{ drafts: Array<Row & { comments: Row[] }> }>('/vision')).body;
    expect(vision.drafts.map((each) => each.text)).toEqual(expect.arrayContaining(typed.map(kept)));
    expect(vision.drafts.flatMap((each) => each.comments.map((comment) => comment.text))).toEqual(
      expect.arrayContaining(typed.map(kept)),
    );
    const priority = (
      await api.get<{ priority: Row; actions: Record<string, Row[]>; releases: Row[] }>('/priority')
    ).body;
    expect(typed.map(kept)).toContain(priority.priority.title);
    expect(Object.values(priority.actions).flatMap((rows) => rows.map((row) => row.title))).toEqual(
      expect.arrayContaining(typed.map(kept)),
    );
    expect(priority.releases.map((row) => row.text)).toEqual(expect.arrayContaining(typed.map(kept)));

    // Shown: nothing of any of them reaches a card or a message unescaped.
    const sent = app.connector.calls.filter((call) => call.kind !== 'members');
    expect(sent.length).toBeGreaterThan(3 * typed.length);
    const leaks = [...sent.map((call) => call.body), ...answered].flatMap((body) =>
      renderedStrings(body).flatMap((text) =>
        unescapedFragments(text).map((fragment) => ({ fragment, text })),
      ),
    );
    expect(leaks).toEqual([]);
    // Proof the check looks at the cards at all: the emoji title reached the channel whole.
    expect(JSON.stringify(sent.map((call) => call.body))).toContain('👩🏽‍🏫🏳️‍🌈');
  });

  it('refuses a 10,000-character text everywhere by naming the field, and stores nothing', async () => {
    const draft = await api.post<{ draft: { id: string } }>('/vision/drafts', {
      text: 'A draft to comment on',
    });
    expect(draft.status).toBe(201);
    const draftId = draft.body.draft.id;
    await app.settle();
    const before = await storedRows(app.tablePrefix);
    const writes: Array<[string, Record<string, unknown>, string]> = [
      [`/swot/${session}/items`, { quadrant: 'threats', text: tooLong }, 'text'],
      [`/swot/${session}/groups`, { quadrant: 'threats', name: tooLong }, 'name'],
      ['/vision/drafts', { text: tooLong }, 'text'],
      [`/vision/drafts/${draftId}/comments`, { text: tooLong }, 'text'],
      ['/priority/actions', { title: tooLong, ownerId: bob.id }, 'title'],
      ['/priority/releases', { text: tooLong }, 'text'],
      ['/swot', { title: tooLong }, 'title'],
    ];
    // Each route that takes text is in the list, so a new one is not left out unnoticed.
    expect(
      declaredRoutes().filter((route) => route.startsWith('POST /teams/:teamId')).length,
    ).toBeGreaterThan(writes.length);
    for (const [path, body, field] of writes) {
      const refused = await api.post<ErrorBody>(path, body);
      expect(refused.status, path).toBe(400);
      expect(refused.body.error.field, path).toBe(field);
      expect(refused.body.error.message, path).toMatch(/at most/);
    }
    const proposed = await flow.say(bob, `propose ${tooLong}`);
    expect(proposed.body.text).toContain('title: expected 1 to 140 characters');
    const released = await flow.say(bob, `release ${tooLong}`);
    expect(released.body.text).toContain('text: expected 1 to 300 characters');
    await app.settle();
    expect(await storedRows(app.tablePrefix)).toEqual(before);
  });
});
