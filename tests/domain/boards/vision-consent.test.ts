import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closeVisionProposal,
  facilitatesVision,
  proposeVision,
  respondToVision,
  type AdoptedVision,
  type BoardActor,
  type VisionDraft,
  type VisionProposal,
} from '../../../bot/domain/boards';
import type { ConsentAnswer } from '../../../bot/domain/voting';
import { at, unwrap } from '../factories';
import { ANN, BOB, FAY, OWEN, actor, deepFreeze, refusal } from './board-factories';
import { answer, close, draft, proposal, withStatus, type Answer } from './vision-factories';

const CY = actor('cy', 'Cy');
const DEE = actor('dee', 'Dee');

type ProposeInput = Parameters<typeof proposeVision>[0];

const drafts = [draft('d-1'), draft('d-2', { author: BOB }), draft('d-3', { author: CY })];

const propose = (overrides: Partial<ProposeInput> = {}) =>
  proposeVision({
    id: 'p-1',
    teamId: 'team-1',
    text: 'We grow every reader',
    draftIds: ['d-1', 'd-2'],
    drafts,
    proposals: [],
    actor: FAY,
    now: at(10),
    ...overrides,
  });

const closeAs = (target: VisionProposal, who: BoardActor, now = at(60)) =>
  closeVisionProposal(target, { actor: who, now, adoptionId: 'v-1', current: null });

describe('merging drafts into a proposed vision', () => {
  it('VI-5 a member merges drafts into one proposed vision and facilitates its consent check', () => {
    expect(unwrap(propose({ text: '  We grow every reader \n' }))).toEqual({
      id: 'p-1',
      teamId: 'team-1',
      text: 'We grow every reader',
      draftIds: ['d-1', 'd-2'],
      facilitatorId: 'fay',
      facilitatorName: 'Fay',
      openedAt: at(10),
      status: 'open',
      responses: [],
      closedAt: null,
    });
  });

  it('VI-5 one draft is enough, any member may merge, and a repeated draft id counts once', () => {
    const single = unwrap(propose({ draftIds: ['d-3'], actor: BOB }));
    expect(single).toMatchObject({ draftIds: ['d-3'], facilitatorId: 'bob', facilitatorName: 'Bob' });
    expect(unwrap(propose({ draftIds: ['d-2', 'd-1', 'd-2', 'd-1'] })).draftIds).toEqual(['d-2', 'd-1']);
  });

  it('VI-5 merging no draft is refused on `draftIds`', () => {
    expect(propose({ draftIds: [] })).toMatchObject(refusal('draftIds'));
  });

  it('VI-5 a draft that is not on the board is refused on `draftIds`', () => {
    expect(propose({ draftIds: ['d-1', 'd-9'] })).toMatchObject(refusal('draftIds'));
    expect(propose({ draftIds: ['d-1'], drafts: [] })).toMatchObject(refusal('draftIds'));
  });

  it('VI-5 every merged draft must still be a draft: withdrawn and merged ones are refused on `draftIds`', () => {
    for (const status of ['withdrawn', 'merged'] as const) {
      const board = [drafts[0] as VisionDraft, withStatus(drafts[1] as VisionDraft, status)];
      expect(propose({ drafts: board, draftIds: ['d-1', 'd-2'] })).toMatchObject(refusal('draftIds'));
      expect(propose({ drafts: board, draftIds: ['d-2'] })).toMatchObject(refusal('draftIds'));
      expect(unwrap(propose({ drafts: board, draftIds: ['d-1'] })).draftIds).toEqual(['d-1']);
    }
  });

  it('VI-5 the proposed vision has 1..1000 characters after trimming', () => {
    expect(unwrap(propose({ text: ` ${'v'.repeat(1000)} ` })).text).toHaveLength(1000);
    for (const text of ['', '   ', 'v'.repeat(1001), undefined]) {
      expect(propose({ text: text as string })).toMatchObject(refusal('text'));
    }
  });

  it('VI-5 a bad "now" is refused on `now`', () => {
    expect(propose({ now: 'tomorrow' })).toMatchObject(refusal('now'));
  });

  it('VI-5 only one consent check runs at a time', () => {
    const running = proposal({ id: 'p-0' });
    expect(propose({ id: 'p-1', proposals: [running] })).toMatchObject(refusal('proposal'));
    expect(propose({ id: 'p-1', proposals: [running], actor: OWEN, draftIds: ['d-3'] })).toMatchObject(
      refusal('proposal'),
    );
  });

  it('VI-5 closed checks, adopted or objected, do not stop a new one', () => {
    const adopted = close(answer(proposal({ id: 'p-0' }), [{ actor: BOB, answer: 'consent' }])).proposal;
    const objected = close(
      answer(proposal({ id: 'p-00' }), [{ actor: BOB, answer: 'object', reason: 'Too vague' }]),
    ).proposal;
    expect([adopted.status, objected.status]).toEqual(['adopted', 'objected']);
    expect(unwrap(propose({ proposals: [adopted, objected] })).status).toBe('open');
  });
});

