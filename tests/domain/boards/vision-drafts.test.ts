import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_COMMENTS,
  MAX_COMMENT_LENGTH,
  MAX_VISION_TEXT_LENGTH,
  canChangeDraft,
  commentOnVisionDraft,
  createVisionDraft,
  editVisionDraft,
  supportVisionDraft,
  withdrawVisionDraft,
  type BoardActor,
  type VisionDraft,
} from '../../../bot/domain/boards';
import { NOW, at, unwrap } from '../factories';
import { ANN, BOB, OWEN, actor, deepFreeze, refusal } from './board-factories';
import { draft, withStatus } from './vision-factories';

const CY = actor('cy', 'Cy');
const DEE = actor('dee', 'Dee');

/** Gives (or takes back) the +1s one after another; fails the test on a refusal. */
const supported = (target: VisionDraft, ...moves: [BoardActor, boolean][]): VisionDraft =>
  moves.reduce((current, [who, on]) => unwrap(supportVisionDraft(current, who, on)), target);

/** Adds `count` comments by bob, a minute apart. */
const commented = (target: VisionDraft, count: number): VisionDraft =>
  Array.from({ length: count }).reduce<VisionDraft>(
    (current, _, index) =>
      unwrap(
        commentOnVisionDraft(current, {
          id: `c-${index}`,
          text: `Comment ${index}`,
          actor: BOB,
          now: at(index),
        }),
      ),
    target,
  );

describe('drafting a vision', () => {
  it('VI-1 any member drafts a vision statement', () => {
    expect(
      unwrap(
        createVisionDraft({ id: 'd-1', teamId: 'team-1', text: 'Every child reads', actor: BOB, now: NOW }),
      ),
    ).toEqual({
      id: 'd-1',
      teamId: 'team-1',
      text: 'Every child reads',
      authorId: 'bob',
      authorName: 'Bob',
      createdAt: NOW,
      updatedAt: NOW,
      supporters: [],
      comments: [],
      status: 'draft',
    });
  });

  it('VI-1 the text is trimmed and may be 1000 characters long after trimming', () => {
    const long = 'a'.repeat(MAX_VISION_TEXT_LENGTH);
    expect(MAX_VISION_TEXT_LENGTH).toBe(1000);
    expect(
      unwrap(createVisionDraft({ id: 'd', teamId: 't', text: `  ${long}\n `, actor: ANN, now: NOW })).text,
    ).toBe(long);
    expect(unwrap(createVisionDraft({ id: 'd', teamId: 't', text: ' x ', actor: ANN, now: NOW })).text).toBe(
      'x',
    );
  });

  it('VI-1 a blank, missing or too long text is refused on `text`', () => {
    for (const text of ['', '   ', '\n\t', 'a'.repeat(MAX_VISION_TEXT_LENGTH + 1), undefined, 42]) {
      const result = createVisionDraft({ id: 'd', teamId: 't', text: text as string, actor: ANN, now: NOW });
      expect(result).toMatchObject(refusal('text'));
    }
  });

  it('VI-1 a "now" that is not an ISO date-time is refused on `now`', () => {
    for (const now of ['', 'yesterday', 'not-a-date']) {
      expect(createVisionDraft({ id: 'd', teamId: 't', text: 'Vision', actor: ANN, now })).toMatchObject(
        refusal('now'),
      );
    }
  });

  it('VI-1 a draft is accepted exactly when its trimmed text has 1..1000 characters', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 1010 }),
        fc.constantFrom('', ' ', '\n', '  \t'),
        fc.constantFrom('', ' ', '\n'),
        (core, before, after) => {
          const text = `${before}${core}${after}`;
          const trimmed = text.trim();
          const result = createVisionDraft({ id: 'd', teamId: 't', text, actor: ANN, now: NOW });
          const valid = trimmed.length >= 1 && trimmed.length <= MAX_VISION_TEXT_LENGTH;
          expect(result.ok).toBe(valid);
          if (result.ok) expect(result.value.text).toBe(trimmed);
          else expect(result).toMatchObject(refusal('text'));
        },
      ),
    );
  });
});

