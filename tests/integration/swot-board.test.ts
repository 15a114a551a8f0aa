import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channelMessage, testUser, type TeamContext } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import type { ConnectorCall } from '../support/loopback-connector';
import { tabApi, type TabApi } from '../support/tab-api';

const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');
const olivia = testUser('Olivia Owner');
const outsider = testUser('Otto Outsider');

interface Item {
  id: string;
  quadrant: string;
  groupId: string | null;
  text: string;
  tag: string | null;
  dots: number;
  myDots: number;
  canChange: boolean;
  etag: string;
  promotion: { candidateId: string } | null;
  author: { id: string; name: string };
}
interface Group {
  id: string;
  name: string;
  quadrant: string;
  etag: string;
  dots: number;
  items: Item[];
}
interface Board {
  session: { id: string; status: string; dotsPerMember: number; facilitator: { id: string } };
  version: string;
  me: { id: string; dotsLeft: number; isFacilitator: boolean };
  quadrants: Array<{ quadrant: string; groups: Group[]; items: Item[] }>;
}
interface ErrorBody {
  error: { code: string; message: string; field?: string };
  current?: Item | null;
}

const allItems = (board: Board) =>
  board.quadrants.flatMap((quadrant) => [
    ...quadrant.groups.flatMap((group) => group.items),
    ...quadrant.items,
  ]);
const itemIn = (board: Board, id: string) => allItems(board).find((item) => item.id === id);
const bodyText = (call: ConnectorCall | undefined) => JSON.stringify(call?.body ?? null);

