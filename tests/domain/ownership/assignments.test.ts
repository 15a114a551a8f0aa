import { describe, expect, it } from 'vitest';
import {
  acceptAssignment,
  actingAs,
  assignRole,
  declineAssignment,
  leadOf,
  ownersOf,
  setOwnStatement,
  type Assignment,
  type OwnerRole,
} from '../../../bot/domain/ownership';
import { NOW, at, unwrap } from '../factories';
import { FAY, accepted, member, priority } from './ownership-factories';

const assign = (assignments: Assignment[], memberId: string, role: OwnerRole, actor = FAY) =>
  assignRole(assignments, { priority: priority(), memberId, role, actor, now: at(5) });
const answer = (memberId: string, by = memberId) => ({ priority: priority(), memberId, by, now: at(10) });

describe('owners and roles', () => {
  it('O-1: no assignment on a completed, retired or replaced priority', () => {
    for (const status of ['completed', 'retired', 'replaced'] as const) {
      const ended = priority({ status });
      expect(
        assignRole([], { priority: ended, memberId: 'ann', role: 'lead', actor: FAY, now: NOW }),
      ).toMatchObject({
        ok: false,
        field: 'priority',
      });
    }
    const owners = accepted({ ann: 'lead' });
    const retired = priority({ status: 'retired' });
    expect(
      setOwnStatement(owners, { priority: retired, memberId: 'ann', by: 'ann', statement: 'x', now: NOW }),
    ).toMatchObject({ ok: false, field: 'priority' });
  });

  it('O-2: one accepted lead and any number of co-owners, contributors and consulted', () => {
    const owners = accepted({
      ann: 'lead',
      bo: 'co-owner',
      cy: 'co-owner',
      di: 'contributor',
      ed: 'consulted',
    });
    expect(leadOf(owners)).toBe('ann');
    expect(owners.filter((a) => a.role === 'lead')).toHaveLength(1);
    expect(owners.map((a) => a.role)).toEqual(['lead', 'co-owner', 'co-owner', 'contributor', 'consulted']);
    expect(assign([], 'ann', 'boss' as OwnerRole)).toMatchObject({ ok: false, field: 'role' });
  });

  it('O-3: a new assignment is proposed, then accepted by the assignee', () => {
    const proposed = unwrap(assign([], 'ann', 'co-owner'));
    expect(proposed).toEqual([
      {
        priorityId: 'p-1',
        memberId: 'ann',
        role: 'co-owner',
        status: 'proposed',
        assignedBy: 'fay',
        assignedAt: at(5),
        respondedAt: null,
        declineReason: null,
        pendingChange: null,
        statement: null,
        statementAt: null,
      },
    ]);
    expect(ownersOf(proposed)).toEqual([]);
    const taken = unwrap(acceptAssignment(proposed, answer('ann')));
    expect(taken[0]).toMatchObject({ status: 'accepted', respondedAt: at(10) });
    expect(ownersOf(taken)).toEqual(['ann']);
    expect(acceptAssignment(taken, answer('ann'))).toMatchObject({ ok: false, field: 'status' });
  });

  it('O-4: declining needs a reason of 1 to 500 characters', () => {
    const proposed = unwrap(assign([], 'ann', 'contributor'));
    expect(declineAssignment(proposed, { ...answer('ann'), reason: '   ' })).toMatchObject({
      ok: false,
      field: 'reason',
    });
    expect(declineAssignment(proposed, { ...answer('ann'), reason: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      field: 'reason',
    });
    const declined = unwrap(
      declineAssignment(proposed, { ...answer('ann'), reason: ' Teaching load this term ' }),
    );
    expect(declined[0]).toMatchObject({ status: 'declined', declineReason: 'Teaching load this term' });
    expect(declineAssignment(declined, { ...answer('ann'), reason: 'again' })).toMatchObject({
      ok: false,
      field: 'status',
    });
  });

  it('O-5: assigning a proposed member changes the proposal, never a duplicate', () => {
    const first = unwrap(assign([], 'ann', 'contributor'));
    const changed = unwrap(assign(first, 'ann', 'co-owner'));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ role: 'co-owner', status: 'proposed' });
    expect(assign(changed, 'ann', 'co-owner')).toMatchObject({ ok: false, field: 'role' });
  });

  it('O-5: a member who declined may be asked again, afresh', () => {
    const declined = unwrap(
      declineAssignment(unwrap(assign([], 'ann', 'lead')), { ...answer('ann'), reason: 'Not this year' }),
    );
    const again = unwrap(assign(declined, 'ann', 'consulted'));
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({
      role: 'consulted',
      status: 'proposed',
      declineReason: null,
      respondedAt: null,
    });
  });

  it('O-6: a new role for an accepted member waits for their answer; they keep the held role meanwhile', () => {
    const owners = accepted({ ann: 'lead', bo: 'contributor' });
    const asked = unwrap(assign(owners, 'bo', 'co-owner'));
    expect(asked).toHaveLength(2);
    expect(asked[1]).toMatchObject({
      role: 'contributor',
      status: 'accepted',
      pendingChange: { role: 'co-owner', proposedBy: 'fay', proposedAt: at(5) },
    });
    expect(ownersOf(asked)).toEqual(['ann', 'bo']);
    expect(unwrap(acceptAssignment(asked, answer('bo')))[1]).toMatchObject({
      role: 'co-owner',
      pendingChange: null,
    });
    const kept = unwrap(declineAssignment(asked, { ...answer('bo'), reason: 'Happy as I am' }));
    expect(kept[1]).toMatchObject({ role: 'contributor', status: 'accepted', pendingChange: null });
  });

  it('O-6: assigning the held role withdraws a pending change, and is refused without one', () => {
    const owners = accepted({ ann: 'lead', bo: 'contributor' });
    expect(assign(owners, 'bo', 'contributor')).toMatchObject({ ok: false, field: 'role' });
    const asked = unwrap(assign(owners, 'bo', 'co-owner'));
    expect(unwrap(assign(asked, 'bo', 'contributor'))[1]).toMatchObject({
      role: 'contributor',
      pendingChange: null,
    });
  });

  it('O-7: only the assignee accepts, declines or writes their statement', () => {
    const proposed = unwrap(assign([], 'ann', 'co-owner'));
    expect(acceptAssignment(proposed, answer('ann', 'fay'))).toMatchObject({ ok: false, field: 'by' });
    expect(declineAssignment(proposed, { ...answer('ann', 'bo'), reason: 'No' })).toMatchObject({
      ok: false,
      field: 'by',
    });
    expect(
      setOwnStatement(proposed, { ...answer('ann', 'fay'), statement: 'I run the pilot' }),
    ).toMatchObject({
      ok: false,
      field: 'by',
    });
    expect(acceptAssignment(proposed, answer('zed'))).toMatchObject({ ok: false, field: 'memberId' });
  });

  it('O-8: a new lead is proposed; on acceptance the previous lead becomes a co-owner', () => {
    const owners = accepted({ ann: 'lead', bo: 'contributor' });
    const asked = unwrap(assign(owners, 'bo', 'lead'));
    expect(leadOf(asked)).toBe('ann');
    const handedOver = unwrap(acceptAssignment(asked, answer('bo')));
    expect(leadOf(handedOver)).toBe('bo');
    expect(handedOver.find((a) => a.memberId === 'ann')).toMatchObject({
      role: 'co-owner',
      status: 'accepted',
    });
    expect(handedOver.filter((a) => a.role === 'lead')).toHaveLength(1);

    const newcomer = unwrap(acceptAssignment(unwrap(assign(handedOver, 'cy', 'lead')), answer('cy')));
    expect(newcomer.map((a) => [a.memberId, a.role])).toEqual([
      ['ann', 'co-owner'],
      ['bo', 'co-owner'],
      ['cy', 'lead'],
    ]);
  });

  it('O-8: the accepted lead cannot be moved to another role directly', () => {
    const owners = accepted({ ann: 'lead' });
    expect(assign(owners, 'ann', 'co-owner')).toMatchObject({ ok: false, field: 'role' });
  });

  it('O-9: each member writes one line on their own part', () => {
    const owners = accepted({ ann: 'lead' });
    const write = (statement: string) => setOwnStatement(owners, { ...answer('ann'), statement });
    expect(unwrap(write(' I run the grade 6 pilot '))[0]).toMatchObject({
      statement: 'I run the grade 6 pilot',
      statementAt: at(10),
    });
    expect(write('')).toMatchObject({ ok: false, field: 'statement' });
    expect(write('x'.repeat(201))).toMatchObject({ ok: false, field: 'statement' });
    expect(write('x'.repeat(200)).ok).toBe(true);
    expect(write('first line\nsecond line')).toEqual({
      ok: false,
      field: 'statement',
      message: 'statement: expected a single line',
    });
  });

  it('O-10: only a facilitator or the lead assigns roles', () => {
    const owners = accepted({ ann: 'lead', bo: 'co-owner' });
    expect(assign(owners, 'cy', 'contributor', member('bo'))).toMatchObject({ ok: false, field: 'actor' });
    const asLead = actingAs('ann', owners, { facilitator: false });
    expect(asLead).toEqual({ memberId: 'ann', roles: ['lead'] });
    expect(unwrap(assign(owners, 'cy', 'contributor', asLead))[2]).toMatchObject({
      memberId: 'cy',
      assignedBy: 'ann',
    });
    expect(actingAs('bo', owners, { facilitator: true })).toEqual({ memberId: 'bo', roles: ['facilitator'] });
  });

  it('O-11: the owners are the members with an accepted role', () => {
    const owners = accepted({ ann: 'lead', bo: 'contributor' });
    const withProposal = unwrap(assign(owners, 'cy', 'co-owner'));
    expect(ownersOf(withProposal)).toEqual(['ann', 'bo']);
    expect(leadOf(unwrap(assign([], 'ann', 'lead')))).toBeNull();
  });
});
