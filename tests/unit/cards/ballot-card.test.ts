import { describe, expect, it } from 'vitest';
import { tallyVote, type Ballot, type Vote, type VoteSettingsInput } from '../../../bot/domain/voting';
import {
  ballotClosedCard,
  ballotPersonalCard,
  ballotSharedCard,
  type BallotCardView,
  type BallotViewer,
} from '../../../bot/teams/cards/ballot-card';
import {
  EVIL,
  action,
  buttonTitles,
  candidate,
  cast,
  close,
  expectNoUnescapedUserText,
  expectValidCard,
  input,
  inputs,
  longText,
  manyCandidates,
  nodes,
  openTestVote,
  ranked,
  unwrap,
  visibleText,
} from './card-kit';
import { castBallot } from '../../../bot/domain/voting';

function view(vote: Vote, overrides: Partial<BallotCardView> = {}): BallotCardView {
  return {
    vote,
    turnout: { voted: 7, teamSize: 12, voterNames: null },
    tally: null,
    facilitatorName: 'Fay',
    refreshUserIds: ['u1', 'u2'],
    decisionId: null,
    ...overrides,
  };
}

function viewer(overrides: Partial<BallotViewer> = {}): BallotViewer {
  return { memberId: 'm1', ballot: null, editing: false, isFacilitator: false, ...overrides };
}

/** The member's accepted ballot on `vote`. */
function ballotOn(vote: ReturnType<typeof openTestVote>, input: Parameters<typeof castBallot>[2]): Ballot {
  return unwrap(castBallot(vote, new Map(), input, '2025-03-03T09:05:00.000Z')).get(input.memberId)!;
}

describe('ballotSharedCard', () => {
  it('shows the vote, turnout and the Vote / Close vote buttons, and refreshes per user', () => {
    const vote = openTestVote();
    const card = ballotSharedCard(view(vote));
    expectValidCard(card);
    expect(buttonTitles(card)).toEqual(['Vote', 'Close vote']);
    expect(action(card, 'Vote')).toMatchObject({
      type: 'Action.Execute',
      verb: 'ballot.view',
      data: { voteId: 'vote-1' },
    });
    expect(action(card, 'Close vote')).toMatchObject({ verb: 'vote.close', data: { voteId: 'vote-1' } });
    expect(card.refresh?.userIds).toEqual(['u1', 'u2']);
    expect(card.refresh?.action).toMatchObject({
      type: 'Action.Execute',
      verb: 'ballot.view',
      data: { voteId: 'vote-1' },
    });
    const text = visibleText(card);
    expect(text).toContain('Opened by Fay');
    expect(text).toContain('Method: Ranked choice (instant runoff)');
    expect(text).toContain('7 of 12 have voted');
    expect(text).toContain('{{DATE(2025-03-05T09:00:00Z, SHORT)}} {{TIME(2025-03-05T09:00:00Z)}}');
    for (const title of ['A', 'B', 'C']) expect(text).toContain(title);
  });

  it('names the voters only when the vote is not anonymous', () => {
    const names = ['Ann', 'Bob'];
    const open = ballotSharedCard(
      view(openTestVote({ anonymous: false }), { turnout: { voted: 2, teamSize: 5, voterNames: names } }),
    );
    expect(visibleText(open)).toContain('2 of 5 have voted: Ann, Bob');
    const secret = ballotSharedCard(
      view(openTestVote({ anonymous: true }), { turnout: { voted: 2, teamSize: 5, voterNames: names } }),
    );
    expect(visibleText(secret)).toContain('2 of 5 have voted');
    expect(JSON.stringify(secret)).not.toContain('Ann');
    expect(JSON.stringify(secret)).not.toContain('Bob');
  });

  it('draws live standings as bars when a tally is given', () => {
    const vote = openTestVote({ resultsVisibility: 'live' });
    const tally = tallyVote(vote, cast(vote, ranked(['A', 'B'], ['A'], ['B'])));
    const card = ballotSharedCard(view(vote, { tally }));
    expect(visibleText(card)).toContain('Live results');
    const bars = nodes(card).filter((n) => n.type === 'Container' && n.style === 'accent');
    expect(bars.length).toBeGreaterThan(0);
    expect(visibleText(card)).toContain('Total: 3 ballots counted');
  });

  it('escapes titles and names', () => {
    const vote = openTestVote({ anonymous: false }, [candidate('A', EVIL), candidate('B', 'B')], {
      title: EVIL.slice(0, 100),
    });
    const card = ballotSharedCard(
      view(vote, { facilitatorName: EVIL, turnout: { voted: 1, teamSize: 2, voterNames: [EVIL] } }),
    );
    expectNoUnescapedUserText(card);
  });

  it('stays under 28 KB with 30 long candidates and live results', () => {
    const vote = openTestVote({ resultsVisibility: 'live' }, manyCandidates());
    const ballots = ranked(...manyCandidates().map((c, i) => [c.id, `c${((i + 1) % 30) + 1}`]));
    const tally = tallyVote(vote, cast(vote, ballots));
    const card = ballotSharedCard(
      view(vote, { tally, refreshUserIds: Array.from({ length: 60 }, (_, i) => `user-${i}`) }),
    );
    expectValidCard(card);
  });
});