describe('editing and withdrawing a draft', () => {
  it('VI-2 its author rewrites a draft, keeping everything else and stamping the change', () => {
    const base = commented(supported(draft('d-1'), [BOB, true]), 1);
    const edited = unwrap(editVisionDraft(base, '  Every child reads well  ', ANN, at(30)));
    expect(edited).toEqual({ ...base, text: 'Every child reads well', updatedAt: at(30) });
    expect(edited.createdAt).toBe(NOW);
  });

  it('VI-2 a team owner edits and withdraws any member’s draft', () => {
    const base = draft('d-1');
    expect(unwrap(editVisionDraft(base, 'Owner wording', OWEN, at(1))).text).toBe('Owner wording');
    expect(unwrap(withdrawVisionDraft(base, OWEN, at(1))).status).toBe('withdrawn');
  });

  it('VI-2 another member may neither edit nor withdraw the draft', () => {
    const base = draft('d-1');
    expect(editVisionDraft(base, 'Mine now', BOB, at(1))).toMatchObject(refusal('draft'));
    expect(withdrawVisionDraft(base, BOB, at(1))).toMatchObject(refusal('draft'));
  });

  it('VI-2 canChangeDraft: the author and team owners, nobody else', () => {
    const base = draft('d-1');
    expect(canChangeDraft(base, ANN)).toBe(true);
    expect(canChangeDraft(base, OWEN)).toBe(true);
    expect(canChangeDraft(base, { ...BOB, isTeamOwner: true })).toBe(true);
    expect(canChangeDraft(base, BOB)).toBe(false);
    expect(canChangeDraft(base, { ...ANN, memberId: 'ann-2' })).toBe(false);
  });

  it('VI-2 the author or an owner changes a draft only while it is a draft', () => {
    for (const status of ['withdrawn', 'merged'] as const) {
      const base = withStatus(draft('d-1'), status);
      for (const who of [ANN, OWEN]) {
        expect(editVisionDraft(base, 'Again', who, at(30))).toMatchObject(refusal('draft'));
        expect(withdrawVisionDraft(base, who, at(30))).toMatchObject(refusal('draft'));
      }
    }
  });

  it('VI-2 an edit to a blank or too long text is refused on `text`', () => {
    for (const text of ['', '  ', 'a'.repeat(MAX_VISION_TEXT_LENGTH + 1)]) {
      expect(editVisionDraft(draft('d-1'), text, ANN, at(1))).toMatchObject(refusal('text'));
    }
    expect(
      unwrap(editVisionDraft(draft('d-1'), 'a'.repeat(MAX_VISION_TEXT_LENGTH), ANN, at(1))).text,
    ).toHaveLength(MAX_VISION_TEXT_LENGTH);
  });

  it('VI-2 an edit or withdrawal with a bad "now" is refused on `now`', () => {
    expect(editVisionDraft(draft('d-1'), 'Fine text', ANN, 'soon')).toMatchObject(refusal('now'));
    expect(withdrawVisionDraft(draft('d-1'), ANN, 'soon')).toMatchObject(refusal('now'));
  });

  it('VI-2 who may change it is checked before the text: a stranger learns only that they may not', () => {
    expect(editVisionDraft(draft('d-1'), '', BOB, 'soon')).toMatchObject(refusal('draft'));
  });

  it('VI-2 a withdrawn draft stays visible as withdrawn, with its text, +1s and comments', () => {
    const base = commented(supported(draft('d-1'), [BOB, true], [CY, true]), 2);
    const withdrawn = unwrap(withdrawVisionDraft(base, ANN, at(40)));
    expect(withdrawn).toEqual({ ...base, status: 'withdrawn', updatedAt: at(40) });
    expect(withdrawVisionDraft(withdrawn, ANN, at(41))).toMatchObject(refusal('draft'));
  });
});

