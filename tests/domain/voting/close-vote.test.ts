import { describe, expect, it } from 'vitest';
import {
  closeVote,
  createRunoff,
  extendVote,
  isDue,
  quorumNeeded,
  resolveTieByFacilitator,
} from '../../../bot/domain/voting';
import { at, cast, closedVote, rankedBallots, unwrap, vote } from '../factories';

describe('when a vote is due', () => {
  it('V-2: an open vote is due once now reaches closesAt', () => {
    const open = vote({}, { closesAt: at(60) });
    expect(isDue(open, at(59), { ballotsCount: 0, teamSize: 5 })).toBe(false);
    expect(isDue(open, at(60), { ballotsCount: 0, teamSize: 5 })).toBe(true);
  });

  it('V-3: with closeWhenAllVoted it is due as soon as every member has voted', () => {
    const open = vote({ closeWhenAllVoted: true });
    expect(isDue(open, at(1), { ballotsCount: 4, teamSize: 5 })).toBe(false);
    expect(isDue(open, at(1), { ballotsCount: 5, teamSize: 5 })).toBe(true);
    expect(isDue(vote(), at(1), { ballotsCount: 5, teamSize: 5 })).toBe(false);
  });

  it('V-2: a closed vote is never due', () => {
    expect(isDue(closedVote({}, rankedBallots(['A'])), at(10_000), { ballotsCount: 1, teamSize: 1 })).toBe(
      false,
    );
  });
});

describe('closing a vote', () => {
  it('V-4: records who closed it, when, the turnout, the tally and the concerns', () => {
    const open = vote({ anonymous: false });
    const ballots = cast(open, [
      { method: 'ranked-choice', memberId: 'm1', ranking: ['A'], concern: 'Too big for this term' },
      { method: 'ranked-choice', memberId: 'm2', ranking: ['A', 'B'] },
    ]);
    const closed = unwrap(closeVote(open, ballots, { now: at(60), teamSize: 3, closedBy: 'fay' }));
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: at(60),
      closedBy: 'fay',
      turnout: { voted: 2, teamSize: 3 },
      concerns: [{ id: 'concern-1', text: 'Too big for this term', memberId: 'm1' }],
    });
    expect(closed.tally?.method).toBe('ranked-choice');
  });

  it('V-4: concerns on anonymous votes carry no member', () => {
    const open = vote();
    const ballots = cast(open, [
      { method: 'ranked-choice', memberId: 'm1', ranking: ['A'], concern: 'Why now?' },
    ]);
    const closed = unwrap(closeVote(open, ballots, { now: at(60), teamSize: 1, closedBy: 'fay' }));
    expect(closed.concerns).toEqual([{ id: 'concern-1', text: 'Why now?', memberId: null }]);
  });

  it('V-4: a second close is refused', () => {
    const closed = closedVote({}, rankedBallots(['A']));
    expect(closeVote(closed, new Map(), { now: at(90), teamSize: 1, closedBy: 'fay' })).toEqual({
      ok: false,
      field: 'vote',
      message: 'vote: this vote is already closed',
    });
  });

  it('V-4: the team size must be a whole number of at least one', () => {
    expect(closeVote(vote(), new Map(), { now: at(1), teamSize: 0, closedBy: 'fay' })).toMatchObject({
      ok: false,
      field: 'teamSize',
    });
  });

  it('V-5: a winner makes the vote decided', () => {
    const closed = closedVote({}, rankedBallots(['A'], ['A', 'B'], ['B']));
    expect(closed.outcome).toEqual({ kind: 'decided', winnerId: 'A', tieResolution: null });
  });

  it('T-4: a tie for the win closes the vote as tied with the tied candidates', () => {
    const closed = closedVote({}, rankedBallots(['A'], ['B']));
    expect(closed.outcome).toEqual({ kind: 'tied', candidateIds: ['A', 'B'] });
  });
});