describe('ballotPersonalCard', () => {
  it('shows "Your ballot: 1. A, 2. B" and Change ballot after a ranked ballot', () => {
    const vote = openTestVote();
    const ballot = ballotOn(vote, { method: 'ranked-choice', memberId: 'm1', ranking: ['A', 'B'] });
    const card = ballotPersonalCard(view(vote), viewer({ ballot, receipt: 'ab12cd' }));
    expectValidCard(card);
    expect(visibleText(card)).toContain('Your ballot: 1. A, 2. B');
    expect(visibleText(card)).toContain('ab12cd');
    expect(buttonTitles(card)).toEqual(['Change ballot']);
    expect(action(card, 'Change ballot')).toMatchObject({
      verb: 'ballot.change',
      data: { voteId: 'vote-1' },
    });
    expect(inputs(card).size).toBe(0);
    expect(card.refresh?.action).toMatchObject({ verb: 'ballot.view', data: { voteId: 'vote-1' } });
    expect(card.refresh?.userIds).toEqual(['u1', 'u2']);
  });

  it('offers ranked-choice inputs, only the 1st required, prefilled when editing', () => {
    const vote = openTestVote();
    const ballot = ballotOn(vote, {
      method: 'ranked-choice',
      memberId: 'm1',
      ranking: ['B', 'A'],
      concern: 'Time',
    });
    const card = ballotPersonalCard(view(vote), viewer({ ballot, editing: true }));
    expectValidCard(card);
    const labels = ['1st choice', '2nd choice', '3rd choice'];
    labels.forEach((label, i) => {
      const rank = input(card, `rank${i + 1}`);
      expect(rank).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', label });
      expect(rank.choices).toEqual([
        { title: 'A', value: 'A' },
        { title: 'B', value: 'B' },
        { title: 'C', value: 'C' },
      ]);
      expect(rank.isRequired ?? false).toBe(i === 0);
    });
    expect(input(card, 'rank1').value).toBe('B');
    expect(input(card, 'rank2').value).toBe('A');
    expect(input(card, 'rank3').value).toBeUndefined();
    expect(input(card, 'concern')).toMatchObject({
      type: 'Input.Text',
      label: 'Concern (optional)',
      maxLength: 1000,
      value: 'Time',
    });
    expect(input(card, 'concern').isRequired).toBeUndefined();
    expect(buttonTitles(card)).toEqual(['Submit ballot']);
    expect(action(card, 'Submit ballot')).toMatchObject({
      verb: 'ballot.submit',
      data: { voteId: 'vote-1' },
    });
  });

  it('labels 4th and later choices', () => {
    const vote = openTestVote(
      {},
      ['A', 'B', 'C', 'D', 'E'].map((id) => candidate(id, id)),
    );
    const card = ballotPersonalCard(view(vote), viewer());
    expect(input(card, 'rank4').label).toBe('4th choice');
    expect(input(card, 'rank5').label).toBe('5th choice');
  });

  it('shows Close vote to the facilitator only', () => {
    const vote = openTestVote();
    expect(buttonTitles(ballotPersonalCard(view(vote), viewer({ isFacilitator: true })))).toEqual([
      'Submit ballot',
      'Close vote',
    ]);
    const card = ballotPersonalCard(view(vote), viewer({ isFacilitator: true }));
    expect(action(card, 'Close vote')).toMatchObject({
      verb: 'vote.close',
      data: { voteId: 'vote-1' },
      associatedInputs: 'none',
    });
  });

  it('shows an error on top when re-shown after a bad submit', () => {
    const card = ballotPersonalCard(view(openTestVote()), viewer({ error: `rank1: ${EVIL}` }));
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expectNoUnescapedUserText(card);
  });

  const forms: [string, VoteSettingsInput, (card: ReturnType<typeof ballotPersonalCard>) => void][] = [
    [
      'dot',
      { method: 'dot', dotsPerMember: 5, maxDotsPerCandidate: 3 },
      (card) => {
        expect(input(card, 'dots_A')).toMatchObject({ type: 'Input.Number', label: 'A', min: 0, max: 3 });
      },
    ],
    [
      'approval',
      { method: 'approval' },
      (card) => {
        expect(input(card, 'approve_B')).toMatchObject({
          type: 'Input.Toggle',
          title: 'B',
          valueOn: 'true',
          valueOff: 'false',
        });
      },
    ],
    [
      'score',
      { method: 'score' },
      (card) => {
        const score = input(card, 'score_C');
        expect(score).toMatchObject({ type: 'Input.ChoiceSet', label: 'C' });
        expect((score.choices as { value: string }[]).map((c) => c.value)).toEqual([
          '0',
          '1',
          '2',
          '3',
          '4',
          '5',
        ]);
      },
    ],
  ];
  it.each(forms)('offers the %s form', (_name, settings, check) => {
    const card = ballotPersonalCard(view(openTestVote(settings)), viewer());
    expectValidCard(card);
    check(card);
    expect(input(card, 'concern').label).toBe('Concern (optional)');
  });

  it('summarises dot, approval and score ballots', () => {
    const dot = openTestVote({ method: 'dot', dotsPerMember: 3 });
    const dotBallot = ballotOn(dot, { method: 'dot', memberId: 'm1', dots: { A: 2, C: 1 } });
    expect(visibleText(ballotPersonalCard(view(dot), viewer({ ballot: dotBallot })))).toContain(
      'Your ballot: A: 2 dots, C: 1 dot',
    );

    const approval = openTestVote({ method: 'approval' });
    const approvalBallot = ballotOn(approval, { method: 'approval', memberId: 'm1', approved: ['B', 'A'] });
    expect(visibleText(ballotPersonalCard(view(approval), viewer({ ballot: approvalBallot })))).toContain(
      'Your ballot: A, B',
    );

    const score = openTestVote({ method: 'score' });
    const scoreBallot = ballotOn(score, { method: 'score', memberId: 'm1', scores: { A: 4, B: 1 } });
    expect(visibleText(ballotPersonalCard(view(score), viewer({ ballot: scoreBallot })))).toContain(
      'Your ballot: A: 4, B: 1, C: 0',
    );

    const edit = ballotPersonalCard(view(score), viewer({ ballot: scoreBallot, editing: true }));
    expect(input(edit, 'score_A').value).toBe('4');
  });

  it('escapes titles in every form and in the ballot summary', () => {
    for (const method of ['ranked-choice', 'dot', 'approval', 'score'] as const) {
      const vote = openTestVote({ method }, [candidate('A', EVIL), candidate('B', 'B')]);
      expectNoUnescapedUserText(ballotPersonalCard(view(vote), viewer({ receipt: EVIL })));
    }
    const vote = openTestVote({}, [candidate('A', EVIL), candidate('B', 'B')]);
    const ballot = ballotOn(vote, { method: 'ranked-choice', memberId: 'm1', ranking: ['A'], concern: EVIL });
    expectNoUnescapedUserText(ballotPersonalCard(view(vote), viewer({ ballot })));
  });

  it('stays under 28 KB with 30 long candidates for every method', () => {
    for (const method of ['ranked-choice', 'dot', 'approval', 'score'] as const) {
      const vote = openTestVote({ method, resultsVisibility: 'live' }, manyCandidates());
      const card = ballotPersonalCard(view(vote), viewer({ isFacilitator: true, error: longText('bad') }));
      expectValidCard(card);
      expect(inputs(card).has(method === 'ranked-choice' ? 'rank1' : 'concern')).toBe(true);
    }
  });

  it('shows the closed card once the vote is closed', () => {
    const vote = close(openTestVote(), ranked(['A'], ['A'], ['B']));
    const card = ballotPersonalCard(view(vote), viewer());
    expect(card.refresh).toBeUndefined();
    expect(visibleText(card)).toContain('Closed — the facilitator will announce the decision');
  });
});