describe('+1s', () => {
  it('VI-3 members +1 another member’s draft, in the order they gave them', () => {
    const base = draft('d-1');
    const one = unwrap(supportVisionDraft(base, BOB, true));
    expect(one).toEqual({ ...base, supporters: ['bob'] });
    expect(supported(one, [CY, true], [OWEN, true]).supporters).toEqual(['bob', 'cy', 'owen']);
  });

  it('VI-3 nobody +1s their own draft, not even a team owner', () => {
    expect(supportVisionDraft(draft('d-1'), ANN, true)).toMatchObject(refusal('draft'));
    const owners = draft('d-2', { author: OWEN });
    expect(supportVisionDraft(owners, OWEN, true)).toMatchObject(refusal('draft'));
    expect(supportVisionDraft(supported(owners, [BOB, true]), OWEN, true)).toMatchObject(refusal('draft'));
  });

  it('VI-3 giving a +1 twice changes nothing, wherever it sits among the others', () => {
    const base = supported(draft('d-1'), [BOB, true], [CY, true], [DEE, true]);
    for (const who of [BOB, CY, DEE]) expect(unwrap(supportVisionDraft(base, who, true))).toEqual(base);
  });

  it('VI-3 taking back a +1 removes just that member; taking it back twice changes nothing', () => {
    const base = supported(draft('d-1'), [BOB, true], [CY, true], [DEE, true]);
    const taken = unwrap(supportVisionDraft(base, CY, false));
    expect(taken).toEqual({ ...base, supporters: ['bob', 'dee'] });
    expect(unwrap(supportVisionDraft(taken, CY, false))).toEqual(taken);
    expect(unwrap(supportVisionDraft(draft('d-2'), BOB, false))).toEqual(draft('d-2'));
  });

  it('VI-3 a withdrawn or merged draft takes no +1 and gives none back', () => {
    for (const status of ['withdrawn', 'merged'] as const) {
      const base = withStatus(supported(draft('d-1'), [BOB, true]), status);
      expect(supportVisionDraft(base, CY, true)).toMatchObject(refusal('draft'));
      expect(supportVisionDraft(base, BOB, false)).toMatchObject(refusal('draft'));
    }
  });

  it('VI-3 any sequence of +1s and take-backs leaves each member once, never the author, exactly those whose last move was a +1', () => {
    const members = [ANN, BOB, CY, DEE, OWEN];
    fc.assert(
      fc.property(
        fc.constantFrom(...members),
        fc.array(fc.tuple(fc.constantFrom(...members), fc.boolean()), { maxLength: 40 }),
        (author, moves) => {
          const final = moves.reduce(
            (current, [who, on]) => {
              const result = supportVisionDraft(current, who, on);
              if (who.memberId === author.memberId && on) expect(result).toMatchObject(refusal('draft'));
              return result.ok ? result.value : current;
            },
            draft('d-1', { author }),
          );
          const last = new Map<string, boolean>();
          for (const [who, on] of moves) if (who.memberId !== author.memberId) last.set(who.memberId, on);
          expect(new Set(final.supporters).size).toBe(final.supporters.length);
          expect(final.supporters).not.toContain(author.memberId);
          expect([...final.supporters].sort()).toEqual(
            [...last]
              .filter(([, on]) => on)
              .map(([memberId]) => memberId)
              .sort(),
          );
        },
      ),
    );
  });

  it('VI-3 after any sequence of moves, a +1 or take-back that agrees with a member’s state changes nothing', () => {
    const members = [BOB, CY, DEE, OWEN];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...members), fc.boolean()), { maxLength: 20 }),
        (moves) => {
          const state = supported(draft('d-1'), ...moves);
          for (const who of members) {
            const on = state.supporters.includes(who.memberId);
            expect(unwrap(supportVisionDraft(state, who, on))).toEqual(state);
          }
        },
      ),
    );
  });
});

