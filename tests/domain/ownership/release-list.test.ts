import { describe, expect, it } from 'vitest';
import {
  decideReleaseItem,
  proposeReleaseItem,
  releaseDecision,
  withdrawReleaseItem,
  type ReleaseItem,
} from '../../../bot/domain/ownership';
import {
  respondToConsent,
  type ConsentResponseInput,
  type ConsentResponses,
} from '../../../bot/domain/voting';
import { NOW, at, unwrap } from '../factories';
import { FAY, member } from './ownership-factories';

const item = unwrap(
  proposeReleaseItem({
    id: 'rl-1',
    teamId: 'team-1',
    text: ' Weekly paper newsletter ',
    proposedBy: 'bo',
    now: NOW,
  }),
);
const respond = (responses: ConsentResponseInput[]): ConsentResponses =>
  responses.reduce<ConsentResponses>((current, r) => unwrap(respondToConsent(current, r, at(10))), new Map());
const decide = (target: ReleaseItem, responses: ConsentResponses, actor = FAY) =>
  decideReleaseItem(target, responses, { actor, now: at(20) });

describe('release list', () => {
  it('RL-1, RL-2: a new item is proposed with its trimmed text of 1 to 300 characters', () => {
    expect(item).toEqual({
      id: 'rl-1',
      teamId: 'team-1',
      text: 'Weekly paper newsletter',
      proposedBy: 'bo',
      proposedAt: NOW,
      status: 'proposed',
      closedAt: null,
      closedBy: null,
      consent: null,
    });
    const base = { id: 'rl', teamId: 'team-1', proposedBy: 'bo', now: NOW };
    expect(proposeReleaseItem({ ...base, text: '' })).toMatchObject({ ok: false, field: 'text' });
    expect(proposeReleaseItem({ ...base, text: 'x'.repeat(301) })).toMatchObject({
      ok: false,
      field: 'text',
    });
    expect(proposeReleaseItem({ ...base, text: 'x'.repeat(300) }).ok).toBe(true);
  });

  it('RL-3: only the proposer withdraws, only while proposed', () => {
    expect(withdrawReleaseItem(item, { by: 'ann', now: at(5) })).toMatchObject({ ok: false, field: 'by' });
    const withdrawn = unwrap(withdrawReleaseItem(item, { by: 'bo', now: at(5) }));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', closedAt: at(5), closedBy: 'bo' });
    expect(withdrawReleaseItem(withdrawn, { by: 'bo', now: at(6) })).toMatchObject({
      ok: false,
      field: 'status',
    });
  });

  it('RL-4, RL-5: decided by consent when nobody objects', () => {
    const outcome = unwrap(
      decide(
        item,
        respond([
          { memberId: 'ann', answer: 'object', reason: 'Parents rely on it' },
          { memberId: 'ann', answer: 'consent' },
          { memberId: 'bo', answer: 'stand-aside' },
          { memberId: 'cy', answer: 'consent' },
        ]),
      ),
    );
    expect(outcome).toEqual({
      kind: 'decided',
      item: {
        ...item,
        status: 'decided',
        closedAt: at(20),
        closedBy: 'fay',
        consent: { consents: 2, standAsides: 1 },
      },
    });
    expect(decide(outcome.item, new Map([]))).toMatchObject({ ok: false, field: 'status' });
  });

  it('RL-5: an objection keeps the item proposed and lists every objection; no response decides nothing', () => {
    const outcome = unwrap(
      decide(
        item,
        respond([
          { memberId: 'ann', answer: 'object', reason: 'Parents rely on it' },
          { memberId: 'cy', answer: 'consent' },
        ]),
      ),
    );
    expect(outcome).toEqual({
      kind: 'objected',
      item,
      objections: [{ memberId: 'ann', reason: 'Parents rely on it' }],
    });
    expect(decide(item, new Map())).toMatchObject({ ok: false, field: 'responses' });
  });

  it('RL-6: only a facilitator concludes the round', () => {
    expect(decide(item, respond([{ memberId: 'cy', answer: 'consent' }]), member('bo'))).toMatchObject({
      ok: false,
      field: 'actor',
    });
  });

  it('RL-7: a decided item gives a release-decided entry for the decision log; an undecided one is refused', () => {
    const responses = respond([
      { memberId: 'ann', answer: 'consent' },
      { memberId: 'bo', answer: 'stand-aside' },
    ]);
    const outcome = unwrap(decide(item, responses));
    if (outcome.kind !== 'decided') throw new Error('expected the item decided');
    const priority = { id: 'priority-1', title: 'Every student reads' };
    expect(unwrap(releaseDecision(outcome.item, { decisionId: 'release-rl-1', priority }))).toEqual({
      id: 'release-rl-1',
      teamId: 'team-1',
      kind: 'release-decided',
      title: 'Weekly paper newsletter',
      releaseId: 'rl-1',
      priority,
      proposedBy: 'bo',
      consents: 1,
      standAsides: 1,
      decidedAt: at(20),
      decidedBy: 'fay',
      supersedes: null,
    });
    expect(releaseDecision(item, { decisionId: 'release-rl-1', priority: null })).toMatchObject({
      ok: false,
      field: 'status',
    });
  });
});