describe('quorum', () => {
  it('Q-1: quorum needs the share of the team rounded up', () => {
    expect(quorumNeeded(0.5, 5)).toBe(3);
    expect(quorumNeeded(0.5, 4)).toBe(2);
    expect(quorumNeeded(0.3, 10)).toBe(3);
    expect(quorumNeeded(0, 7)).toBe(0);
    expect(quorumNeeded(1, 7)).toBe(7);
  });

  it('Q-2: below quorum the vote ends with no-quorum and no decision', () => {
    const closed = closedVote({}, rankedBallots(['A'], ['A']), 5);
    expect(closed.outcome).toEqual({ kind: 'no-quorum', needed: 3 });
    expect(closed.turnout).toEqual({ voted: 2, teamSize: 5 });
  });

  it('Q-2: exactly the quorum is enough', () => {
    expect(closedVote({}, rankedBallots(['A'], ['A']), 4).outcome.kind).toBe('decided');
  });

  it('Q-3: a no-quorum vote keeps no tally', () => {
    expect(closedVote({}, rankedBallots(['A']), 5).tally).toBeNull();
  });

  it('Q-4: an open vote can be extended to a later closing time', () => {
    const open = vote({}, { closesAt: at(60) });
    expect(unwrap(extendVote(open, at(120), at(10))).closesAt).toBe(at(120));
    expect(extendVote(open, at(30), at(10))).toMatchObject({ ok: false, field: 'closesAt' });
    expect(extendVote(open, at(5), at(10))).toMatchObject({ ok: false, field: 'closesAt' });
  });

  it('Q-4: a no-quorum vote can be reopened with its ballots; decided and tied votes cannot', () => {
    const noQuorum = closedVote({}, rankedBallots(['A']), 5);
    const reopened = unwrap(extendVote(noQuorum, at(600), at(61)));
    expect(reopened).toMatchObject({ status: 'open', closesAt: at(600), id: 'vote-1' });
    expect(reopened).not.toHaveProperty('outcome');
    expect(extendVote(closedVote({}, rankedBallots(['A'])), at(600), at(61))).toMatchObject({
      ok: false,
      field: 'vote',
    });
    expect(extendVote(closedVote({}, rankedBallots(['A'], ['B'])), at(600), at(61))).toMatchObject({
      ok: false,
      field: 'vote',
    });
  });
});

describe('settling a tie for the win', () => {
  const tied = closedVote({ quorum: 0.5, anonymous: false }, rankedBallots(['A'], ['B']));

  it('T-5: a runoff is a new vote with the same settings among the tied candidates', () => {
    const runoff = unwrap(createRunoff(tied, ['A', 'B'], at(70)));
    expect(runoff).toMatchObject({
      id: 'vote-1:runoff',
      status: 'open',
      runoffOf: 'vote-1',
      openedAt: at(70),
      closesAt: new Date(Date.parse(at(70)) + 48 * 3600_000).toISOString(),
      settings: tied.settings,
    });
    expect(runoff.candidates.map((c) => c.id)).toEqual(['A', 'B']);
  });

  it('T-5: a runoff needs two or more of the tied candidates and a tied vote', () => {
    expect(createRunoff(tied, ['A'], at(70))).toMatchObject({ ok: false, field: 'tiedIds' });
    expect(createRunoff(tied, ['A', 'C'], at(70))).toMatchObject({ ok: false, field: 'tiedIds' });
    expect(createRunoff(closedVote({}, rankedBallots(['A'])), ['A', 'B'], at(70))).toMatchObject({
      ok: false,
      field: 'vote',
    });
  });

  it('T-6: the facilitator may pick one of the tied with a stated reason; the vote becomes decided', () => {
    const resolved = unwrap(resolveTieByFacilitator(tied, 'B', 'B was proposed by the whole grade team'));
    expect(resolved.outcome).toEqual({
      kind: 'decided',
      winnerId: 'B',
      tieResolution: {
        tiedCandidateIds: ['A', 'B'],
        chosenId: 'B',
        reason: 'B was proposed by the whole grade team',
      },
    });
    expect(tied.outcome.kind).toBe('tied');
  });

  it('T-6: the choice must be tied, the reason stated, and the vote tied', () => {
    expect(resolveTieByFacilitator(tied, 'C', 'x')).toMatchObject({ ok: false, field: 'chosenId' });
    expect(resolveTieByFacilitator(tied, 'A', '  ')).toMatchObject({ ok: false, field: 'reason' });
    expect(resolveTieByFacilitator(closedVote({}, rankedBallots(['A'])), 'A', 'x')).toMatchObject({
      ok: false,
      field: 'vote',
    });
  });
});
