import { describe, expect, it } from 'vitest';
import {
  MAX_EVIDENCE,
  MAX_EVIDENCE_NOTE_LENGTH,
  MAX_EVIDENCE_URL_LENGTH,
  MAX_ITEM_TEXT_LENGTH,
  QUADRANTS,
  canChangeItem,
  checkDeleteSwotItem,
  checkItemText,
  createSwotItem,
  editSwotItem,
  type CreateSwotItemInput,
  type Evidence,
  type ItemTag,
  type Quadrant,
} from '../../../bot/domain/boards';
import { NOW, at, unwrap } from '../factories';
import { ANN, BOB, FAY, OWEN, closedSession, group, item, refusal, session } from './board-factories';

const input = (overrides: Partial<CreateSwotItemInput> = {}): CreateSwotItemInput => ({
  id: 'i-1',
  quadrant: 'strengths',
  text: 'Teachers share lesson plans',
  actor: ANN,
  now: NOW,
  ...overrides,
});

const url = (href: string): Evidence => ({ kind: 'url', url: href });
const note = (text: string): Evidence => ({ kind: 'note', text });

describe('adding items', () => {
  it('SW-4 any member adds an item to each of the four quadrants', () => {
    for (const quadrant of QUADRANTS) {
      expect(unwrap(createSwotItem(session(), input({ quadrant, actor: BOB }), []))).toEqual({
        id: 'i-1',
        sessionId: 'swot-1',
        quadrant,
        text: 'Teachers share lesson plans',
        tag: null,
        evidence: [],
        groupId: null,
        authorId: 'bob',
        authorName: 'Bob',
        createdAt: NOW,
        updatedAt: NOW,
        updatedBy: 'bob',
        promotion: null,
      });
    }
  });

  it('SW-4 an unknown quadrant is refused', () => {
    const result = createSwotItem(session(), input({ quadrant: 'risks' as Quadrant }), []);
    expect(result).toMatchObject(refusal('quadrant'));
  });

  it('SW-4 an item may be added straight into a group of its quadrant', () => {
    const theme = group('g-1', 'threats');
    expect(
      unwrap(createSwotItem(session(), input({ quadrant: 'threats', groupId: 'g-1' }), [theme])).groupId,
    ).toBe('g-1');
  });

  it('SW-8 an item added into a group of another quadrant, or a missing group, is refused', () => {
    const theme = group('g-1', 'threats');
    expect(
      createSwotItem(session(), input({ quadrant: 'strengths', groupId: 'g-1' }), [theme]),
    ).toMatchObject(refusal('groupId'));
    expect(createSwotItem(session(), input({ groupId: 'nope' }), [theme])).toMatchObject(refusal('groupId'));
  });

  it('SW-2 no item is added to a closed board', () => {
    expect(createSwotItem(closedSession(), input(), [])).toMatchObject(refusal('session'));
  });

  it('SW-4 a bad "now" is refused', () => {
    expect(createSwotItem(session(), input({ now: '' }), [])).toMatchObject(refusal('now'));
  });
});

describe('item text, tag and evidence', () => {
  it('SW-5 the text is trimmed and may be 1..500 characters', () => {
    expect(unwrap(checkItemText({ text: '  Good  ' })).text).toBe('Good');
    const longest = 'x'.repeat(MAX_ITEM_TEXT_LENGTH);
    expect(unwrap(checkItemText({ text: ` ${longest}\n` })).text).toBe(longest);
    expect(checkItemText({ text: `${longest}x` })).toMatchObject(refusal('text'));
    expect(checkItemText({ text: '' })).toMatchObject(refusal('text'));
    expect(checkItemText({ text: ' \n\t ' })).toMatchObject(refusal('text'));
    expect(checkItemText({ text: 42 as unknown as string })).toMatchObject(refusal('text'));
  });

  it('SW-5 the tag is symptom, root-cause or none', () => {
    expect(unwrap(checkItemText({ text: 'a' })).tag).toBeNull();
    expect(unwrap(checkItemText({ text: 'a', tag: null })).tag).toBeNull();
    expect(unwrap(checkItemText({ text: 'a', tag: 'symptom' })).tag).toBe('symptom');
    expect(unwrap(checkItemText({ text: 'a', tag: 'root-cause' })).tag).toBe('root-cause');
    expect(checkItemText({ text: 'a', tag: 'cause' as ItemTag })).toMatchObject(refusal('tag'));
  });

  it('SW-5 up to 5 pieces of evidence, links and notes mixed', () => {
    const five = [
      url('https://a.example'),
      note('40% of pupils'),
      url('http://b.example/x?y=1'),
      note('n'),
      note('m'),
    ];
    expect(five).toHaveLength(MAX_EVIDENCE);
    expect(unwrap(checkItemText({ text: 'a', evidence: five })).evidence).toEqual(five);
    expect(checkItemText({ text: 'a', evidence: [...five, note('six')] })).toMatchObject(refusal('evidence'));
  });

  it('SW-5 evidence links and notes are trimmed', () => {
    expect(
      unwrap(checkItemText({ text: 'a', evidence: [url('  https://a.example/x  '), note('  seen  ')] }))
        .evidence,
    ).toEqual([url('https://a.example/x'), note('seen')]);
  });

  it('SW-5 a link must be http(s) with a host and at most 2000 characters', () => {
    const prefix = 'https://a.example/';
    const longest = prefix + 'p'.repeat(MAX_EVIDENCE_URL_LENGTH - prefix.length);
    expect(unwrap(checkItemText({ text: 'a', evidence: [url(longest)] })).evidence).toEqual([url(longest)]);
    expect(checkItemText({ text: 'a', evidence: [url(`${longest}p`)] })).toMatchObject(
      refusal('evidence[0]'),
    );
    for (const bad of [
      'javascript:alert(1)',
      'ftp://a.example',
      'file:///etc/passwd',
      'a.example',
      '',
      'https://',
    ]) {
      expect(checkItemText({ text: 'a', evidence: [note('ok'), url(bad)] })).toMatchObject(
        refusal('evidence[1]'),
      );
    }
    expect(checkItemText({ text: 'a', evidence: [{ kind: 'url' } as unknown as Evidence] })).toMatchObject(
      refusal('evidence[0]'),
    );
  });

  it('SW-5 a note has 1..500 characters after trimming', () => {
    const longest = 'n'.repeat(MAX_EVIDENCE_NOTE_LENGTH);
    expect(unwrap(checkItemText({ text: 'a', evidence: [note(longest)] })).evidence).toEqual([note(longest)]);
    expect(checkItemText({ text: 'a', evidence: [note(`${longest}n`)] })).toMatchObject(
      refusal('evidence[0]'),
    );
    expect(checkItemText({ text: 'a', evidence: [note('   ')] })).toMatchObject(refusal('evidence[0]'));
  });

  it('SW-5 createSwotItem applies the same checks', () => {
    expect(createSwotItem(session(), input({ text: ' ' }), [])).toMatchObject(refusal('text'));
    expect(createSwotItem(session(), input({ evidence: [url('mailto:a@b.c')] }), [])).toMatchObject(
      refusal('evidence[0]'),
    );
    expect(
      unwrap(
        createSwotItem(session(), input({ text: ' Why? ', tag: 'symptom', evidence: [note(' x ')] }), []),
      ),
    ).toMatchObject({ text: 'Why?', tag: 'symptom', evidence: [note('x')] });
  });
});

