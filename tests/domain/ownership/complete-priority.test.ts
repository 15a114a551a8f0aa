import { describe, expect, it } from 'vitest';
import {
  assignRole,
  changeActionStatus,
  completePriority,
  createAction,
  type CompletePriorityInput,
} from '../../../bot/domain/ownership';
import { at, unwrap } from '../factories';
import { FAY, action, member, priority } from './ownership-factories';

const input: CompletePriorityInput = {
  decisionId: 'd-2',
  outcome: 'completed',
  outcomes: ' Reading minutes up from 9 to 21 a day ',
  learned: 'Short daily routines beat long weekly ones',
};

describe('completing or retiring the priority', () => {
  it('PC-1: completing ends the priority as completed, with the time', () => {
    const { priority: ended } = unwrap(completePriority(priority(), input, at(100), FAY));
    expect(ended).toEqual({ ...priority(), status: 'completed', endedAt: at(100), endReason: null });
  });

  it('PC-1: retiring ends it as retired', () => {
    const closed = unwrap(completePriority(priority(), { ...input, outcome: 'retired' }, at(100), FAY));
    expect(closed.priority.status).toBe('retired');
    expect(closed.decision.kind).toBe('priority-retired');
    expect(
      completePriority(priority(), { ...input, outcome: 'paused' as 'retired' }, at(100), FAY),
    ).toMatchObject({
      ok: false,
      field: 'outcome',
    });
  });

  it('PC-2: outcomes and learning are each 1 to 2000 characters', () => {
    for (const field of ['outcomes', 'learned'] as const) {
      expect(completePriority(priority(), { ...input, [field]: ' ' }, at(100), FAY)).toMatchObject({
        ok: false,
        field,
      });
      expect(
        completePriority(priority(), { ...input, [field]: 'x'.repeat(2001) }, at(100), FAY),
      ).toMatchObject({
        ok: false,
        field,
      });
      expect(completePriority(priority(), { ...input, [field]: 'x'.repeat(2000) }, at(100), FAY).ok).toBe(
        true,
      );
    }
  });

  it('PC-3: only a facilitator or the lead, and only an active priority', () => {
    expect(completePriority(priority(), input, at(100), member('bo'))).toMatchObject({
      ok: false,
      field: 'actor',
    });
    expect(completePriority(priority(), input, at(100), { memberId: 'ann', roles: ['lead'] }).ok).toBe(true);
    expect(completePriority(priority({ status: 'completed' }), input, at(100), FAY)).toMatchObject({
      ok: false,
      field: 'priority',
    });
  });

  it('PC-4: the decision records the outcomes and learning and supersedes nothing', () => {
    const { decision } = unwrap(completePriority(priority(), input, at(100), FAY));
    expect(decision).toEqual({
      id: 'd-2',
      teamId: 'team-1',
      kind: 'priority-completed',
      title: 'Every student reads 20 minutes a day',
      priorityId: 'p-1',
      outcomes: 'Reading minutes up from 9 to 21 a day',
      learned: 'Short daily routines beat long weekly ones',
      decidedAt: at(100),
      decidedBy: 'fay',
      supersedes: null,
    });
  });

  it('PC-5: an ended priority refuses assignments, actions and status changes', () => {
    const ended = unwrap(completePriority(priority(), input, at(100), FAY)).priority;
    expect(
      assignRole([], { priority: ended, memberId: 'ann', role: 'lead', actor: FAY, now: at(101) }),
    ).toMatchObject({
      ok: false,
      field: 'priority',
    });
    expect(
      createAction({
        id: 'a',
        priority: ended,
        title: 'More',
        ownerId: 'ann',
        createdBy: 'fay',
        now: at(101),
      }),
    ).toMatchObject({ ok: false, field: 'priority' });
    expect(
      changeActionStatus(action('a-1'), { priority: ended, status: 'done', actor: FAY, now: at(101) }),
    ).toMatchObject({
      ok: false,
      field: 'priority',
      message: expect.stringMatching(/^priority: .*completed/) as unknown,
    });
    expect(completePriority(ended, input, at(102), FAY)).toMatchObject({ ok: false, field: 'priority' });
  });
});