describe('answering the consent check', () => {
  it('VI-6 members consent, stand aside, or object with a reason', () => {
    const answered = answer(proposal(), [
      { actor: BOB, answer: 'consent' },
      { actor: CY, answer: 'stand-aside' },
      { actor: DEE, answer: 'object', reason: '  Leaves out families  ' },
    ]);
    expect(answered.responses).toEqual([
      { memberId: 'bob', memberName: 'Bob', answer: 'consent', reason: null, respondedAt: at(20) },
      { memberId: 'cy', memberName: 'Cy', answer: 'stand-aside', reason: null, respondedAt: at(21) },
      {
        memberId: 'dee',
        memberName: 'Dee',
        answer: 'object',
        reason: 'Leaves out families',
        respondedAt: at(22),
      },
    ]);
    expect({ ...answered, responses: [] }).toEqual(proposal());
  });

  it('VI-6 the facilitator and the drafts’ authors answer too', () => {
    const answered = answer(proposal(), [
      { actor: FAY, answer: 'consent' },
      { actor: ANN, answer: 'consent' },
    ]);
    expect(answered.responses.map((each) => each.memberId)).toEqual(['fay', 'ann']);
  });

  it('VI-6 a stand-aside may give a reason, which is kept', () => {
    const answered = answer(proposal(), [{ actor: CY, answer: 'stand-aside', reason: ' Not my area ' }]);
    expect(answered.responses[0]).toMatchObject({ answer: 'stand-aside', reason: 'Not my area' });
  });

  it('VI-6 an objection without a reason is refused on `reason` (C-2)', () => {
    for (const reason of [undefined, '', '   ']) {
      const result = respondToVision(proposal(), {
        answer: 'object',
        ...(reason === undefined ? {} : { reason }),
        actor: BOB,
        now: at(20),
      });
      expect(result).toMatchObject(refusal('reason'));
    }
  });

  it('VI-6 a reason has at most 1000 characters (C-2)', () => {
    const ok = respondToVision(proposal(), {
      answer: 'object',
      reason: 'r'.repeat(1000),
      actor: BOB,
      now: at(20),
    });
    expect(unwrap(ok).responses[0]?.reason).toHaveLength(1000);
    for (const answered of ['object', 'consent', 'stand-aside'] as const) {
      expect(
        respondToVision(proposal(), { answer: answered, reason: 'r'.repeat(1001), actor: BOB, now: at(20) }),
      ).toMatchObject(refusal('reason'));
    }
  });

  it('VI-6 an answer that is not consent, stand-aside or object is refused on `answer`', () => {
    for (const bad of ['yes', 'block', '']) {
      expect(
        respondToVision(proposal(), { answer: bad as ConsentAnswer, actor: BOB, now: at(20) }),
      ).toMatchObject(refusal('answer'));
    }
  });

  it('VI-6 an answer with no member is refused on `memberId`', () => {
    expect(
      respondToVision(proposal(), { answer: 'consent', actor: { ...BOB, memberId: ' ' }, now: at(20) }),
    ).toMatchObject(refusal('memberId'));
  });

  it('VI-6 a bad "now" is refused on `now`', () => {
    expect(respondToVision(proposal(), { answer: 'consent', actor: BOB, now: 'now' })).toMatchObject(
      refusal('now'),
    );
  });

  it('VI-6 the latest answer per member counts, and only that one is kept', () => {
    const answered = answer(proposal(), [
      { actor: BOB, answer: 'object', reason: 'No staff time' },
      { actor: CY, answer: 'consent' },
      { actor: BOB, answer: 'consent' },
    ]);
    expect(answered.responses).toEqual([
      { memberId: 'cy', memberName: 'Cy', answer: 'consent', reason: null, respondedAt: at(21) },
      { memberId: 'bob', memberName: 'Bob', answer: 'consent', reason: null, respondedAt: at(22) },
    ]);
  });

  it('VI-6 a refused answer leaves the member’s earlier answer standing', () => {
    const first = answer(proposal(), [{ actor: BOB, answer: 'consent' }]);
    expect(respondToVision(first, { answer: 'object', actor: BOB, now: at(30) })).toMatchObject(
      refusal('reason'),
    );
    expect(first.responses).toEqual([
      { memberId: 'bob', memberName: 'Bob', answer: 'consent', reason: null, respondedAt: at(20) },
    ]);
  });

  it('VI-6 a closed check takes no answers, adopted or objected', () => {
    const adopted = close(answer(proposal(), [{ actor: BOB, answer: 'consent' }])).proposal;
    const objected = close(answer(proposal(), [{ actor: BOB, answer: 'object', reason: 'No' }])).proposal;
    for (const closed of [adopted, objected]) {
      for (const answered of ['consent', 'stand-aside', 'object'] as const) {
        expect(
          respondToVision(closed, { answer: answered, reason: 'Late', actor: CY, now: at(70) }),
        ).toMatchObject(refusal('proposal'));
      }
    }
  });
});

