import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser, type TeamContext } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import type { ConnectorCall } from '../support/loopback-connector';
import { tabApi, type TabApi } from '../support/tab-api';

const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');
const carol = testUser('Carol Coach');
const outsider = testUser('Otto Outsider');

interface Draft {
  id: string;
  text: string;
  status: string;
  supporters: number;
  supportedByMe: boolean;
  comments: Array<{ text: string; authorName: string }>;
  canChange: boolean;
  etag: string;
}
interface Proposal {
  id: string;
  status: string;
  counts: { consent: number; standAside: number; object: number };
  objections: Array<{ memberName: string; reason: string }>;
  myAnswer: string | null;
  canClose: boolean;
}
interface VisionView {
  vision: { id: string; text: string; supersedes: string | null } | null;
  history: Array<{ text: string }>;
  proposal: Proposal | null;
  drafts: Draft[];
}
interface ErrorBody {
  error: { code: string; message: string; field?: string };
  current?: Draft | null;
}

const bodyText = (call: ConnectorCall | undefined) => JSON.stringify(call?.body ?? null);

describe('the vision board API (server + Azurite)', () => {
  let app: TestApp;
  let team: TeamContext;
  let as: Record<'alice' | 'bob' | 'carol' | 'outsider', TabApi>;

  beforeAll(async () => {
    app = await startTestApp();
    app.connector.setRoster('*', [alice, bob, carol]);
    team = await app.installInTeam({ teamId: '19:vision@thread.tacv2', teamName: 'Vision Team' });
    as = {
      alice: tabApi(app.baseUrl, team.teamId, alice),
      bob: tabApi(app.baseUrl, team.teamId, bob),
      carol: tabApi(app.baseUrl, team.teamId, carol),
      outsider: tabApi(app.baseUrl, team.teamId, outsider),
    };
  });
  afterAll(async () => {
    await app.close();
  });

  const view = async (api: TabApi = as.alice) => (await api.get<VisionView>('/vision')).body;
  const draft = async (api: TabApi, text: string) => {
    const response = await api.post<{ draft: Draft }>('/vision/drafts', { text });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.draft;
  };

  it('drafts, +1s, comments, a consent check with an objection, then an adopted vision announced in the channel', async () => {
    const first = await draft(as.alice, 'Every child reads with joy and confidence');
    const second = await draft(as.bob, 'Every learner known, every learner growing');

    // +1s: idempotent, never on one's own draft.
    expect((await as.bob.put(`/vision/drafts/${first.id}/support`, { on: true })).status).toBe(200);
    expect((await as.bob.put(`/vision/drafts/${first.id}/support`, { on: true })).status).toBe(200);
    expect((await as.carol.put(`/vision/drafts/${first.id}/support`, { on: true })).status).toBe(200);
    const own = await as.alice.put<ErrorBody>(`/vision/drafts/${first.id}/support`, { on: true });
    expect(own.status).toBe(400);
    expect(
      (await as.carol.post(`/vision/drafts/${second.id}/comments`, { text: 'Love "known"' })).status,
    ).toBe(201);
    const drafts = (await view(as.bob)).drafts;
    expect(drafts[0]).toMatchObject({ id: first.id, supporters: 2, supportedByMe: true, canChange: false });
    expect(drafts[1]?.comments.map((comment) => comment.text)).toEqual(['Love "known"']);

    // Bob merges both drafts and facilitates the check; Carol objects, so nothing is adopted.
    const merged = 'Every learner known, reading with joy and confidence';
    const proposed = await as.bob.post<{ proposal: Proposal }>('/vision/proposals', {
      text: merged,
      draftIds: [first.id, second.id],
    });
    expect(proposed.status).toBe(201);
    const proposalId = proposed.body.proposal.id;
    expect(
      (await as.alice.post<ErrorBody>('/vision/proposals', { text: 'x', draftIds: [first.id] })).status,
    ).toBe(409);
    expect((await as.alice.post(`/vision/proposals/${proposalId}/close`)).status).toBe(403);
    expect((await as.bob.post<ErrorBody>(`/vision/proposals/${proposalId}/close`)).status).toBe(409);
    const noReason = await as.carol.put<ErrorBody>(`/vision/proposals/${proposalId}/response`, {
      answer: 'object',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('reason');
    await as.carol.put(`/vision/proposals/${proposalId}/response`, {
      answer: 'object',
      reason: 'Say "all" learners',
    });
    await as.alice.put(`/vision/proposals/${proposalId}/response`, { answer: 'consent' });
    const objected = await as.bob.post<{ proposal: Proposal; adopted: unknown }>(
      `/vision/proposals/${proposalId}/close`,
    );
    expect(objected.status).toBe(200);
    expect(objected.body.adopted).toBeNull();
    expect(objected.body.proposal.objections).toEqual([
      { memberName: 'Carol Coach', reason: 'Say "all" learners' },
    ]);
    expect((await view()).vision).toBeNull();

    // Amended and re-run: consent from all, so it is adopted, announced, and shown in the overview.
    const amended = 'All learners known, reading with joy and confidence';
    const rerun = await as.bob.post<{ proposal: Proposal }>('/vision/proposals', {
      text: amended,
      draftIds: [first.id, second.id],
    });
    expect(rerun.status).toBe(201);
    const rerunId = rerun.body.proposal.id;
    await as.alice.put(`/vision/proposals/${rerunId}/response`, { answer: 'consent' });
    await as.carol.put(`/vision/proposals/${rerunId}/response`, { answer: 'consent' });
    await as.carol.put(`/vision/proposals/${rerunId}/response`, { answer: 'stand-aside' });
    const before = app.connector.calls.length;
    const adopted = await as.bob.post<{ adopted: { text: string; consents: number; standAsides: number } }>(
      `/vision/proposals/${rerunId}/close`,
    );
    expect(adopted.body.adopted).toMatchObject({ text: amended, consents: 1, standAsides: 1 });
    const posted = await app.connector.waitFor((calls) =>
      calls.slice(before).some((call) => bodyText(call).includes('Decision: our vision')),
    );
    expect(bodyText(posted.at(-1))).toContain('All learners known');
    expect((await as.bob.post(`/vision/proposals/${rerunId}/close`)).status).toBe(409);

    const after = await view();
    expect(after.vision?.text).toBe(amended);
    expect(after.drafts.map((each) => each.status)).toEqual(['merged', 'merged']);
    const overview = await tabApi(app.baseUrl, team.teamId, carol).get<{ vision: { text: string } | null }>(
      '',
    );
    expect(overview.body.vision?.text).toBe(amended);

    // A later vision supersedes it; the earlier one stays in the history.
    const third = await draft(as.carol, 'Joyful readers, known learners, one community');
    const next = await as.carol.post<{ proposal: Proposal }>('/vision/proposals', {
      text: third.text,
      draftIds: [third.id],
    });
    await as.alice.put(`/vision/proposals/${next.body.proposal.id}/response`, { answer: 'consent' });
    await as.carol.post(`/vision/proposals/${next.body.proposal.id}/close`);
    const latest = await view();
    expect(latest.vision?.text).toBe(third.text);
    expect(latest.vision?.supersedes).not.toBeNull();
    expect(latest.history.map((vision) => vision.text)).toEqual([amended]);
  });

  it('protects drafts: only the author edits, stale edits get 412 with both versions, outsiders are refused', async () => {
    const mine = await draft(as.alice, 'A school where adults learn together');
    const refused = await as.bob.patch<ErrorBody>(
      `/vision/drafts/${mine.id}`,
      { text: 'Bob was here' },
      { 'if-match': mine.etag },
    );
    expect(refused.status).toBe(403);
    const edited = await as.alice.patch<{ draft: Draft }>(
      `/vision/drafts/${mine.id}`,
      { text: 'A school where adults and children learn together' },
      { 'if-match': mine.etag },
    );
    expect(edited.status).toBe(200);
    const stale = await as.alice.patch<ErrorBody>(
      `/vision/drafts/${mine.id}`,
      { text: 'Old tab' },
      { 'if-match': mine.etag },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.current?.text).toBe('A school where adults and children learn together');
    expect((await as.alice.patch(`/vision/drafts/${mine.id}`, { text: 'x' })).status).toBe(428);
    expect((await as.alice.post<ErrorBody>('/vision/drafts', { text: ' ' })).status).toBe(400);
    expect((await as.alice.post<ErrorBody>('/vision/drafts', { text: 'x'.repeat(1001) })).status).toBe(400);
    expect((await as.alice.post<ErrorBody>('/vision/drafts', { text: 'ok', extra: 1 })).status).toBe(400);
    expect((await as.outsider.get<ErrorBody>('/vision')).status).toBe(403);
    expect((await as.outsider.post<ErrorBody>('/vision/drafts', { text: 'intruder' })).status).toBe(403);
    const drafts = (await view()).drafts.map((each) => each.text);
    expect(drafts).toContain('A school where adults and children learn together');
    expect(drafts).not.toContain('intruder');
    expect(drafts).not.toContain('Old tab');

    const withdrawn = await as.alice.post<{ draft: Draft }>(
      `/vision/drafts/${mine.id}/withdraw`,
      {},
      {
        'if-match': edited.body.draft.etag,
      },
    );
    expect(withdrawn.body.draft.status).toBe('withdrawn');
    expect((await as.bob.put<ErrorBody>(`/vision/drafts/${mine.id}/support`, { on: true })).status).toBe(400);
  });

  it('answers polling with 304 until something changes', async () => {
    const first = await as.bob.get('/vision');
    const etag = first.headers.get('etag') ?? '';
    expect((await as.bob.get('/vision', { 'if-none-match': etag })).status).toBe(304);
    await draft(as.carol, 'Curiosity every day');
    expect((await as.bob.get('/vision', { 'if-none-match': etag })).status).toBe(200);
  });
});
