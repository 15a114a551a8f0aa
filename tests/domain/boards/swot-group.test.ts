import { describe, expect, it } from 'vitest';
import {
  MAX_GROUP_NAME_LENGTH,
  checkDeleteSwotGroup,
  createSwotGroup,
  effectiveGroupId,
  moveSwotItem,
  renameSwotGroup,
  type Quadrant,
} from '../../../bot/domain/boards';
import { NOW, at, unwrap } from '../factories';
import { ANN, BOB, FAY, OWEN, closedSession, group, item, refusal, session } from './board-factories';

const create = (
  name: string,
  quadrant: Quadrant = 'strengths',
  groups = [group('g-1', 'strengths', 'Culture')],
) => createSwotGroup(session(), { id: 'g-new', quadrant, name, actor: ANN, now: NOW }, groups);

describe('naming groups', () => {
  it('SW-7 any member names a group in a quadrant', () => {
    expect(unwrap(create('  Staff time  ', 'threats'))).toEqual({
      id: 'g-new',
      sessionId: 'swot-1',
      quadrant: 'threats',
      name: 'Staff time',
      createdBy: 'ann',
      createdAt: NOW,
      promotion: null,
    });
  });

  it('SW-7 a name has 1..80 characters after trimming', () => {
    const longest = 'g'.repeat(MAX_GROUP_NAME_LENGTH);
    expect(unwrap(create(` ${longest} `)).name).toBe(longest);
    expect(create(`${longest}g`)).toMatchObject(refusal('name'));
    expect(create('   ')).toMatchObject(refusal('name'));
  });

  it('SW-7 a name is unique in its quadrant, ignoring case', () => {
    expect(create('culture')).toMatchObject(refusal('name'));
    expect(create('  CULTURE ')).toMatchObject(refusal('name'));
    expect(unwrap(create('Culture', 'threats')).name).toBe('Culture');
  });

  it('SW-7 an unknown quadrant and a bad "now" are refused', () => {
    expect(create('x', 'risks' as Quadrant)).toMatchObject(refusal('quadrant'));
    expect(
      createSwotGroup(session(), { id: 'g', quadrant: 'threats', name: 'x', actor: ANN, now: '?' }, []),
    ).toMatchObject(refusal('now'));
  });

  it('SW-2 no group is named on a closed board', () => {
    expect(
      createSwotGroup(closedSession(), { id: 'g', quadrant: 'threats', name: 'x', actor: FAY, now: NOW }, []),
    ).toMatchObject(refusal('session'));
  });
});

describe('renaming and deleting groups', () => {
  const theme = () => group('g-1', 'strengths', 'Culture'); // made by bob
  const other = () => group('g-2', 'strengths', 'Time');

  it('SW-7 its creator, the facilitator or a team owner renames it', () => {
    for (const who of [BOB, FAY, OWEN]) {
      expect(unwrap(renameSwotGroup(session(), theme(), ' Our culture ', who, [theme(), other()]))).toEqual({
        ...theme(),
        name: 'Our culture',
      });
    }
  });

  it('SW-7 another member can neither rename nor delete it', () => {
    expect(renameSwotGroup(session(), theme(), 'Mine', ANN, [theme()])).toMatchObject(refusal('group'));
    expect(checkDeleteSwotGroup(session(), theme(), ANN)).toMatchObject(refusal('group'));
  });

  it('SW-7 a rename keeps names unique in the quadrant, but may change the case of its own name', () => {
    expect(renameSwotGroup(session(), theme(), 'TIME', BOB, [theme(), other()])).toMatchObject(
      refusal('name'),
    );
    expect(unwrap(renameSwotGroup(session(), theme(), 'CULTURE', BOB, [theme(), other()])).name).toBe(
      'CULTURE',
    );
    expect(renameSwotGroup(session(), theme(), '', BOB, [theme()])).toMatchObject(refusal('name'));
  });

  it('SW-7 its creator, the facilitator or a team owner deletes it', () => {
    for (const who of [BOB, FAY, OWEN])
      expect(unwrap(checkDeleteSwotGroup(session(), theme(), who))).toEqual(theme());
  });

  it('SW-2 no group of a closed board is renamed or deleted', () => {
    expect(renameSwotGroup(closedSession(), theme(), 'x', FAY, [theme()])).toMatchObject(refusal('session'));
    expect(checkDeleteSwotGroup(closedSession(), theme(), OWEN)).toMatchObject(refusal('session'));
  });
});

