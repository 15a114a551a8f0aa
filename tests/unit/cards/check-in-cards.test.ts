import { describe, expect, it } from 'vitest';
import {
  acceptAssignment,
  answerCheckIn,
  assignRole,
  closeCheckInRound,
  createAction,
  openCheckInRound,
  type Action,
  type Assignment,
  type CheckInRound,
} from '../../../bot/domain/ownership';
import {
  checkInClosedCard,
  checkInFormCard,
  checkInSharedCard,
  reminderCard,
} from '../../../bot/teams/cards/check-in-cards';
import {
  EVIL,
  NOW,
  activePriority,
  at,
  buttonTitles,
  expectNoUnescapedUserText,
  expectValidCard,
  input,
  inputs,
  unwrap,
  visibleText,
} from './card-kit';

const priority = activePriority('Every student reads 20 minutes a day');
const FAY = { memberId: 'fay', roles: ['facilitator' as const] };
const names: Record<string, string> = { fay: 'Fay Facilitator', ann: 'Ann Owner', ben: 'Ben Helper' };
const nameOf = (id: string) => names[id] ?? 'A former member';

function owners(...memberIds: string[]): Assignment[] {
  let assignments: Assignment[] = [];
  for (const memberId of memberIds) {
    assignments = unwrap(
      assignRole(assignments, { priority, memberId, role: 'co-owner', actor: FAY, now: NOW }),
    );
    assignments = unwrap(acceptAssignment(assignments, { priority, memberId, by: memberId, now: NOW }));
  }
  return assignments;
}

const anns: Action = unwrap(
  createAction({
    id: 'a1',
    priority,
    title: 'Read with the 3rd graders',
    ownerId: 'ann',
    createdBy: 'fay',
    now: NOW,
  }),
);

const bens: Action = unwrap(
  createAction({
    id: 'a2',
    priority,
    title: 'Survey the parents',
    ownerId: 'ben',
    createdBy: 'fay',
    now: NOW,
  }),
);

function round(): CheckInRound {
  return unwrap(
    openCheckInRound({
      id: 'round-1',
      priority,
      assignments: owners('ann', 'ben'),
      dueAt: at(60),
      now: at(60),
    }),
  );
}
const view = (r: CheckInRound, title = priority.title) => ({
  teamId: 'team-1',
  round: r,
  priorityTitle: title,
  nameOf,
});
const answered = (r: CheckInRound, learned: string) =>
  unwrap(
    answerCheckIn(
      r,
      {
        tried: 'Paired readers',
        happened: 'Half came',
        learned,
        statusUpdates: [{ actionId: 'a1', status: 'stuck' }],
      },
      { priority, actions: [anns], actor: { memberId: 'ann', roles: [] }, now: at(61) },
    ),
  ).round;

describe('checkInSharedCard', () => {
  it('names the owners expected and who has checked in, with Check in and Close check-in, refreshing for the owners', () => {
    const card = checkInSharedCard(view(answered(round(), 'Mornings work')));
    expectValidCard(card);
    expect(buttonTitles(card)).toEqual(['Check in', 'Close check-in']);
    expect(visibleText(card)).toContain('Owners: Ann Owner, Ben Helper');
    expect(visibleText(card)).toContain('Checked in (1 of 2): Ann Owner');
    expect(card.refresh).toMatchObject({
      action: { verb: 'checkin.view', data: { teamId: 'team-1', roundId: 'round-1' } },
      userIds: ['ann', 'ben'],
    });
    // The shared card never shows anybody's inputs.
    expect(inputs(card).size).toBe(0);
  });
});

