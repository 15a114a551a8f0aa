import { describe, expect, it } from 'vitest';
import {
  changeActionStatus,
  createAction,
  type ActionStatus,
  type Actor,
} from '../../../bot/domain/ownership';
import { NOW, at, unwrap } from '../factories';
import { FAY, action, member, priority } from './ownership-factories';

const STATUSES: ActionStatus[] = ['not-started', 'on-track', 'stuck', 'done'];
const change = (status: ActionStatus, actor: Actor = member('ann'), now = at(30)) => ({
  priority: priority(),
  status,
  actor,
  now,
});

describe('actions', () => {
  it('A-1: a new action has a trimmed title, an owner and starts not-started', () => {
    const created = unwrap(
      createAction({
        id: 'a-1',
        priority: priority(),
        title: '  Survey grade 6 reading habits ',
        ownerId: 'ann',
        createdBy: 'fay',
        now: NOW,
      }),
    );
    expect(created).toEqual({
      id: 'a-1',
      priorityId: 'p-1',
      title: 'Survey grade 6 reading habits',
      ownerId: 'ann',
      due: '2025-03-17T09:00:00.000Z',
      status: 'not-started',
      createdBy: 'fay',
      createdAt: NOW,
      updatedAt: NOW,
      updatedBy: 'fay',
      doneAt: null,
    });
    const base = { id: 'a', priority: priority(), ownerId: 'ann', createdBy: 'fay', now: NOW };
    expect(createAction({ ...base, title: ' ' })).toMatchObject({ ok: false, field: 'title' });
    expect(createAction({ ...base, title: 'x'.repeat(201) })).toMatchObject({ ok: false, field: 'title' });
    expect(createAction({ ...base, title: 'x'.repeat(200) }).ok).toBe(true);
    expect(createAction({ ...base, title: 'Plan', ownerId: '' })).toMatchObject({
      ok: false,
      field: 'ownerId',
    });
  });

  it('A-2: the due date defaults to now + 14 days and may not be in the past', () => {
    const base = { id: 'a', priority: priority(), title: 'Plan', ownerId: 'ann', createdBy: 'fay', now: NOW };
    expect(unwrap(createAction(base)).due).toBe(at(14 * 24 * 60));
    expect(unwrap(createAction({ ...base, due: at(60) })).due).toBe(at(60));
    expect(unwrap(createAction({ ...base, due: NOW })).due).toBe(NOW);
    expect(createAction({ ...base, due: at(-1) })).toEqual({
      ok: false,
      field: 'due',
      message: 'due: the due date is in the past',
    });
    expect(createAction({ ...base, due: 'next Friday' })).toMatchObject({ ok: false, field: 'due' });
  });

  it('O-1: no action is added or changed on a completed or retired priority', () => {
    const completed = priority({ status: 'completed' });
    expect(
      createAction({
        id: 'a',
        priority: completed,
        title: 'Plan',
        ownerId: 'ann',
        createdBy: 'fay',
        now: NOW,
      }),
    ).toMatchObject({ ok: false, field: 'priority' });
    expect(
      changeActionStatus(action('a-1'), {
        ...change('done', FAY),
        priority: priority({ status: 'retired' }),
      }),
    ).toMatchObject({ ok: false, field: 'priority' });
  });

  it('A-3: any status may change to any other', () => {
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        expect(unwrap(changeActionStatus(action('a-1', 'ann', { status: from }), change(to))).status).toBe(
          to,
        );
      }
    }
    expect(changeActionStatus(action('a-1'), change('paused' as ActionStatus))).toMatchObject({
      ok: false,
      field: 'status',
    });
  });

  it('A-4: only the owner, the lead or a facilitator changes the status', () => {
    const a = action('a-1', 'ann');
    expect(changeActionStatus(a, change('on-track', member('bo')))).toMatchObject({
      ok: false,
      field: 'actor',
    });
    expect(changeActionStatus(a, change('stuck', member('ann'))).ok).toBe(true);
    expect(changeActionStatus(a, change('stuck', { memberId: 'bo', roles: ['lead'] })).ok).toBe(true);
    expect(changeActionStatus(a, change('stuck', FAY)).ok).toBe(true);
  });

  it('A-4: stuck is kept as it is, with nothing asked about why', () => {
    const stuck = unwrap(changeActionStatus(action('a-1'), change('stuck')));
    expect(stuck.status).toBe('stuck');
    expect(Object.keys(stuck).sort()).toEqual(Object.keys(action('a-1')).sort());
  });

  it('A-5: a change records who made it and when', () => {
    const changed = unwrap(changeActionStatus(action('a-1', 'ann'), change('on-track', FAY, at(45))));
    expect(changed).toMatchObject({ updatedAt: at(45), updatedBy: 'fay', createdBy: 'fay', createdAt: NOW });
  });

  it('A-6: done records doneAt, kept when marked done again, cleared on reopening', () => {
    const done = unwrap(changeActionStatus(action('a-1'), change('done', member('ann'), at(40))));
    expect(done.doneAt).toBe(at(40));
    expect(unwrap(changeActionStatus(done, change('done', member('ann'), at(50)))).doneAt).toBe(at(40));
    const reopened = unwrap(changeActionStatus(done, change('on-track', member('ann'), at(60))));
    expect(reopened).toMatchObject({ status: 'on-track', doneAt: null, updatedAt: at(60) });
  });

  it('A-3: an action of another priority is refused', () => {
    const other = action('a-1', 'ann', { priorityId: 'p-0' });
    expect(changeActionStatus(other, change('done'))).toMatchObject({ ok: false, field: 'priority' });
  });
});
