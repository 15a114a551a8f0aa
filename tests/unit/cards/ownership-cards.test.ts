import { describe, expect, it } from 'vitest';
import {
  acceptAssignment,
  assignRole,
  changeActionStatus,
  createAction,
  type Assignment,
} from '../../../bot/domain/ownership';
import { actionCard, assignmentCard, ownersCard } from '../../../bot/teams/cards/ownership-cards';
import { priorityCard } from '../../../bot/teams/cards/priority-card';
import {
  EVIL,
  NOW,
  action,
  activePriority,
  at,
  buttonTitles,
  expectNoUnescapedUserText,
  expectValidCard,
  input,
  unwrap,
  visibleText,
} from './card-kit';

const priority = activePriority('Every student reads 20 minutes a day');
const FAY = { memberId: 'fay', roles: ['facilitator' as const] };
const names: Record<string, string> = { fay: 'Fay Facilitator', ann: 'Ann Owner', ben: 'Ben Helper' };
const nameOf = (id: string) => names[id] ?? 'A former member';

function asked(memberId = 'ann', role: Assignment['role'] = 'co-owner'): Assignment[] {
  return unwrap(assignRole([], { priority, memberId, role, actor: FAY, now: NOW }));
}
const view = (assignment: Assignment) => ({ teamId: 'team-1', priority, assignment, nameOf });

describe('assignmentCard', () => {
  it('asks the member with Accept and Decline, mentioning them when posted', () => {
    const [assignment] = asked();
    const card = assignmentCard(view(assignment!), { mention: true });
    expectValidCard(card);
    expect(buttonTitles(card)).toEqual(['Accept', 'Decline']);
    expect(action(card, 'Accept')).toMatchObject({
      verb: 'assignment.accept',
      data: { teamId: 'team-1', priorityId: priority.id, memberId: 'ann' },
    });
    expect(visibleText(card)).toContain('Fay Facilitator asks you to be **Co-owner**');
    expect(card.msteams?.entities).toEqual([
      { type: 'mention', text: '<at>Ann Owner</at>', mentioned: { id: 'ann', name: 'Ann Owner' } },
    ]);
  });

  it('asks for a reason before declining', () => {
    const [assignment] = asked();
    const card = assignmentCard(view(assignment!), { mode: 'declining' });
    expectValidCard(card);
    expect(input(card, 'reason')).toMatchObject({ isRequired: true, maxLength: 500 });
    expect(buttonTitles(card)).toEqual(['Decline', 'Back']);
    expect(action(card, 'Decline')).toMatchObject({ verb: 'assignment.decline.confirm' });
  });

  it('shows an accepted role with the member’s own part and no answer buttons', () => {
    const accepted = unwrap(
      acceptAssignment(asked('ann', 'lead'), { priority, memberId: 'ann', by: 'ann', now: at(1) }),
    );
    const card = assignmentCard(view({ ...accepted[0]!, statement: 'I run the reading clinic' }));
    expectValidCard(card);
    expect(visibleText(card)).toContain('accepted: **Lead**');
    expect(visibleText(card)).toContain('Their part: I run the reading clinic');
    expect(buttonTitles(card)).toEqual(['Save my part']);
    expect(input(card, 'statement')).toMatchObject({ value: 'I run the reading clinic', maxLength: 200 });
  });

  it('escapes names, titles and reasons', () => {
    const [assignment] = asked();
    const card = assignmentCard({
      teamId: 'team-1',
      priority: { ...priority, title: EVIL },
      assignment: { ...assignment!, status: 'declined', declineReason: EVIL },
      nameOf: () => EVIL,
    });
    expectValidCard(card);
    expectNoUnescapedUserText(card);
  });
});