describe('comments', () => {
  it('VI-4 any member, the author included, comments on a draft; the text is trimmed', () => {
    const base = draft('d-1');
    const once = unwrap(
      commentOnVisionDraft(base, { id: 'c-1', text: '  Love it ', actor: BOB, now: at(3) }),
    );
    expect(once).toEqual({
      ...base,
      comments: [{ id: 'c-1', authorId: 'bob', authorName: 'Bob', text: 'Love it', at: at(3) }],
    });
    const twice = unwrap(commentOnVisionDraft(once, { id: 'c-2', text: 'Thanks', actor: ANN, now: at(4) }));
    expect(twice.comments.map((comment) => [comment.id, comment.authorId])).toEqual([
      ['c-1', 'bob'],
      ['c-2', 'ann'],
    ]);
  });

  it('VI-4 a merged draft still takes comments; a withdrawn one does not', () => {
    const merged = withStatus(draft('d-1'), 'merged');
    expect(
      unwrap(commentOnVisionDraft(merged, { id: 'c', text: 'Nice', actor: BOB, now: at(9) })).comments,
    ).toHaveLength(1);
    const withdrawn = unwrap(withdrawVisionDraft(draft('d-1'), ANN, at(5)));
    expect(commentOnVisionDraft(withdrawn, { id: 'c', text: 'Nice', actor: BOB, now: at(9) })).toMatchObject(
      refusal('draft'),
    );
  });

  it('VI-4 a comment has 1..500 characters after trimming', () => {
    expect(MAX_COMMENT_LENGTH).toBe(500);
    const long = 'b'.repeat(MAX_COMMENT_LENGTH);
    expect(
      unwrap(commentOnVisionDraft(draft('d-1'), { id: 'c', text: ` ${long} `, actor: BOB, now: at(1) }))
        .comments[0]?.text,
    ).toBe(long);
    for (const text of ['', '   ', 'b'.repeat(MAX_COMMENT_LENGTH + 1), undefined]) {
      expect(
        commentOnVisionDraft(draft('d-1'), { id: 'c', text: text as string, actor: BOB, now: at(1) }),
      ).toMatchObject(refusal('text'));
    }
  });

  it('VI-4 a comment with a bad "now" is refused on `now`', () => {
    expect(
      commentOnVisionDraft(draft('d-1'), { id: 'c', text: 'Hi', actor: BOB, now: 'later' }),
    ).toMatchObject(refusal('now'));
  });

  it('VI-4 a draft takes at most 100 comments', () => {
    expect(MAX_COMMENTS).toBe(100);
    const almost = commented(draft('d-1'), MAX_COMMENTS - 1);
    const full = unwrap(
      commentOnVisionDraft(almost, { id: 'last', text: 'Last one', actor: CY, now: at(200) }),
    );
    expect(full.comments).toHaveLength(MAX_COMMENTS);
    expect(full.comments.at(-1)?.id).toBe('last');
    expect(
      commentOnVisionDraft(full, { id: 'over', text: 'One more', actor: CY, now: at(201) }),
    ).toMatchObject(refusal('draft'));
  });

  it('VI-4 a comment touches nothing but the comments', () => {
    const base = supported(draft('d-1'), [BOB, true]);
    const next = unwrap(commentOnVisionDraft(base, { id: 'c', text: 'Yes', actor: CY, now: at(7) }));
    expect({ ...next, comments: [] }).toEqual({ ...base, comments: [] });
  });
});

describe('inputs are never mutated', () => {
  it('G-1 every draft operation leaves the draft and the actor as they were', () => {
    const base = deepFreeze(commented(supported(draft('d-1'), [BOB, true], [CY, true]), 2));
    const copy = structuredClone(base);
    const who = deepFreeze({ ...DEE });
    const input = deepFreeze({ id: 'c-9', text: '  A thought ', actor: who, now: at(50) });

    unwrap(editVisionDraft(base, 'New words', OWEN, at(50)));
    unwrap(withdrawVisionDraft(base, ANN, at(50)));
    unwrap(supportVisionDraft(base, who, true));
    unwrap(supportVisionDraft(base, BOB, false));
    unwrap(supportVisionDraft(base, BOB, true));
    unwrap(commentOnVisionDraft(base, input));
    expect(supportVisionDraft(base, ANN, true).ok).toBe(false);
    expect(editVisionDraft(base, '', ANN, at(50)).ok).toBe(false);
    canChangeDraft(base, who);
    const created = deepFreeze({ id: 'd-9', teamId: 't', text: ' Text ', actor: who, now: NOW });
    unwrap(createVisionDraft(created));

    expect(base).toEqual(copy);
    expect(input).toEqual({ id: 'c-9', text: '  A thought ', actor: DEE, now: at(50) });
    expect(created.text).toBe(' Text ');
  });

  it('G-1 a +1 returns a new draft and never shares a changed supporters list with its input', () => {
    const base = supported(draft('d-1'), [BOB, true]);
    const before = [...base.supporters];
    const next = unwrap(supportVisionDraft(base, CY, true));
    expect(next.supporters).not.toBe(base.supporters);
    expect(base.supporters).toEqual(before);
  });
});
