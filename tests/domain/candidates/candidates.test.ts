import { describe, expect, it } from 'vitest';
import {
  createCandidate,
  editCandidate,
  moveCandidate,
  reproposeFromWatchList,
  withdrawCandidate,
  type CreateCandidateInput,
} from '../../../bot/domain/candidates';
import { NOW, at, candidate, unwrap } from '../factories';

const input = (overrides: Partial<CreateCandidateInput> = {}): CreateCandidateInput => ({
  id: 'cand-1',
  teamId: 'team-1',
  title: 'Chronic absence in grade 9',
  proposedBy: 'ann',
  proposedAt: NOW,
  ...overrides,
});

describe('candidates', () => {
  it('CA-1: the title is trimmed and must be 1 to 140 characters', () => {
    expect(unwrap(createCandidate(input({ title: '  Reading  ' }))).title).toBe('Reading');
    expect(createCandidate(input({ title: '   ' }))).toEqual({
      ok: false,
      field: 'title',
      message: 'title: expected 1 to 140 characters',
    });
    expect(createCandidate(input({ title: 'x'.repeat(141) }))).toMatchObject({ ok: false, field: 'title' });
    expect(createCandidate(input({ title: 'x'.repeat(140) })).ok).toBe(true);
  });

  it('CA-2: description, evidence and the three coaching answers are trimmed, up to 1000, blank as null', () => {
    const created = unwrap(
      createCandidate(
        input({
          description: ' Students miss 10% of days ',
          evidence: '',
          obstacles: 'Transport',
          impact: 'Credits lost',
          outcomeWanted: 'Attendance above 92%',
        }),
      ),
    );
    expect(created).toMatchObject({
      description: 'Students miss 10% of days',
      evidence: null,
      obstacles: 'Transport',
      impact: 'Credits lost',
      outcomeWanted: 'Attendance above 92%',
    });
    expect(createCandidate(input({ impact: 'x'.repeat(1001) }))).toMatchObject({
      ok: false,
      field: 'impact',
    });
  });

  it('CA-3: a new candidate is open', () => {
    expect(unwrap(createCandidate(input()))).toMatchObject({
      status: 'open',
      proposedBy: 'ann',
      proposedAt: NOW,
    });
  });

  it('CA-4: only the proposer edits, and only while open', () => {
    const open = candidate('A');
    expect(
      unwrap(editCandidate(open, { title: 'New title', evidence: 'Survey' }, { by: 'ann', now: at(1) })),
    ).toMatchObject({ title: 'New title', evidence: 'Survey', updatedAt: at(1) });
    expect(unwrap(editCandidate(open, { title: undefined }, { by: 'ann', now: at(1) })).title).toBe(
      'Candidate A',
    );
    expect(editCandidate(open, { title: 'x' }, { by: 'bob', now: at(1) })).toMatchObject({
      ok: false,
      field: 'by',
    });
    expect(
      editCandidate({ ...open, status: 'in-vote' }, { title: 'x' }, { by: 'ann', now: at(1) }),
    ).toMatchObject({
      ok: false,
      field: 'status',
    });
  });

  it('CA-5: only the proposer withdraws, and only while open', () => {
    expect(unwrap(withdrawCandidate(candidate('A'), { by: 'ann', now: at(1) })).status).toBe('withdrawn');
    expect(withdrawCandidate(candidate('A'), { by: 'bob', now: at(1) })).toMatchObject({
      ok: false,
      field: 'by',
    });
    expect(withdrawCandidate(candidate('A', { status: 'chosen' }), { by: 'ann', now: at(1) })).toMatchObject({
      ok: false,
      field: 'status',
    });
  });

  it('CA-6: a watch-list candidate can be proposed again, by whoever re-proposes it', () => {
    const watched = candidate('A', { status: 'watch-list' });
    expect(unwrap(reproposeFromWatchList(watched, { by: 'bob', now: at(5) }))).toMatchObject({
      id: 'A',
      status: 'open',
      proposedBy: 'bob',
      proposedAt: at(5),
    });
    expect(reproposeFromWatchList(candidate('A'), { by: 'bob', now: at(5) })).toMatchObject({
      ok: false,
      field: 'status',
    });
  });

  it('CA-7: statuses move only along the life cycle', () => {
    const inVote = unwrap(moveCandidate(candidate('A'), 'in-vote', at(1)));
    expect(inVote.status).toBe('in-vote');
    expect(unwrap(moveCandidate(inVote, 'watch-list', at(2))).status).toBe('watch-list');
    expect(unwrap(moveCandidate(inVote, 'chosen', at(2))).status).toBe('chosen');
    expect(moveCandidate(candidate('A'), 'chosen', at(1))).toMatchObject({ ok: false, field: 'status' });
    expect(moveCandidate(candidate('A', { status: 'withdrawn' }), 'open', at(1))).toMatchObject({
      ok: false,
    });
  });
});