describe('actionCard', () => {
  const made = unwrap(
    createAction({
      id: 'a-1',
      priority,
      title: 'Call every family',
      ownerId: 'ben',
      createdBy: 'fay',
      now: NOW,
    }),
  );

  it('offers the four statuses in one tap, the current one highlighted', () => {
    const card = actionCard({ teamId: 'team-1', priority, action: made, nameOf });
    expectValidCard(card);
    expect(buttonTitles(card)).toEqual(['Not started', 'On track', 'Stuck', 'Done']);
    expect(action(card, 'Stuck')).toMatchObject({
      verb: 'action.status',
      data: { teamId: 'team-1', priorityId: priority.id, actionId: 'a-1', status: 'stuck' },
    });
    expect(action(card, 'Not started').style).toBe('positive');
    expect(action(card, 'Done').style).toBeUndefined();
    expect(visibleText(card)).toContain('Owner Ben Helper');
    expect(visibleText(card)).toMatch(/Due \{\{DATE\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, SHORT\)\}\}/);
  });

  it('says stuck is learning, not blame', () => {
    const stuck = unwrap(
      changeActionStatus(made, {
        priority,
        status: 'stuck',
        actor: { memberId: 'ben', roles: [] },
        now: at(1),
      }),
    );
    const card = actionCard({ teamId: 'team-1', priority, action: stuck, nameOf });
    expect(visibleText(card)).toContain('Status Stuck');
    expect(visibleText(card)).toContain('not a failure');
    expect(action(card, 'Stuck').style).toBe('positive');
  });

  it('escapes the title and owner name', () => {
    const card = actionCard({
      teamId: 'team-1',
      priority,
      action: { ...made, title: EVIL },
      nameOf: () => EVIL,
    });
    expectNoUnescapedUserText(card);
  });
});

describe('ownersCard', () => {
  it('lists owners by role and actions by status', () => {
    const accepted = unwrap(
      acceptAssignment(asked('ann', 'lead'), { priority, memberId: 'ann', by: 'ann', now: at(1) }),
    );
    const assignments = unwrap(
      assignRole(accepted, { priority, memberId: 'ben', role: 'contributor', actor: FAY, now: at(2) }),
    );
    const first = unwrap(
      createAction({
        id: 'a-1',
        priority,
        title: 'Call every family',
        ownerId: 'ben',
        createdBy: 'fay',
        now: NOW,
      }),
    );
    const second = { ...first, id: 'a-2', title: 'Book the library', status: 'done' as const };
    const card = ownersCard({ priority, assignments, actions: [first, second], nameOf });
    expectValidCard(card);
    const text = visibleText(card);
    expect(text).toContain('**Ann Owner** — Lead');
    expect(text).toContain('**Ben Helper** — asked to be Contributor, not answered yet');
    expect(text.indexOf('Not started (1)')).toBeLessThan(text.indexOf('Done (1)'));
    expect(text).toContain('Book the library — Ben Helper');
  });

  it('says what to do when there is no priority, no owner or no action', () => {
    expect(visibleText(ownersCard({ priority: null, assignments: [], actions: [], nameOf }))).toContain(
      'There is no active priority yet',
    );
    const empty = visibleText(ownersCard({ priority, assignments: [], actions: [], nameOf }));
    expect(empty).toContain('assign @person as lead');
    expect(empty).toContain('action <what to do> for @person by <date>');
  });

  it('fits a long list under the size limit', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      ...unwrap(
        createAction({
          id: `a-${i}`,
          priority,
          title: EVIL.padEnd(200, '*'),
          ownerId: 'ben',
          createdBy: 'fay',
          now: NOW,
        }),
      ),
    }));
    const card = ownersCard({ priority, assignments: [], actions: many, nameOf });
    expectValidCard(card);
    expectNoUnescapedUserText(card);
    expect(visibleText(card)).toMatch(/and \d+ more/);
  });
});

describe('priorityCard with owners', () => {
  it('lists the accepted owners, lead first, with their part', () => {
    const card = priorityCard(
      {
        activePriority: priority,
        watchList: [],
        owners: [
          { name: 'Ben Helper', role: 'contributor', statement: null },
          { name: EVIL, role: 'lead', statement: EVIL },
        ],
      },
      { tabUrl: null },
    );
    expectValidCard(card);
    expectNoUnescapedUserText(card);
    const text = visibleText(card);
    expect(text).toContain('Owners');
    expect(text).toContain('**Ben Helper** — Contributor');
  });

  it('shows no owners section without an active priority', () => {
    const card = priorityCard(
      {
        activePriority: null,
        watchList: [],
        owners: [{ name: 'Ben Helper', role: 'lead', statement: null }],
      },
      { tabUrl: null },
    );
    expect(visibleText(card)).not.toContain('Ben Helper');
  });
});
