import { describe, expect, it } from 'vitest';
import {
  actingAs,
  answerCheckIn,
  assignRole,
  checkedIn,
  closeCheckInRound,
  openCheckInRound,
  summarizeRound,
  type Action,
  type Actor,
  type CheckInAnswerInput,
  type CheckInRound,
} from '../../../bot/domain/ownership';
import { NOW, at, unwrap } from '../factories';
import { FAY, accepted, action, member, priority } from './ownership-factories';

const owners = accepted({ ann: 'lead', bo: 'co-owner', cy: 'contributor' });
const actions = [action('a-1', 'ann'), action('a-2', 'bo'), action('a-3', 'cy')];
const round = unwrap(
  openCheckInRound({
    id: 'r-1',
    priority: priority(),
    assignments: owners,
    dueAt: at(7 * 24 * 60),
    now: NOW,
  }),
);
const answer = (
  input: CheckInAnswerInput,
  actor: Actor = member('bo'),
  target: CheckInRound = round,
  current: readonly Action[] = actions,
  now = at(60),
) => answerCheckIn(target, input, { priority: priority(), actions: current, actor, now });

describe('check-in rounds', () => {
  it('K-1: a round expects the members with an accepted role', () => {
    const withProposal = unwrap(
      assignRole(owners, { priority: priority(), memberId: 'di', role: 'contributor', actor: FAY, now: NOW }),
    );
    const opened = unwrap(
      openCheckInRound({
        id: 'r-1',
        priority: priority(),
        assignments: withProposal,
        dueAt: at(100),
        now: NOW,
      }),
    );
    expect(opened).toEqual({
      id: 'r-1',
      priorityId: 'p-1',
      dueAt: at(100),
      openedAt: NOW,
      expectedOwners: ['ann', 'bo', 'cy'],
      answers: [],
      closedAt: null,
      summary: null,
    });
    expect(
      openCheckInRound({ id: 'r', priority: priority(), assignments: [], dueAt: at(100), now: NOW }),
    ).toMatchObject({ ok: false, field: 'assignments' });
  });

  it('O-1: no round is opened or answered on an ended priority', () => {
    const ended = priority({ status: 'completed' });
    expect(
      openCheckInRound({ id: 'r', priority: ended, assignments: owners, dueAt: at(1), now: NOW }),
    ).toMatchObject({
      ok: false,
      field: 'priority',
    });
    expect(
      answerCheckIn(round, { tried: 'x' }, { priority: ended, actions, actor: member('bo'), now: at(1) }),
    ).toMatchObject({ ok: false, field: 'priority' });
  });

  it('K-2: tried, happened and learned are up to 1000 characters, at least one written', () => {
    const recorded = unwrap(answer({ tried: ' Paired reading in 6B ', learned: 'Works best after lunch' }));
    expect(recorded.round.answers).toEqual([
      {
        memberId: 'bo',
        tried: 'Paired reading in 6B',
        happened: '',
        learned: 'Works best after lunch',
        statusUpdates: [],
        answeredAt: at(60),
      },
    ]);
    expect(answer({ tried: ' ', happened: '', learned: '' })).toEqual({
      ok: false,
      field: 'answer',
      message: 'answer: write what was tried, what happened or what was learned',
    });
    expect(answer({ happened: 'x'.repeat(1001) })).toMatchObject({ ok: false, field: 'happened' });
    expect(answer({ happened: 'x'.repeat(1000) }).ok).toBe(true);
  });

  it('K-2: an answer has no blame field, only the three reflections', () => {
    const recorded = unwrap(answer({ happened: 'It did not work', blame: 'cy' } as CheckInAnswerInput));
    expect(Object.keys(recorded.round.answers[0] ?? {}).sort()).toEqual(
      ['answeredAt', 'happened', 'learned', 'memberId', 'statusUpdates', 'tried'].sort(),
    );
  });

  it('K-3: status updates apply to the actions under the status rules', () => {
    const recorded = unwrap(
      answer(
        {
          learned: 'Timetable clash',
          statusUpdates: [
            { actionId: 'a-2', status: 'stuck' },
            { actionId: 'a-1', status: 'done' },
          ],
        },
        actingAs('ann', owners, { facilitator: false }),
      ),
    );
    expect(recorded.actions.map((a) => [a.id, a.status, a.updatedBy])).toEqual([
      ['a-1', 'done', 'ann'],
      ['a-2', 'stuck', 'ann'],
      ['a-3', 'not-started', 'fay'],
    ]);
    expect(recorded.actions[0]?.doneAt).toBe(at(60));
    expect(recorded.round.answers[0]?.statusUpdates).toEqual([
      { actionId: 'a-2', status: 'stuck' },
      { actionId: 'a-1', status: 'done' },
    ]);
    // bo is neither the owner of a-3 nor the lead.
    expect(answer({ tried: 'x', statusUpdates: [{ actionId: 'a-3', status: 'done' }] })).toMatchObject({
      ok: false,
      field: 'statusUpdates.0.actor',
    });
    expect(answer({ tried: 'x', statusUpdates: [{ actionId: 'zz', status: 'done' }] })).toMatchObject({
      ok: false,
      field: 'statusUpdates.0.actionId',
    });
    expect(
      answer({
        tried: 'x',
        statusUpdates: [
          { actionId: 'a-2', status: 'done' },
          { actionId: 'a-2', status: 'stuck' },
        ],
      }),
    ).toMatchObject({ ok: false, field: 'statusUpdates.1.actionId' });
  });

  it('K-4: answering again replaces the earlier answer', () => {
    const first = unwrap(answer({ tried: 'First try' })).round;
    const second = unwrap(answer({ tried: 'Second try' }, member('bo'), first, actions, at(90))).round;
    expect(second.answers).toHaveLength(1);
    expect(second.answers[0]).toMatchObject({ tried: 'Second try', answeredAt: at(90) });
  });

  it('K-5: a member who is not an owner, or a closed round, is refused', () => {
    expect(answer({ tried: 'x' }, FAY)).toMatchObject({ ok: false, field: 'actor' });
    const closed = unwrap(closeCheckInRound(round, { actions, now: at(100) }));
    expect(answer({ tried: 'x' }, member('bo'), closed)).toEqual({
      ok: false,
      field: 'round',
      message: 'round: this check-in is closed',
    });
  });

  it('K-6: checkedIn lists the owners who answered', () => {
    const one = unwrap(answer({ tried: 'x' }, member('cy'))).round;
    const two = unwrap(answer({ tried: 'y' }, member('ann'), one)).round;
    expect(checkedIn(round)).toEqual([]);
    expect(checkedIn(two)).toEqual(['cy', 'ann']);
  });

  it('K-7: the summary counts actions by status, who checked in and who did not, and keeps stuck as learning', () => {
    const answered = unwrap(
      answer({
        happened: 'Nobody came',
        learned: 'Ask earlier',
        statusUpdates: [{ actionId: 'a-2', status: 'stuck' }],
      }),
    );
    const withOther = [...answered.actions, action('x-1', 'ann', { priorityId: 'p-0', status: 'done' })];
    const summary = summarizeRound(answered.round, withOther);
    expect(summary).toEqual({
      roundId: 'r-1',
      dueAt: round.dueAt,
      checkedIn: ['bo'],
      notCheckedIn: ['ann', 'cy'],
      actionsByStatus: { 'not-started': 2, 'on-track': 0, stuck: 1, done: 0 },
      stuck: [{ actionId: 'a-2', title: 'Action a-2', ownerId: 'bo' }],
      answers: answered.round.answers,
    });
    const closed = unwrap(closeCheckInRound(answered.round, { actions: withOther, now: at(200) }));
    expect(closed).toMatchObject({ closedAt: at(200), summary });
    expect(closeCheckInRound(closed, { actions, now: at(300) })).toMatchObject({ ok: false, field: 'round' });
  });
});