describe('closing the consent check', () => {
  it('VI-7 facilitatesVision: the proposal’s facilitator and team owners', () => {
    const open = proposal();
    expect(facilitatesVision(open, FAY)).toBe(true);
    expect(facilitatesVision(open, OWEN)).toBe(true);
    expect(facilitatesVision(open, BOB)).toBe(false);
    expect(facilitatesVision(open, ANN)).toBe(false);
  });

  it('VI-7 the facilitator closes the check', () => {
    const open = answer(proposal(), [{ actor: BOB, answer: 'consent' }]);
    expect(unwrap(closeAs(open, FAY)).proposal).toEqual({ ...open, status: 'adopted', closedAt: at(60) });
  });

  it('VI-7 a team owner closes a check someone else facilitates', () => {
    const open = answer(proposal(), [{ actor: BOB, answer: 'consent' }]);
    expect(unwrap(closeAs(open, OWEN))).toMatchObject({
      proposal: { status: 'adopted', closedAt: at(60) },
      adopted: { adoptedBy: 'owen' },
    });
  });

  it('VI-7 other members, the drafts’ authors included, may not close it', () => {
    const open = answer(proposal(), [{ actor: BOB, answer: 'consent' }]);
    for (const who of [ANN, BOB, CY]) expect(closeAs(open, who)).toMatchObject(refusal('proposal'));
  });

  it('VI-7 a check nobody has answered cannot be closed', () => {
    expect(closeAs(proposal(), FAY)).toMatchObject(refusal('proposal'));
    expect(closeAs(proposal(), OWEN)).toMatchObject(refusal('proposal'));
  });

  it('VI-7 a check is closed once', () => {
    const closed = close(answer(proposal(), [{ actor: BOB, answer: 'consent' }])).proposal;
    expect(closeAs(closed, FAY)).toMatchObject(refusal('proposal'));
    expect(closeAs(closed, OWEN)).toMatchObject(refusal('proposal'));
    const objected = close(answer(proposal(), [{ actor: BOB, answer: 'object', reason: 'No' }])).proposal;
    expect(closeAs(objected, FAY)).toMatchObject(refusal('proposal'));
  });

  it('VI-7 a bad "now" is refused on `now`', () => {
    const open = answer(proposal(), [{ actor: BOB, answer: 'consent' }]);
    expect(closeAs(open, FAY, 'later')).toMatchObject(refusal('now'));
  });
});