describe('ballotClosedCard', () => {
  it('says the decision is out and shows final standings, with no refresh or ballot actions', () => {
    const vote = close(openTestVote(), ranked(['A', 'B'], ['A'], ['B', 'A']));
    expect(visibleText(ballotClosedCard(view(vote)))).toContain(
      'Closed — the facilitator will announce the decision',
    );
    const card = ballotClosedCard(view(vote, { decisionId: 'decision-1' }));
    expectValidCard(card);
    expect(card.refresh).toBeUndefined();
    expect(buttonTitles(card)).toEqual([]);
    expect(visibleText(card)).toContain('Closed — see the decision');
    expect(visibleText(card)).not.toContain('will announce');
    expect(visibleText(card)).toContain('Final standings');
    expect(visibleText(card)).toContain('3 of 3 have voted');
  });

  it('says first, in red, why a ballot sent after the close was not taken', () => {
    const vote = close(openTestVote(), ranked(['A', 'B'], ['A']));
    const card = ballotClosedCard(view(vote), { error: 'vote: this vote is already closed' });
    expect(card.body[0]).toMatchObject({ color: 'Attention' });
    expect(visibleText(card)).toContain('vote: this vote is already closed');
    expect(ballotClosedCard(view(vote)).body[0]).not.toMatchObject({ color: 'Attention' });
  });

  it('names the tied candidates', () => {
    const vote = close(openTestVote(), ranked(['A'], ['B']));
    expect(visibleText(ballotClosedCard(view(vote)))).toContain(
      'Closed — tied between A and B, the facilitator will settle it',
    );
  });

  it('explains a vote without quorum', () => {
    const vote = close(openTestVote({ quorum: 0.5 }), ranked(['A']), 4);
    expect(visibleText(ballotClosedCard(view(vote)))).toContain(
      'Closed without a decision: only 1 of 4 voted, quorum was 2',
    );
  });

  it('escapes and fits 30 long candidates', () => {
    const candidates = manyCandidates();
    const vote = close(
      openTestVote({}, [candidate('evil', EVIL), ...candidates.slice(1)]),
      ranked(...candidates.map((c, i) => [i === 0 ? 'evil' : c.id])),
    );
    const card = ballotClosedCard(view(vote));
    expectValidCard(card);
    expectNoUnescapedUserText(card);
  });
});