describe('checkInFormCard', () => {
  it("gives an owner the three questions, their earlier answer and their actions' statuses", () => {
    const card = checkInFormCard(view(answered(round(), 'Mornings work')), {
      memberId: 'ann',
      actions: [anns],
      isFacilitator: false,
    });
    expectValidCard(card);
    expect(input(card, 'tried')).toMatchObject({
      label: 'What I tried',
      value: 'Paired readers',
      maxLength: 1000,
    });
    expect(input(card, 'happened')).toMatchObject({ label: 'What happened', value: 'Half came' });
    expect(input(card, 'learned')).toMatchObject({ label: 'What I learned', value: 'Mornings work' });
    expect(input(card, 'status_a1')).toMatchObject({ type: 'Input.ChoiceSet', value: 'not-started' });
    expect(buttonTitles(card)).toEqual(['Check in']);
  });

  it('shows a member who is not expected the card without inputs, and a facilitator Close check-in', () => {
    const card = checkInFormCard(view(round()), { memberId: 'fay', actions: [], isFacilitator: true });
    expectValidCard(card);
    expect(inputs(card).size).toBe(0);
    expect(visibleText(card)).toContain('Only the owners expected at this check-in answer it.');
    expect(buttonTitles(card)).toEqual(['Close check-in']);
  });

  it('shows an error above the form', () => {
    const card = checkInFormCard(view(round()), {
      memberId: 'ben',
      actions: [],
      isFacilitator: false,
      error: 'answer: write what was tried',
    });
    expect(visibleText(card)).toContain('answer: write what was tried');
  });
});

describe('checkInClosedCard', () => {
  it('keeps the summary: counts by status, who checked in and not, stuck actions and learnings', () => {
    const stuck = { ...anns, status: 'stuck' as const };
    const closed = unwrap(
      closeCheckInRound(answered(round(), 'Mornings work'), {
        actions: [stuck, bens],
        now: at(90),
      }),
    );
    const card = checkInSharedCard(view(closed));
    expect(card).toEqual(checkInClosedCard(view(closed)));
    expectValidCard(card);
    expect(buttonTitles(card)).toEqual([]);
    expect(card.refresh).toBeUndefined();
    const text = visibleText(card);
    expect(text).toContain('closed');
    expect(text).toContain('Not started: 1');
    expect(text).toContain('Stuck: 1');
    expect(text).toContain('Checked in: Ann Owner');
    expect(text).toContain('Not checked in: Ben Helper');
    expect(text).toContain('Read with the 3rd graders — Ann Owner');
    expect(text).toContain('**Ann Owner**: Mornings work');
  });

  it('escapes what members typed', () => {
    const closed = unwrap(closeCheckInRound(answered(round(), EVIL), { actions: [anns], now: at(90) }));
    const card = checkInClosedCard(view(closed, EVIL));
    expectNoUnescapedUserText(card);
    expectNoUnescapedUserText(checkInSharedCard(view(round(), EVIL)));
  });
});

describe('reminderCard', () => {
  const reminderView = (kind: 'due-soon' | 'overdue') => ({
    teamId: 'team-1',
    priority,
    action: anns,
    kind,
    nameOf,
  });

  it('@mentions the owner in the channel and offers one-tap statuses', () => {
    const card = reminderCard(reminderView('due-soon'), { mention: true });
    expectValidCard(card);
    expect(visibleText(card)).toContain('Read with the 3rd graders');
    expect(visibleText(card)).toContain('is due');
    expect(card.msteams?.entities).toEqual([
      { type: 'mention', text: '<at>Ann Owner</at>', mentioned: { id: 'ann', name: 'Ann Owner' } },
    ]);
    expect(buttonTitles(card)).toEqual(['Not started', 'On track', 'Stuck', 'Done']);
  });

  it('speaks to the owner directly in personal chat and says when it is overdue', () => {
    const card = reminderCard(reminderView('overdue'), { mention: false });
    expect(card.msteams?.entities).toBeUndefined();
    expect(visibleText(card)).toContain('not done yet');
    expectNoUnescapedUserText(
      reminderCard({ ...reminderView('overdue'), action: { ...anns, title: EVIL } }, { mention: false }),
    );
  });
});