describe('moving items', () => {
  const groups = () => [group('g-s', 'strengths', 'Culture'), group('g-t', 'threats', 'Money')];

  it('SW-8 any member moves any item into a group of its quadrant, recording who and when', () => {
    const moved = unwrap(moveSwotItem(session(), item('i-1'), { groupId: 'g-s' }, groups(), BOB, at(7)));
    expect(moved).toEqual({ ...item('i-1'), groupId: 'g-s', updatedAt: at(7), updatedBy: 'bob' });
  });

  it('SW-8 moving into a group of another quadrant moves the item to that quadrant', () => {
    const moved = unwrap(moveSwotItem(session(), item('i-1'), { groupId: 'g-t' }, groups(), ANN, at(7)));
    expect(moved).toMatchObject({ quadrant: 'threats', groupId: 'g-t' });
    const same = unwrap(
      moveSwotItem(session(), item('i-1'), { groupId: 'g-t', quadrant: 'threats' }, groups(), ANN, at(7)),
    );
    expect(same).toMatchObject({ quadrant: 'threats', groupId: 'g-t' });
  });

  it('SW-8 a quadrant that contradicts the group is refused', () => {
    expect(
      moveSwotItem(session(), item('i-1'), { groupId: 'g-t', quadrant: 'strengths' }, groups(), ANN, at(7)),
    ).toMatchObject(refusal('quadrant'));
  });

  it('SW-8 an item moves out of all groups, staying in its quadrant or into another one', () => {
    const grouped = item('i-1', { groupId: 'g-s' }, groups());
    expect(unwrap(moveSwotItem(session(), grouped, { groupId: null }, groups(), ANN, at(7)))).toMatchObject({
      quadrant: 'strengths',
      groupId: null,
    });
    expect(
      unwrap(
        moveSwotItem(session(), grouped, { groupId: null, quadrant: 'opportunities' }, groups(), BOB, at(7)),
      ),
    ).toMatchObject({ quadrant: 'opportunities', groupId: null, updatedBy: 'bob' });
  });

  it('SW-8 a missing group, an unknown quadrant and a bad "now" are refused', () => {
    expect(moveSwotItem(session(), item('i-1'), { groupId: 'gone' }, groups(), ANN, at(7))).toMatchObject(
      refusal('groupId'),
    );
    expect(
      moveSwotItem(
        session(),
        item('i-1'),
        { groupId: null, quadrant: 'risks' as Quadrant },
        groups(),
        ANN,
        at(7),
      ),
    ).toMatchObject(refusal('quadrant'));
    expect(moveSwotItem(session(), item('i-1'), { groupId: null }, groups(), ANN, 'x')).toMatchObject(
      refusal('now'),
    );
  });

  it('SW-2 no item of a closed board is moved', () => {
    expect(
      moveSwotItem(closedSession(), item('i-1'), { groupId: 'g-s' }, groups(), FAY, at(90)),
    ).toMatchObject(refusal('session'));
  });
});

describe('ungrouped items', () => {
  it('SW-9 an item in an existing group of its quadrant is in that group', () => {
    const theme = group('g-1');
    expect(effectiveGroupId(item('i-1', { groupId: 'g-1' }, [theme]), [theme])).toBe('g-1');
  });

  it('SW-9 an item whose group was deleted counts as ungrouped', () => {
    const theme = group('g-1');
    expect(effectiveGroupId(item('i-1', { groupId: 'g-1' }, [theme]), [])).toBeNull();
    expect(effectiveGroupId(item('i-1'), [theme])).toBeNull();
  });

  it('SW-9 an item whose group sits in another quadrant counts as ungrouped', () => {
    const theme = group('g-1', 'strengths');
    const stray = { ...item('i-1', { groupId: 'g-1' }, [theme]), quadrant: 'threats' as const };
    expect(effectiveGroupId(stray, [theme])).toBeNull();
  });
});
