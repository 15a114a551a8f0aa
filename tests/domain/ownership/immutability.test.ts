import { describe, expect, it } from 'vitest';
import {
  acceptAssignment,
  answerCheckIn,
  assignRole,
  changeActionStatus,
  closeCheckInRound,
  completePriority,
  createAction,
  createCadence,
  declineAssignment,
  decideReleaseItem,
  nextCheckInAt,
  openCheckInRound,
  proposeReleaseItem,
  remindersDue,
  setOwnStatement,
  withdrawReleaseItem,
  type CadenceInput,
} from '../../../bot/domain/ownership';
import { NOW, at, unwrap } from '../factories';
import { FAY, accepted, action, deepFreeze, member, priority } from './ownership-factories';

describe('inputs are never mutated', () => {
  it('G-1: roles, actions and the priority come back as new values', () => {
    const p = deepFreeze(priority());
    const owners = deepFreeze(accepted({ ann: 'lead', bo: 'contributor' }));
    const ownersCopy = structuredClone(owners);
    const asked = deepFreeze(
      unwrap(assignRole(owners, { priority: p, memberId: 'bo', role: 'lead', actor: FAY, now: at(1) })),
    );
    unwrap(acceptAssignment(asked, { priority: p, memberId: 'bo', by: 'bo', now: at(2) }));
    unwrap(declineAssignment(asked, { priority: p, memberId: 'bo', by: 'bo', reason: 'No', now: at(2) }));
    unwrap(
      setOwnStatement(owners, { priority: p, memberId: 'ann', by: 'ann', statement: 'I lead', now: at(2) }),
    );
    expect(owners).toEqual(ownersCopy);
    expect(asked[1]?.pendingChange?.role).toBe('lead');

    const a = deepFreeze(action('a-1'));
    unwrap(changeActionStatus(a, { priority: p, status: 'done', actor: member('ann'), now: at(3) }));
    expect(a.status).toBe('not-started');
    const input = deepFreeze({
      id: 'a-2',
      priority: p,
      title: 'Plan',
      ownerId: 'ann',
      createdBy: 'fay',
      now: NOW,
    });
    unwrap(createAction(input));

    const completion = deepFreeze({
      decisionId: 'd',
      outcome: 'retired' as const,
      outcomes: 'o',
      learned: 'l',
    });
    unwrap(completePriority(p, completion, at(4), FAY));
    expect(p.status).toBe('active');
  });

  it('G-1: cadence, rounds, reminders and the release list leave their inputs as they were', () => {
    const cadenceInput: CadenceInput = deepFreeze({
      weekday: 1,
      hour: 9,
      timeZone: 'Europe/London',
      now: NOW,
      breaks: [{ from: '2025-04-07', to: '2025-04-18', name: ' Easter ' }],
    });
    const cadence = deepFreeze(unwrap(createCadence(cadenceInput)));
    const cadenceCopy = structuredClone(cadence);
    unwrap(nextCheckInAt(cadence, NOW));
    expect(cadence).toEqual(cadenceCopy);
    expect(cadenceInput.breaks?.[0]?.name).toBe(' Easter ');

    const owners = deepFreeze(accepted({ ann: 'lead' }));
    const actions = deepFreeze([action('a-1')]);
    const round = deepFreeze(
      unwrap(
        openCheckInRound({ id: 'r', priority: priority(), assignments: owners, dueAt: at(10), now: NOW }),
      ),
    );
    const answered = unwrap(
      answerCheckIn(
        round,
        deepFreeze({ tried: 'x', statusUpdates: [{ actionId: 'a-1', status: 'stuck' as const }] }),
        { priority: deepFreeze(priority()), actions, actor: member('ann'), now: at(5) },
      ),
    );
    unwrap(closeCheckInRound(round, { actions, now: at(6) }));
    expect(round.answers).toEqual([]);
    expect(round.closedAt).toBeNull();
    expect(actions[0]?.status).toBe('not-started');
    expect(answered.actions[0]?.status).toBe('stuck');

    const log = deepFreeze([{ actionId: 'zz', sentAt: NOW }]);
    unwrap(remindersDue(deepFreeze([action('a-1', 'ann', { due: at(60) })]), log, NOW, 'UTC'));
    expect(log).toHaveLength(1);

    const item = deepFreeze(
      unwrap(proposeReleaseItem({ id: 'i', teamId: 't', text: 'Stop X', proposedBy: 'bo', now: NOW })),
    );
    unwrap(withdrawReleaseItem(item, { by: 'bo', now: at(1) }));
    const responses = new Map([
      ['cy', { memberId: 'cy', answer: 'consent' as const, reason: null, respondedAt: NOW }],
    ]);
    unwrap(decideReleaseItem(item, responses, { actor: FAY, now: at(2) }));
    expect(item.status).toBe('proposed');
    expect(responses.size).toBe(1);
  });

  it('G-2: refusals are returned as values whose message starts with the field, never thrown', () => {
    const refusals = [
      assignRole([], { priority: priority(), memberId: '', role: 'lead', actor: FAY, now: NOW }),
      createAction({ id: 'a', priority: priority(), title: '', ownerId: 'ann', createdBy: 'fay', now: NOW }),
      createCadence({ weekday: 1, hour: 9, timeZone: 'Not/AZone', now: NOW }),
      nextCheckInAt(unwrap(createCadence({ weekday: 1, hour: 9, timeZone: 'UTC', now: NOW })), 'yesterday'),
      remindersDue([], [], 'now', 'UTC'),
      completePriority(
        priority(),
        { decisionId: 'd', outcome: 'completed', outcomes: '', learned: 'l' },
        NOW,
        FAY,
      ),
    ];
    for (const refusal of refusals) {
      expect(refusal.ok).toBe(false);
      if (!refusal.ok) expect(refusal.message.startsWith(`${refusal.field}: `)).toBe(true);
    }
  });
});
