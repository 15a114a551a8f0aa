import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VOTE_SETTINGS,
  openVote,
  resolveVoteSettings,
  type OpenVoteInput,
} from '../../../bot/domain/voting';
import { NOW, at, candidate, unwrap } from '../factories';

const input = (overrides: Partial<OpenVoteInput> = {}): OpenVoteInput => ({
  id: 'vote-1',
  teamId: 'team-1',
  candidates: [candidate('A'), candidate('B')],
  openedBy: 'fay',
  now: NOW,
  activePriorityId: null,
  ...overrides,
});

describe('settings', () => {
  it('S-1: defaults are ranked choice, hidden results, anonymous ballots, quorum one half, no consent round, 3 dots', () => {
    expect(unwrap(resolveVoteSettings())).toEqual({
      method: 'ranked-choice',
      closeWhenAllVoted: false,
      resultsVisibility: 'after-close',
      anonymous: true,
      quorum: 0.5,
      consentRound: false,
      dotsPerMember: 3,
      maxDotsPerCandidate: 3,
    });
    expect(unwrap(openVote(input())).settings).toEqual(DEFAULT_VOTE_SETTINGS);
  });

  it('S-1: dots per candidate default to the dots per member', () => {
    expect(unwrap(resolveVoteSettings({ method: 'dot', dotsPerMember: 5 })).maxDotsPerCandidate).toBe(5);
  });

  it('S-2: a vote closes 48 hours after it opens unless told otherwise, and never before now', () => {
    expect(unwrap(openVote(input())).closesAt).toBe('2025-03-05T09:00:00.000Z');
    expect(unwrap(openVote(input({ closesAt: at(30) }))).closesAt).toBe(at(30));
    expect(openVote(input({ closesAt: NOW }))).toMatchObject({ ok: false, field: 'closesAt' });
  });

  it('S-3: quorum is a share from 0 to 1 and dot allowances are whole numbers with M at most N', () => {
    expect(resolveVoteSettings({ quorum: 1.2 })).toMatchObject({ ok: false, field: 'quorum' });
    expect(resolveVoteSettings({ quorum: -0.1 })).toMatchObject({ ok: false, field: 'quorum' });
    expect(resolveVoteSettings({ dotsPerMember: 0 })).toMatchObject({ ok: false, field: 'dotsPerMember' });
    expect(resolveVoteSettings({ dotsPerMember: 3, maxDotsPerCandidate: 4 })).toMatchObject({
      ok: false,
      field: 'maxDotsPerCandidate',
    });
    expect(resolveVoteSettings({ quorum: 0 }).ok).toBe(true);
    expect(resolveVoteSettings({ quorum: 1 }).ok).toBe(true);
  });
});

describe('opening a vote', () => {
  it('V-1: keeps a snapshot of the candidates in proposal order and starts open', () => {
    const opened = unwrap(openVote(input()));
    expect(opened).toMatchObject({
      status: 'open',
      openedAt: NOW,
      runoffOf: null,
      title: 'Choose our priority',
    });
    expect(opened.candidates.map((c) => c.id)).toEqual(['A', 'B']);
    expect(Object.keys(opened.candidates[0] ?? {})).toEqual(['id', 'title', 'proposedAt']);
  });

  it('V-1: needs two distinct open candidates of the team', () => {
    expect(openVote(input({ candidates: [candidate('A')] }))).toMatchObject({
      ok: false,
      field: 'candidates',
    });
    expect(openVote(input({ candidates: [candidate('A'), candidate('A')] }))).toMatchObject({
      ok: false,
      field: 'candidates',
    });
    expect(
      openVote(input({ candidates: [candidate('A'), candidate('B', { teamId: 'team-2' })] })),
    ).toMatchObject({
      ok: false,
      field: 'candidates',
    });
    expect(
      openVote(input({ candidates: [candidate('A'), candidate('B', { status: 'withdrawn' })] })),
    ).toMatchObject({ ok: false, field: 'candidates' });
  });

  it('V-1: the title is trimmed and 1 to 140 characters', () => {
    expect(unwrap(openVote(input({ title: '  Our focus  ' }))).title).toBe('Our focus');
    expect(openVote(input({ title: 'x'.repeat(141) }))).toMatchObject({ ok: false, field: 'title' });
  });
});

describe('the active priority when opening a vote', () => {
  it('P-2: with an active priority, opening a vote without saying what happens to it is refused', () => {
    expect(openVote(input({ activePriorityId: 'priority-1' }))).toMatchObject({
      ok: false,
      field: 'currentPriorityDisposition',
    });
  });

  it('P-2: the disposition is recorded on the vote: completed, or replaced with a reason', () => {
    const completed = unwrap(
      openVote(input({ activePriorityId: 'priority-1', currentPriorityDisposition: { kind: 'completed' } })),
    );
    expect(completed.currentPriorityDisposition).toEqual({ priorityId: 'priority-1', kind: 'completed' });
    const replaced = unwrap(
      openVote(
        input({
          activePriorityId: 'priority-1',
          currentPriorityDisposition: { kind: 'replaced', reason: ' data ' },
        }),
      ),
    );
    expect(replaced.currentPriorityDisposition).toEqual({
      priorityId: 'priority-1',
      kind: 'replaced',
      reason: 'data',
    });
  });

  it('P-2: replacing needs a reason, and a disposition without an active priority is refused', () => {
    expect(
      openVote(
        input({
          activePriorityId: 'priority-1',
          currentPriorityDisposition: { kind: 'replaced', reason: ' ' },
        }),
      ),
    ).toMatchObject({ ok: false, field: 'currentPriorityDisposition.reason' });
    expect(openVote(input({ currentPriorityDisposition: { kind: 'completed' } }))).toMatchObject({
      ok: false,
      field: 'currentPriorityDisposition',
    });
  });
});
