import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DOTS_PER_MEMBER,
  MAX_DOTS_PER_MEMBER,
  MAX_SESSION_TITLE_LENGTH,
  closeSwotSession,
  isFacilitator,
  openSwotSession,
  setDotsPerMember,
  type OpenSwotSessionInput,
} from '../../../bot/domain/boards';
import { NOW, at, unwrap } from '../factories';
import { ANN, FAY, OWEN, closedSession, refusal, session } from './board-factories';

const input = (overrides: Partial<OpenSwotSessionInput> = {}): OpenSwotSessionInput => ({
  id: 'swot-1',
  teamId: 'team-1',
  title: 'Spring review',
  actor: ANN,
  now: NOW,
  existing: [],
  ...overrides,
});

describe('opening a session', () => {
  it('SW-1 any member opens a session and becomes its facilitator', () => {
    const opened = unwrap(openSwotSession(input()));
    expect(opened).toEqual({
      id: 'swot-1',
      teamId: 'team-1',
      title: 'Spring review',
      status: 'open',
      dotsPerMember: DEFAULT_DOTS_PER_MEMBER,
      openedBy: 'ann',
      openedByName: 'Ann',
      openedAt: NOW,
      closedAt: null,
      closedBy: null,
    });
    expect(isFacilitator(opened, ANN)).toBe(true);
    expect(isFacilitator(opened, FAY)).toBe(false);
  });

  it('SW-1 only one session of a team is open at a time', () => {
    const open = session({ title: 'Still going' });
    const result = openSwotSession(input({ id: 'swot-2', existing: [open] }));
    expect(result).toMatchObject(refusal('session'));
    expect(result.ok ? '' : result.message).toContain('"Still going" is still open');
  });

  it('SW-1 a new session opens once the earlier ones are closed', () => {
    const earlier = [closedSession(session({ id: 'a' })), closedSession(session({ id: 'b' }))];
    expect(unwrap(openSwotSession(input({ id: 'swot-3', existing: earlier }))).status).toBe('open');
  });

  it('SW-1 the title is trimmed and may be 1..100 characters', () => {
    expect(unwrap(openSwotSession(input({ title: '  Autumn  ' }))).title).toBe('Autumn');
    const longest = 'x'.repeat(MAX_SESSION_TITLE_LENGTH);
    expect(unwrap(openSwotSession(input({ title: `  ${longest}  ` }))).title).toBe(longest);
    expect(openSwotSession(input({ title: `${longest}y` }))).toMatchObject(refusal('title'));
  });

  it('SW-1 a blank or missing title means "SWOT <date>"', () => {
    for (const title of [undefined, null, '', '   \n\t ']) {
      expect(unwrap(openSwotSession(input({ title }))).title).toBe('SWOT 2025-03-03');
    }
  });

  it('SW-1 a bad "now" is refused', () => {
    expect(openSwotSession(input({ now: 'yesterday' }))).toMatchObject(refusal('now'));
  });
});

describe('dots per member', () => {
  it('SW-11 each member has 5 dots by default, and the opener may choose 1..20', () => {
    expect(unwrap(openSwotSession(input())).dotsPerMember).toBe(5);
    expect(unwrap(openSwotSession(input({ dotsPerMember: null }))).dotsPerMember).toBe(5);
    expect(unwrap(openSwotSession(input({ dotsPerMember: 1 }))).dotsPerMember).toBe(1);
    expect(unwrap(openSwotSession(input({ dotsPerMember: MAX_DOTS_PER_MEMBER }))).dotsPerMember).toBe(20);
    for (const dotsPerMember of [0, -1, 21, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(openSwotSession(input({ dotsPerMember }))).toMatchObject(refusal('dotsPerMember'));
    }
  });

  it('SW-11 the facilitator or a team owner sets the dots per member, within 1..20', () => {
    const open = session();
    expect(unwrap(setDotsPerMember(open, FAY, 3)).dotsPerMember).toBe(3);
    expect(unwrap(setDotsPerMember(open, OWEN, 20)).dotsPerMember).toBe(20);
    expect(setDotsPerMember(open, FAY, 0)).toMatchObject(refusal('dotsPerMember'));
    expect(setDotsPerMember(open, FAY, 21)).toMatchObject(refusal('dotsPerMember'));
    expect(setDotsPerMember(open, FAY, 1.5)).toMatchObject(refusal('dotsPerMember'));
  });

  it('SW-11 a plain member cannot change the dots per member', () => {
    expect(setDotsPerMember(session(), ANN, 3)).toMatchObject(refusal('dotsPerMember'));
  });

  it('SW-2 the dots per member of a closed board cannot change', () => {
    expect(setDotsPerMember(closedSession(), FAY, 3)).toMatchObject(refusal('session'));
  });
});

describe('closing a session', () => {
  it('SW-3 the facilitator closes the session, recording who and when', () => {
    expect(unwrap(closeSwotSession(session(), FAY, at(30)))).toMatchObject({
      status: 'closed',
      closedAt: at(30),
      closedBy: 'fay',
      title: 'Spring review',
      openedBy: 'fay',
    });
  });

  it('SW-3 a team owner who did not open it may close it too', () => {
    expect(unwrap(closeSwotSession(session(), OWEN, at(30)))).toMatchObject({
      status: 'closed',
      closedBy: 'owen',
    });
  });

  it('SW-3 a plain member cannot close the session', () => {
    const result = closeSwotSession(session(), ANN, at(30));
    expect(result).toMatchObject(refusal('session'));
    expect(result.ok ? '' : result.message).toContain('Fay');
  });

  it('SW-3 a session closes only once', () => {
    expect(closeSwotSession(closedSession(), FAY, at(90))).toMatchObject(refusal('session'));
    expect(closeSwotSession(closedSession(), OWEN, at(90))).toMatchObject(refusal('session'));
  });

  it('SW-3 a bad "now" is refused when closing', () => {
    expect(closeSwotSession(session(), FAY, 'not a date')).toMatchObject(refusal('now'));
  });

  it('SW-2 a closed board stays in the history and does not block a new session', () => {
    const closed = closedSession();
    expect(closed).toMatchObject({ id: 'swot-1', status: 'closed', title: 'Spring review' });
    expect(unwrap(openSwotSession(input({ id: 'swot-2', existing: [closed] }))).id).toBe('swot-2');
  });
});
