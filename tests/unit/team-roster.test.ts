import { describe, expect, it } from 'vitest';
import { isOnRoster, rosterIndex, type TeamMember } from '../../bot/teams/team-roster';

const roster: TeamMember[] = [
  { id: '29:alice', aadObjectId: 'aad-alice', name: 'Alice Principal' },
  { id: '29:bob', aadObjectId: null, name: 'Bob Teacher' },
];

describe('the team roster', () => {
  it('should know a member by channel account id or by Entra object id', () => {
    expect(isOnRoster(roster, { id: '29:bob', aadObjectId: null })).toBe(true);
    expect(isOnRoster(roster, { id: '29:alice-in-another-chat', aadObjectId: 'aad-alice' })).toBe(true);
  });

  it('should not take one kind of id for the other, nor a missing object id for a match', () => {
    expect(isOnRoster(roster, { id: 'aad-alice', aadObjectId: null })).toBe(false);
    expect(isOnRoster(roster, { id: '29:eve', aadObjectId: '29:alice' })).toBe(false);
    expect(isOnRoster(roster, { id: '29:eve', aadObjectId: null })).toBe(false);
    expect(isOnRoster([], { id: '29:alice', aadObjectId: 'aad-alice' })).toBe(false);
  });

  it('should index a roster once and a new roster afresh', () => {
    expect(rosterIndex(roster)).toBe(rosterIndex(roster));
    const changed = [...roster, { id: '29:carol', aadObjectId: null, name: 'Carol Coach' }];
    expect(rosterIndex(changed).names.get('29:carol')).toBe('Carol Coach');
    expect(isOnRoster(changed, { id: '29:carol', aadObjectId: null })).toBe(true);
    expect(isOnRoster(roster, { id: '29:carol', aadObjectId: null })).toBe(false);
  });
});