describe('editing and deleting items', () => {
  const original = () => item('i-1', { tag: 'symptom', evidence: [note('seen')] });

  it('SW-6 the author edits their item; an edit records who changed it and when', () => {
    expect(unwrap(editSwotItem(session(), original(), { text: 'Changed' }, ANN, at(5)))).toEqual({
      ...original(),
      text: 'Changed',
      updatedAt: at(5),
      updatedBy: 'ann',
    });
  });

  it('SW-6 an edit keeps what it leaves out; a null tag clears the tag', () => {
    const base = original();
    expect(unwrap(editSwotItem(session(), base, {}, ANN, at(5)))).toMatchObject({
      text: base.text,
      tag: 'symptom',
      evidence: [note('seen')],
    });
    expect(unwrap(editSwotItem(session(), base, { tag: 'root-cause' }, ANN, at(5)))).toMatchObject({
      text: base.text,
      tag: 'root-cause',
      evidence: [note('seen')],
    });
    expect(unwrap(editSwotItem(session(), base, { tag: null }, ANN, at(5))).tag).toBeNull();
    expect(unwrap(editSwotItem(session(), base, { evidence: [] }, ANN, at(5)))).toMatchObject({
      tag: 'symptom',
      evidence: [],
    });
  });

  it('SW-6 an edit keeps the quadrant, group, author and creation time', () => {
    const theme = group('g-1', 'threats');
    const base = item('i-1', { quadrant: 'threats', groupId: 'g-1' }, [theme]);
    expect(unwrap(editSwotItem(session(), base, { text: 'New' }, FAY, at(9)))).toMatchObject({
      quadrant: 'threats',
      groupId: 'g-1',
      authorId: 'ann',
      authorName: 'Ann',
      createdAt: base.createdAt,
      updatedBy: 'fay',
    });
  });

  it('SW-6 an edit is checked like a new item', () => {
    expect(editSwotItem(session(), original(), { text: ' ' }, ANN, at(5))).toMatchObject(refusal('text'));
    expect(editSwotItem(session(), original(), { tag: 'x' as ItemTag }, ANN, at(5))).toMatchObject(
      refusal('tag'),
    );
    expect(editSwotItem(session(), original(), { evidence: [url('nope')] }, ANN, at(5))).toMatchObject(
      refusal('evidence[0]'),
    );
    expect(editSwotItem(session(), original(), { text: 'ok' }, ANN, 'soon')).toMatchObject(refusal('now'));
  });

  it('SW-6 the facilitator and team owners may edit or delete any item', () => {
    for (const who of [FAY, OWEN]) {
      expect(canChangeItem(session(), original(), who)).toBe(true);
      expect(unwrap(editSwotItem(session(), original(), { text: 'By them' }, who, at(5))).updatedBy).toBe(
        who.memberId,
      );
      expect(unwrap(checkDeleteSwotItem(session(), original(), who))).toEqual(original());
    }
  });

  it('SW-6 the author may delete their own item', () => {
    expect(unwrap(checkDeleteSwotItem(session(), original(), ANN))).toEqual(original());
  });

  it('SW-6 another member can neither edit nor delete the item', () => {
    expect(canChangeItem(session(), original(), BOB)).toBe(false);
    const edit = editSwotItem(session(), original(), { text: 'Mine now' }, BOB, at(5));
    expect(edit).toMatchObject(refusal('item'));
    expect(edit.ok ? '' : edit.message).toContain('Ann');
    expect(checkDeleteSwotItem(session(), original(), BOB)).toMatchObject(refusal('item'));
  });

  it('SW-2 no item of a closed board is edited or deleted, not even by the facilitator', () => {
    const closed = closedSession();
    for (const who of [ANN, FAY, OWEN]) {
      expect(editSwotItem(closed, original(), { text: 'Late' }, who, at(90))).toMatchObject(
        refusal('session'),
      );
      expect(checkDeleteSwotItem(closed, original(), who)).toMatchObject(refusal('session'));
    }
  });
});