describe('adopting the vision', () => {
  it('VI-8 closed with no objection, the vision is adopted as a decision with the consents and stand-asides', () => {
    const open = answer(proposal(), [
      { actor: BOB, answer: 'consent' },
      { actor: CY, answer: 'stand-aside' },
      { actor: DEE, answer: 'consent' },
      { actor: ANN, answer: 'stand-aside', reason: 'Wrote a draft' },
      { actor: FAY, answer: 'consent' },
    ]);
    expect(close(open)).toEqual({
      proposal: { ...open, status: 'adopted', closedAt: at(60) },
      adopted: {
        id: 'v-1',
        teamId: 'team-1',
        proposalId: 'p-1',
        text: 'We grow every reader',
        adoptedAt: at(60),
        adoptedBy: 'fay',
        consents: 3,
        standAsides: 2,
        supersedes: null,
      },
    });
  });

  it('VI-8 stand-asides alone adopt the vision', () => {
    const open = answer(proposal(), [{ actor: BOB, answer: 'stand-aside' }]);
    expect(close(open).adopted).toMatchObject({ consents: 0, standAsides: 1 });
  });

  it('VI-8 an adopted vision supersedes the vision before it', () => {
    const first = close(answer(proposal({ id: 'p-1' }), [{ actor: BOB, answer: 'consent' }]), null, 'v-1');
    const second = close(
      answer(proposal({ id: 'p-2' }), [{ actor: CY, answer: 'consent' }]),
      first.adopted,
      'v-2',
    );
    expect(second.adopted).toMatchObject({ id: 'v-2', proposalId: 'p-2', supersedes: 'v-1' });
  });

  it('VI-8 with an objection the vision is not adopted and every reason is kept', () => {
    const open = answer(proposal(), [
      { actor: BOB, answer: 'consent' },
      { actor: CY, answer: 'object', reason: 'Leaves out families' },
      { actor: DEE, answer: 'object', reason: 'Too long to remember' },
    ]);
    const closed = close(open, null);
    expect(closed).toEqual({ proposal: { ...open, status: 'objected', closedAt: at(60) }, adopted: null });
    expect(
      closed.proposal.responses.filter((each) => each.answer === 'object').map((each) => each.reason),
    ).toEqual(['Leaves out families', 'Too long to remember']);
  });

  it('VI-8 an objection stays out when its member later consents, and counts when a consent becomes one', () => {
    const withdrawn = answer(proposal(), [
      { actor: BOB, answer: 'object', reason: 'Unclear' },
      { actor: BOB, answer: 'consent' },
    ]);
    expect(close(withdrawn).adopted).toMatchObject({ consents: 1, standAsides: 0 });
    const turned = answer(proposal(), [
      { actor: BOB, answer: 'consent' },
      { actor: CY, answer: 'consent' },
      { actor: BOB, answer: 'object', reason: 'Thought again' },
    ]);
    expect(close(turned)).toMatchObject({ proposal: { status: 'objected' }, adopted: null });
  });

  it('VI-8 after an objection the drafts stay drafts, so the team can merge them again', () => {
    const board = [draft('d-1'), draft('d-2', { author: BOB })];
    const objected = close(
      answer(proposal({ drafts: board }), [{ actor: CY, answer: 'object', reason: 'Say it shorter' }]),
    ).proposal;
    expect(board.map((each) => each.status)).toEqual(['draft', 'draft']);
    const again = unwrap(
      proposeVision({
        id: 'p-2',
        teamId: 'team-1',
        text: 'Every reader grows',
        draftIds: ['d-1', 'd-2'],
        drafts: board,
        proposals: [objected],
        actor: BOB,
        now: at(90),
      }),
    );
    expect(again).toMatchObject({
      id: 'p-2',
      draftIds: ['d-1', 'd-2'],
      status: 'open',
      facilitatorId: 'bob',
    });
  });
});

describe('the vision history', () => {
  it('VI-9 each adoption keeps the one before in its chain and never changes it', () => {
    const history: AdoptedVision[] = [];
    let current: AdoptedVision | null = null;
    for (const [index, who] of [BOB, CY, DEE].entries()) {
      const open = answer(proposal({ id: `p-${index}`, text: `Vision ${index}` }), [
        { actor: who, answer: 'consent' },
      ]);
      const adopted: AdoptedVision | null = close(
        open,
        current === null ? null : deepFreeze(current),
        `v-${index}`,
      ).adopted;
      if (adopted === null) throw new Error('expected an adoption');
      history.push(structuredClone(adopted));
      current = adopted;
    }
    expect(history.map((each) => [each.id, each.supersedes, each.text])).toEqual([
      ['v-0', null, 'Vision 0'],
      ['v-1', 'v-0', 'Vision 1'],
      ['v-2', 'v-1', 'Vision 2'],
    ]);
    expect(current).toEqual(history.at(-1));
  });
});

const MEMBERS = [ANN, BOB, CY, DEE, FAY, OWEN];

const answerArb: fc.Arbitrary<Answer> = fc.record({
  actor: fc.constantFrom(...MEMBERS),
  answer: fc.constantFrom<ConsentAnswer>('consent', 'stand-aside', 'object'),
  reason: fc.constantFrom('Because', ' Not now ', 'Needs work'),
});