describe('the SWOT board API (server + Azurite)', () => {
  let app: TestApp;
  let team: TeamContext;
  let other: TeamContext;
  let as: Record<'alice' | 'bob' | 'olivia' | 'outsider', TabApi>;
  let session: string;

  beforeAll(async () => {
    app = await startTestApp();
    app.connector.setRoster('*', [alice, bob, { ...olivia, userRole: 'owner' }]);
    team = await app.installInTeam({ teamId: '19:swot@thread.tacv2', teamName: 'Swot Team' });
    other = await app.installInTeam({ teamId: '19:other@thread.tacv2', teamName: 'Other Team' });
    as = {
      alice: tabApi(app.baseUrl, team.teamId, alice),
      bob: tabApi(app.baseUrl, team.teamId, bob),
      olivia: tabApi(app.baseUrl, team.teamId, olivia),
      outsider: tabApi(app.baseUrl, team.teamId, outsider),
    };
  });
  afterAll(async () => {
    await app.close();
  });

  const board = async (api: TabApi = as.alice) => {
    const response = await api.get<Board>(`/swot/${session}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const addItem = async (api: TabApi, body: Record<string, unknown>) => {
    const response = await api.post<{ item: Item }>(`/swot/${session}/items`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.item;
  };

  beforeEach(async () => {
    // Each test works on a fresh session: the facilitator closes the last one and opens another.
    const { body } = await as.alice.get<{
      current: string | null;
      sessions: Array<{ id: string; status: string }>;
    }>('/swot');
    const open = body.sessions.find((each) => each.status === 'open');
    if (open) expect((await as.alice.post(`/swot/${open.id}/close`)).status).toBe(200);
    const opened = await as.alice.post<{ session: { id: string } }>('/swot', { title: 'Spring review' });
    expect(opened.status).toBe(201);
    session = opened.body.session.id;
  });

  it('opens one session at a time, with the opener as facilitator and 5 dots each by default', async () => {
    const second = await as.bob.post<ErrorBody>('/swot', { title: 'Another' });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('still open');
    const view = await board(as.bob);
    expect(view.session).toMatchObject({ status: 'open', dotsPerMember: 5, facilitator: { id: alice.id } });
    expect(view.me).toMatchObject({ id: bob.id, dotsLeft: 5, isFacilitator: false });
    expect(view.quadrants.map((quadrant) => quadrant.quadrant)).toEqual([
      'strengths',
      'weaknesses',
      'opportunities',
      'threats',
    ]);
  });

  it('lets any member add items, only the author or facilitator edit and delete them', async () => {
    const item = await addItem(as.bob, {
      quadrant: 'weaknesses',
      text: '  Chronic absence in grade 3  ',
      tag: 'symptom',
      evidence: [
        { kind: 'url', url: 'https://example.org/attendance' },
        { kind: 'note', text: '18% absent' },
      ],
    });
    expect(item).toMatchObject({
      text: 'Chronic absence in grade 3',
      tag: 'symptom',
      author: { id: bob.id },
    });

    const byOther = await as.outsider.patch(
      `/swot/${session}/items/${item.id}`,
      { text: 'x' },
      { 'if-match': item.etag },
    );
    expect(byOther.status).toBe(403);
    const notAuthor = await tabApi(app.baseUrl, team.teamId, olivia).patch<ErrorBody>(
      `/swot/${session}/items/${item.id}`,
      { text: 'Owner edit' },
      { 'if-match': item.etag },
    );
    // Olivia owns the team in Teams, so she may edit like the facilitator.
    expect(notAuthor.status).toBe(200);
    const afterOwner = itemIn(await board(), item.id) as Item;
    expect(afterOwner.text).toBe('Owner edit');

    const bobsEdit = await as.bob.patch<{ item: Item }>(
      `/swot/${session}/items/${item.id}`,
      { text: 'Chronic absence, grades 2-4', tag: 'root-cause' },
      { 'if-match': afterOwner.etag },
    );
    expect(bobsEdit.status).toBe(200);

    const aliceItem = await addItem(as.alice, { quadrant: 'strengths', text: 'Strong reading coaches' });
    const refused = await as.bob.patch<ErrorBody>(
      `/swot/${session}/items/${aliceItem.id}`,
      { text: 'Weak reading coaches' },
      { 'if-match': aliceItem.etag },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('only its author');
    expect(
      (await as.bob.delete(`/swot/${session}/items/${aliceItem.id}`, { 'if-match': aliceItem.etag })).status,
    ).toBe(403);
    expect(itemIn(await board(), aliceItem.id)?.text).toBe('Strong reading coaches');

    // Alice facilitates: she may edit and delete anyone's item.
    const current = itemIn(await board(), item.id) as Item;
    expect(current.canChange).toBe(true);
    expect(
      (await as.alice.delete(`/swot/${session}/items/${item.id}`, { 'if-match': current.etag })).status,
    ).toBe(204);
    expect(itemIn(await board(), item.id)).toBeUndefined();
  });

  it('refuses bad bodies with the field named, changing nothing', async () => {
    const item = await addItem(as.alice, { quadrant: 'threats', text: 'Budget cuts' });
    const before = await board();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['empty text', { quadrant: 'threats', text: '   ' }, 'text'],
      ['long text', { quadrant: 'threats', text: 'x'.repeat(501) }, 'text'],
      ['unknown quadrant', { quadrant: 'risks', text: 'x' }, 'quadrant'],
      ['unknown tag', { quadrant: 'threats', text: 'x', tag: 'cause' }, 'tag'],
      [
        'a javascript: link',
        { quadrant: 'threats', text: 'x', evidence: [{ kind: 'url', url: 'javascript:alert(1)' }] },
        'evidence[0]',
      ],
      [
        'six pieces of evidence',
        { quadrant: 'threats', text: 'x', evidence: Array(6).fill({ kind: 'note', text: 'n' }) },
        'evidence',
      ],
      ['an unknown field', { quadrant: 'threats', text: 'x', author: 'someone' }, 'body'],
      ['a group that does not exist', { quadrant: 'threats', text: 'x', groupId: 'nope' }, 'groupId'],
    ];
    for (const [name, body, field] of cases) {
      const response = await as.alice.post<ErrorBody>(`/swot/${session}/items`, body);
      expect(response.status, name).toBe(400);
      expect(response.body.error.field, name).toBe(field);
      expect(response.body.error.message.startsWith(`${field}: `), name).toBe(true);
    }
    const notJson = await as.alice.post<ErrorBody>(`/swot/${session}/items`, '{"quadrant":');
    expect(notJson.status).toBe(400);
    const noEtag = await as.alice.patch<ErrorBody>(`/swot/${session}/items/${item.id}`, { text: 'Changed' });
    expect(noEtag.status).toBe(428);
    const badDots = await as.alice.put<ErrorBody>(`/swot/${session}/items/${item.id}/dots`, { count: 1.5 });
    expect(badDots.status).toBe(400);
    const after = await board();
    expect(after.version).toBe(before.version);
  });

  it('groups items into named themes; a deleted group leaves its items ungrouped', async () => {
    const first = await addItem(as.alice, { quadrant: 'weaknesses', text: 'Few reading interventions' });
    const second = await addItem(as.bob, { quadrant: 'weaknesses', text: 'No intervention schedule' });
    const created = await as.bob.post<{ group: Group }>(`/swot/${session}/groups`, {
      quadrant: 'weaknesses',
      name: 'Intervention',
    });
    expect(created.status).toBe(201);
    const group = created.body.group;
    const duplicate = await as.alice.post<ErrorBody>(`/swot/${session}/groups`, {
      quadrant: 'weaknesses',
      name: 'intervention',
    });
    expect(duplicate.status).toBe(400);

    // Any member sorts any item: Bob moves Alice's item into his group.
    const moved = await as.bob.post<{ item: Item }>(
      `/swot/${session}/items/${first.id}/move`,
      { groupId: group.id },
      { 'if-match': first.etag },
    );
    expect(moved.status).toBe(200);
    await as.bob.post(
      `/swot/${session}/items/${second.id}/move`,
      { groupId: group.id },
      { 'if-match': second.etag },
    );
    const weaknesses = (await board()).quadrants.find((quadrant) => quadrant.quadrant === 'weaknesses');
    expect(weaknesses?.groups.map((each) => [each.name, each.items.map((item) => item.text).sort()])).toEqual(
      [['Intervention', ['Few reading interventions', 'No intervention schedule']]],
    );

    const intoOtherQuadrant = await as.bob.post<ErrorBody>(
      `/swot/${session}/items/${first.id}/move`,
      { groupId: group.id, quadrant: 'threats' },
      { 'if-match': moved.body.item.etag },
    );
    expect(intoOtherQuadrant.status).toBe(400);

    const currentGroup = (await board()).quadrants[1]?.groups[0] as Group;
    expect(
      (await as.alice.delete(`/swot/${session}/groups/${group.id}`, { 'if-match': currentGroup.etag }))
        .status,
    ).toBe(204);
    const after = (await board()).quadrants.find((quadrant) => quadrant.quadrant === 'weaknesses');
    expect(after?.groups).toEqual([]);
    expect(after?.items.map((item) => item.groupId)).toEqual([null, null]);
  });

  it('keeps each member within their dots, even under concurrent clicks', async () => {
    const items = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        addItem(as.alice, { quadrant: 'opportunities', text: `Idea ${index}` }),
      ),
    );
    const answers = await Promise.all(
      items.map((item) => as.bob.put<ErrorBody>(`/swot/${session}/items/${item.id}/dots`, { count: 1 })),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 400)).toHaveLength(3);
    const view = await board(as.bob);
    expect(allItems(view).reduce((sum, item) => sum + item.myDots, 0)).toBe(5);
    expect(view.me.dotsLeft).toBe(0);

    // Stacking: Alice puts 3 dots on one item and 2 on another; then a sixth is refused and nothing moves.
    const [first, second, third] = items as [Item, Item, Item];
    expect((await as.alice.put(`/swot/${session}/items/${first.id}/dots`, { count: 3 })).status).toBe(200);
    expect((await as.alice.put(`/swot/${session}/items/${second.id}/dots`, { count: 2 })).status).toBe(200);
    const sixth = await as.alice.put<ErrorBody>(`/swot/${session}/items/${third.id}/dots`, { count: 1 });
    expect(sixth.status).toBe(400);
    expect(sixth.body.error.message).toContain('0 dots left of 5');
    // The same count again changes nothing (a double click).
    expect((await as.alice.put(`/swot/${session}/items/${first.id}/dots`, { count: 3 })).status).toBe(200);
    const sorted = await board(as.alice);
    const opportunities = sorted.quadrants[2]?.items ?? [];
    expect(opportunities[0]?.id).toBe(first.id);
    expect(opportunities[0]?.myDots).toBe(3);
    expect(sorted.me.dotsLeft).toBe(0);

    // A deleted item gives its dots back.
    const firstNow = itemIn(sorted, first.id) as Item;
    await as.alice.delete(`/swot/${session}/items/${first.id}`, { 'if-match': firstNow.etag });
    expect((await board(as.alice)).me.dotsLeft).toBe(3);
  });

  it('promotes an item to a candidate of the channel vote, once, with its evidence and a link back', async () => {
    const item = await addItem(as.bob, {
      quadrant: 'weaknesses',
      text: 'Third graders miss 1 day in 5',
      tag: 'root-cause',
      evidence: [{ kind: 'url', url: 'https://example.org/absence' }],
    });
    const before = app.connector.calls.length;
    const promoted = await as.bob.post<{ candidate: { id: string; title: string; status: string } }>(
      `/swot/${session}/items/${item.id}/promote`,
    );
    expect(promoted.status).toBe(201);
    expect(promoted.body.candidate).toMatchObject({ title: 'Third graders miss 1 day in 5', status: 'open' });
    // Posted to the channel like a `propose`.
    const posted = await app.connector.waitFor((calls) =>
      calls
        .slice(before)
        .some((call) => bodyText(call).includes('Proposed by Bob Teacher from the SWOT board')),
    );
    // Shown as text: the zero-width space keeps Teams from turning a member's address into a link.
    expect(bodyText(posted.at(-1))).toMatch(/"Evidence","value":"https:\u200B\/\/example\\\\\.org\/absence"/);
    expect(itemIn(await board(), item.id)?.promotion?.candidateId).toBe(promoted.body.candidate.id);

    const again = await as.alice.post<ErrorBody>(`/swot/${session}/items/${item.id}/promote`);
    expect(again.status).toBe(409);

    const listed = app.connector.calls.length;
    await app.post(channelMessage(team, alice, 'candidates'));
    const calls = await app.connector.waitFor((all) => all.length > listed);
    const list = bodyText(calls[listed]);
    expect(list).toContain('Third graders miss 1 day in 5');
    expect(list.match(/Third graders miss 1 day in 5/g)?.length).toBeGreaterThanOrEqual(1);
  });

  it('promotes a group with its items as the description', async () => {
    const one = await addItem(as.alice, { quadrant: 'threats', text: 'Enrolment falling' });
    const group = (
      await as.alice.post<{ group: Group }>(`/swot/${session}/groups`, {
        quadrant: 'threats',
        name: 'Enrolment',
      })
    ).body.group;
    await as.alice.post(
      `/swot/${session}/items/${one.id}/move`,
      { groupId: group.id },
      { 'if-match': one.etag },
    );
    const promoted = await as.bob.post<{ candidate: { title: string } }>(
      `/swot/${session}/groups/${group.id}/promote`,
    );
    expect(promoted.status).toBe(201);
    expect(promoted.body.candidate.title).toBe('Enrolment');
  });

  it('answers a stale write with 412 and both versions; the member then chooses', async () => {
    const item = await addItem(as.alice, { quadrant: 'strengths', text: 'Shared planning time' });
    const byBob = await as.alice.patch<{ item: Item }>(
      `/swot/${session}/items/${item.id}`,
      { text: 'Shared planning time on Fridays' },
      { 'if-match': item.etag },
    );
    expect(byBob.status).toBe(200);
    // Olivia (a team owner) saved from the version she loaded before Alice's change.
    const stale = await as.olivia.patch<ErrorBody>(
      `/swot/${session}/items/${item.id}`,
      { text: 'Shared planning time weekly' },
      { 'if-match': item.etag },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('stale');
    expect(stale.body.current).toMatchObject({ id: item.id, text: 'Shared planning time on Fridays' });
    expect(itemIn(await board(), item.id)?.text).toBe('Shared planning time on Fridays');

    // "Keep mine": she re-sends her text with the current ETag.
    const kept = await as.olivia.patch<{ item: Item }>(
      `/swot/${session}/items/${item.id}`,
      { text: 'Shared planning time weekly' },
      { 'if-match': stale.body.current?.etag ?? '' },
    );
    expect(kept.status).toBe(200);
    expect(itemIn(await board(), item.id)?.text).toBe('Shared planning time weekly');

    // A delete from a stale version is refused too, and nothing is lost.
    const staleDelete = await as.alice.delete<ErrorBody>(`/swot/${session}/items/${item.id}`, {
      'if-match': item.etag,
    });
    expect(staleDelete.status).toBe(412);
    expect(itemIn(await board(), item.id)).toBeDefined();
  });

  it('keeps teams apart: another team’s board or item is not found, and outsiders are refused', async () => {
    const item = await addItem(as.alice, { quadrant: 'strengths', text: 'Private to Swot Team' });
    const otherTeam = tabApi(app.baseUrl, other.teamId, alice);
    const otherSession = await otherTeam.post<{ session: { id: string } }>('/swot', {});
    expect(otherSession.status).toBe(201);
    const viaOtherTeam = await otherTeam.get<ErrorBody>(`/swot/${session}`);
    expect(viaOtherTeam.status).toBe(404);
    const itemViaOther = await otherTeam.patch<ErrorBody>(
      `/swot/${otherSession.body.session.id}/items/${item.id}`,
      { text: 'hijacked' },
      { 'if-match': item.etag },
    );
    expect(itemViaOther.status).toBe(404);
    const outsiderRead = await as.outsider.get<ErrorBody>(`/swot/${session}`);
    expect(outsiderRead.status).toBe(403);
    expect(outsiderRead.body.error.code).toBe('not_a_member');
    expect(
      (await as.outsider.post(`/swot/${session}/items`, { quadrant: 'threats', text: 'x' })).status,
    ).toBe(403);
    expect(JSON.stringify(outsiderRead.body)).not.toContain('Private');
    expect(itemIn(await board(), item.id)?.text).toBe('Private to Swot Team');
    await otherTeam.post(`/swot/${otherSession.body.session.id}/close`);
  });

  it('answers /swot/current with the current session’s board, as its own address does', async () => {
    await addItem(as.bob, { quadrant: 'opportunities', text: 'A grant for tutoring' });
    const own = await as.bob.get<Board>(`/swot/${session}`);
    const current = await as.bob.get<Board>('/swot/current');
    expect(current.status).toBe(200);
    expect(current.body).toEqual(own.body);
    const etag = current.headers.get('etag') ?? '';
    expect(etag).toBe(own.headers.get('etag'));
    expect((await as.bob.get(`/swot/${session}`, { 'if-none-match': etag })).status).toBe(304);
    expect((await as.bob.get('/swot/current', { 'if-none-match': etag })).status).toBe(304);

    // Closed, the session is still the current one until another opens (the list says the same).
    expect((await as.alice.post(`/swot/${session}/close`)).status).toBe(200);
    const closed = await as.bob.get<Board>('/swot/current');
    expect(closed.body.session).toMatchObject({ id: session, status: 'closed' });
    expect((await as.bob.get<{ current: string }>('/swot')).body.current).toBe(session);

    const outsiderRead = await as.outsider.get<ErrorBody>('/swot/current');
    expect(outsiderRead.status).toBe(403);
    expect(JSON.stringify(outsiderRead.body)).not.toContain('tutoring');
    expect((await as.bob.get<ErrorBody>('/swot/current?x=1')).status).toBe(400);

    const fresh = await app.installInTeam({ teamId: '19:swot-none@thread.tacv2', teamName: 'No SWOT Yet' });
    const none = await tabApi(app.baseUrl, fresh.teamId, alice).get<ErrorBody>('/swot/current');
    expect(none.status).toBe(404);
    expect(none.body.error).toMatchObject({
      code: 'not_found',
      field: 'sessionId',
      message: 'sessionId: this team has no SWOT session yet',
    });
  });

  it('answers polling with 304 until something changes', async () => {
    const first = await as.bob.get(`/swot/${session}`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await as.bob.get(`/swot/${session}`, { 'if-none-match': etag })).status).toBe(304);
    await addItem(as.alice, { quadrant: 'threats', text: 'New threat' });
    const changed = await as.bob.get<Board>(`/swot/${session}`, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(allItems(changed.body).map((item) => item.text)).toContain('New threat');
  });

  it('makes a closed board read-only; only the facilitator or an owner closes it; it stays in the history', async () => {
    const item = await addItem(as.bob, { quadrant: 'strengths', text: 'Kept forever' });
    expect((await as.bob.post(`/swot/${session}/close`)).status).toBe(403);
    expect((await as.olivia.post(`/swot/${session}/close`)).status).toBe(200);
    const write = await as.bob.patch<ErrorBody>(
      `/swot/${session}/items/${item.id}`,
      { text: 'x' },
      { 'if-match': item.etag },
    );
    expect(write.status).toBe(409);
    expect(write.body.error.message).toContain('closed');
    expect((await as.bob.post(`/swot/${session}/items`, { quadrant: 'threats', text: 'late' })).status).toBe(
      409,
    );
    expect((await as.bob.put(`/swot/${session}/items/${item.id}/dots`, { count: 1 })).status).toBe(409);
    const history = await as.bob.get<{ sessions: Array<{ id: string; status: string }> }>('/swot');
    expect(history.body.sessions.find((each) => each.id === session)?.status).toBe('closed');
    expect(itemIn(await board(), item.id)?.text).toBe('Kept forever');
  });

  it('exports the board as Markdown and CSV', async () => {
    await addItem(as.alice, { quadrant: 'threats', text: '=HYPERLINK("http://evil")' });
    await addItem(as.alice, { quadrant: 'strengths', text: 'Caring staff, "all in"' });
    const markdown = await as.bob.get<string>(`/swot/${session}/export?format=markdown`);
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-disposition')).toContain('.md');
    expect(markdown.body).toContain('## Strengths');
    expect(markdown.body).toContain('Caring staff, "all in"');
    const csv = await as.bob.get<string>(`/swot/${session}/export?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.body).toContain('"Caring staff, ""all in"""');
    expect((await as.bob.get(`/swot/${session}/export?format=pdf`)).status).toBe(400);
  });
});
