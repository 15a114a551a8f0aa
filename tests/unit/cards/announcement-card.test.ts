import { describe, expect, it } from 'vitest';
import { resolveTieByFacilitator, type BallotInput } from '../../../bot/domain/voting';
import { announcementCard } from '../../../bot/teams/cards/announcement-card';
import {
  EVIL,
  action,
  activePriority,
  buttonTitles,
  candidate,
  close,
  decide,
  expectNoUnescapedUserText,
  expectValidCard,
  longText,
  manyCandidates,
  nodes,
  openTestVote,
  ranked,
  unwrap,
  visibleText,
} from './card-kit';

const options = { acknowledgedBy: 3, teamSize: 12, tabUrl: 'https://teams.microsoft.com/l/entity/app/tab' };

describe('announcementCard', () => {
  it('announces the decision with rationale, turnout, bars, rounds, concerns and the watch list', () => {
    const ballots: BallotInput[] = [
      ...ranked(['A', 'B'], ['A', 'C'], ['B', 'A'], ['C', 'A'], ['A']),
      { method: 'ranked-choice', memberId: 'm6', ranking: ['B'], concern: 'Too much at once' },
    ];
    const decision = decide(close(openTestVote(), ballots, 8), {
      rationale: 'Most of us ranked it first.',
      response: () => 'We start small.',
    });
    const card = announcementCard(decision, options);
    expectValidCard(card);
    const text = visibleText(card);
    expect(text).toContain('Decision: A');
    expect(text).toContain('Most of us ranked it first.');
    expect(text).toContain('Method: Ranked choice (instant runoff)');
    expect(text).toContain('Turnout: 6 of 8 members');
    expect(text).toContain('Round 1:');
    expect(text).toContain('Head to head');
    expect(text).toContain('A 4 – 2 B');
    expect(text.indexOf('Round 1:')).toBeLessThan(text.indexOf('Head to head'));
    expect(text).toContain('Too much at once');
    expect(text).toContain('We start small.');
    expect(text).toContain('Things to watch');
    expect(text).toContain('Acknowledged by 3 of 12');
    expect(nodes(card).some((n) => n.type === 'Container' && n.style === 'accent')).toBe(true);
    expect(buttonTitles(card)).toEqual(['Acknowledge', 'Open in tab']);
    expect(action(card, 'Acknowledge')).toMatchObject({
      type: 'Action.Execute',
      verb: 'decision.ack',
      data: { decisionId: 'decision-1' },
    });
    expect(action(card, 'Open in tab')).toMatchObject({ type: 'Action.OpenUrl', url: options.tabUrl });
  });

  it('shows the head-to-head table in the order of the standings', () => {
    const decision = decide(close(openTestVote(), ranked(['B', 'A'], ['B', 'C'], ['A', 'B'])));
    const text = visibleText(announcementCard(decision, options));
    expect(text).toContain('B 2 – 1 A');
    expect(text).toContain('B 3 – 0 C');
    expect(text).toContain('A 2 – 1 C');
  });

  it('has no head-to-head table for other methods', () => {
    const decision = decide(
      close(openTestVote({ method: 'approval' }), [
        { method: 'approval', memberId: 'm1', approved: ['A'] },
        { method: 'approval', memberId: 'm2', approved: ['A', 'B'] },
      ]),
    );
    expect(decision.result.headToHead).toBeNull();
    expect(visibleText(announcementCard(decision, options))).not.toContain('Head to head');
  });

  it('omits Open in tab without a tab URL', () => {
    const decision = decide(close(openTestVote(), ranked(['A'], ['A'], ['B'])));
    expect(buttonTitles(announcementCard(decision, { ...options, tabUrl: null }))).toEqual(['Acknowledge']);
  });

  it('tells what happened to the previous priority and how a tie was settled', () => {
    const vote = close(
      openTestVote({}, undefined, {
        activePriorityId: 'priority-0',
        currentPriorityDisposition: { kind: 'replaced', reason: 'Attendance matters more now' },
      }),
      ranked(['A'], ['B']),
    );
    const settled = unwrap(resolveTieByFacilitator(vote, 'B', 'B serves more students'));
    const card = announcementCard(decide(settled, { activePriority: activePriority() }), options);
    const text = visibleText(card);
    expect(text).toContain('Our previous priority is replaced: Attendance matters more now');
    expect(text).toContain('Tied between A and B; the facilitator chose B: B serves more students');
  });

  it('escapes every piece of user text', () => {
    const vote = close(
      openTestVote({}, [candidate('A', EVIL), candidate('B', `B ${EVIL}`)], {
        activePriorityId: 'priority-0',
        currentPriorityDisposition: { kind: 'replaced', reason: EVIL },
      }),
      [...ranked(['A'], ['A']), { method: 'ranked-choice', memberId: 'm9', ranking: ['B'], concern: EVIL }],
    );
    const card = announcementCard(
      decide(vote, { rationale: EVIL, response: () => EVIL, activePriority: activePriority() }),
      options,
    );
    expect(visibleText(card)).toContain(`${EVIL} 2 – 1 B ${EVIL}`);
    expectNoUnescapedUserText(card);
  });

  it('stays under 28 KB with 30 long candidates and 25 concerns of 1000 characters, saying "and N more"', () => {
    const candidates = manyCandidates();
    const ballots: BallotInput[] = Array.from({ length: 25 }, (_, i) => ({
      method: 'ranked-choice',
      memberId: `m${i + 1}`,
      ranking: [candidates[i % 30]!.id, candidates[(i + 7) % 30]!.id],
      concern: longText(`concern ${i + 1}`),
    }));
    ballots.push(...ranked(['c1'], ['c1'], ['c1']).map((b, i) => ({ ...b, memberId: `x${i}` })));
    const decision = decide(close(openTestVote({}, candidates), ballots, 30), {
      rationale: longText('rationale'),
      response: (id) => longText(`response to ${id}`),
    });
    expect(decision.concerns).toHaveLength(25);
    const card = announcementCard(decision, options);
    expectValidCard(card);
    expect(visibleText(card)).toMatch(/and \d+ more/);
    expect(buttonTitles(card)).toEqual(['Acknowledge', 'Open in tab']);
  });
});