describe('properties of the consent check', () => {
  it('VI-6 for any sequence of answers, each member appears once with their latest answer', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { maxLength: 30 }), (answers) => {
        const answered = answer(proposal(), answers);
        const latest = new Map<string, Answer>();
        for (const each of answers) latest.set(each.actor.memberId, each);
        const ids = answered.responses.map((each) => each.memberId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(latest.keys()));
        for (const response of answered.responses) {
          const last = latest.get(response.memberId);
          expect(response.answer).toBe(last?.answer);
          expect(response.reason).toBe(last?.reason?.trim());
          expect(response.memberName).toBe(last?.actor.name);
        }
      }),
    );
  });

  it('VI-7 VI-8 closing adopts exactly when no latest answer is an objection, counting consents and stand-asides of everyone who answered', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { minLength: 1, maxLength: 30 }), fc.boolean(), (answers, byOwner) => {
        const open = answer(proposal(), answers);
        const latest = new Map<string, ConsentAnswer>();
        for (const each of answers) latest.set(each.actor.memberId, each.answer);
        const objected = [...latest.values()].includes('object');
        const closed = unwrap(
          closeVisionProposal(open, {
            actor: byOwner ? OWEN : FAY,
            now: at(60),
            adoptionId: 'v',
            current: null,
          }),
        );
        expect(closed.proposal.status).toBe(objected ? 'objected' : 'adopted');
        expect(closed.proposal.responses).toEqual(open.responses);
        if (objected) {
          expect(closed.adopted).toBeNull();
        } else {
          expect(closed.adopted).not.toBeNull();
          const { consents = 0, standAsides = 0 } = closed.adopted ?? {};
          expect(consents + standAsides).toBe(latest.size);
          expect(consents).toBe([...latest.values()].filter((each) => each === 'consent').length);
        }
      }),
    );
  });

  it('VI-5 the merged draft ids are the distinct ids given, in first-given order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('d-1', 'd-2', 'd-3'), { minLength: 1, maxLength: 10 }), (ids) => {
        expect(unwrap(propose({ draftIds: ids })).draftIds).toEqual([...new Set(ids)]);
      }),
    );
  });
});

describe('inputs are never mutated', () => {
  it('G-1 proposing, answering and closing leave their inputs as they were', () => {
    const board = deepFreeze([draft('d-1'), draft('d-2', { author: BOB })]);
    const running = deepFreeze(answer(proposal({ drafts: board }), [{ actor: BOB, answer: 'consent' }]));
    const earlier = deepFreeze(close(answer(proposal({ id: 'p-0' }), [{ actor: CY, answer: 'consent' }])));
    const copies = structuredClone({ board, running, earlier });
    const input = deepFreeze({
      id: 'p-2',
      teamId: 'team-1',
      text: ' Vision ',
      draftIds: ['d-1', 'd-1'],
      drafts: board,
      proposals: [earlier.proposal],
      actor: FAY,
      now: at(70),
    });

    expect(unwrap(proposeVision(input)).draftIds).toEqual(['d-1']);
    expect(proposeVision({ ...input, proposals: [running] }).ok).toBe(false);
    unwrap(respondToVision(running, { answer: 'object', reason: ' No ', actor: BOB, now: at(71) }));
    unwrap(respondToVision(running, { answer: 'stand-aside', actor: CY, now: at(71) }));
    expect(respondToVision(running, { answer: 'object', actor: CY, now: at(71) }).ok).toBe(false);
    unwrap(
      closeVisionProposal(running, { actor: FAY, now: at(72), adoptionId: 'v-2', current: earlier.adopted }),
    );
    expect(
      closeVisionProposal(earlier.proposal, { actor: FAY, now: at(72), adoptionId: 'v', current: null }).ok,
    ).toBe(false);

    expect({ board, running, earlier }).toEqual(copies);
    expect(input.draftIds).toEqual(['d-1', 'd-1']);
    expect(input.text).toBe(' Vision ');
  });

  it('G-1 an answer returns a new proposal and leaves the responses it was given untouched', () => {
    const first = answer(proposal(), [{ actor: BOB, answer: 'consent' }]);
    const responses = first.responses;
    const next = unwrap(
      respondToVision(first, { answer: 'object', reason: 'Wait', actor: BOB, now: at(40) }),
    );
    expect(next.responses).not.toBe(responses);
    expect(first.responses).toBe(responses);
    expect(responses[0]?.answer).toBe('consent');
    expect(next.openedAt).toBe(at(10));
  });
});
