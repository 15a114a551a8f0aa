import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip } from '../../../bot/teams/cards/card-parts';
import { escapeCardText } from '../../../bot/teams/cards/escape';
import { directionOverrides, nastyStrings, unescapedFragments } from '../../support/nasty-strings';
import { readerSees as seen } from './card-kit';
const markdownSpecials = new Set('\\`*_{}[]()#+-.!|<>~');

/** True when every Markdown character of the text is escaped by the backslash before it. */
function allEscaped(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\\') i++;
    else if (markdownSpecials.has(char)) return false;
  }
  return true;
}

describe('escapeCardText', () => {
  it.each(nastyStrings.map((nasty) => [nasty.name, nasty] as const))(
    'leaves nothing of %s that Teams would render or evaluate, and the reader still sees it',
    (_, nasty) => {
      const escaped = escapeCardText(nasty.text);
      expect(unescapedFragments(escaped)).toEqual([]);
      expect(seen(escaped)).toBe(nasty.text.replace(directionOverrides, '').replace(/\u200B/g, ''));
    },
  );

  it('escapes every Markdown character, breaks template braces and bare links, and hides nothing typed', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc
        .array(
          fc.constantFrom('{', '}', '[', ']', '(', ')', '\\', ':', '/', 'www.', 'https', '\u202E', 'a'),
          {
            maxLength: 40,
          },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (typed) => {
        const escaped = escapeCardText(typed);
        expect(allEscaped(escaped), escaped).toBe(true);
        expect(escaped).not.toMatch(/\{\{|:\/\/|\bwww\\\./i);
        expect(escaped).not.toMatch(directionOverrides);
        expect(seen(escaped)).toBe(
          typed
            .replace(directionOverrides, '')
            .replace(/\u200B/g, '')
            .replace(/\r\n?/g, '\n'),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('clip', () => {
  it('never cuts an emoji or an accented letter in half', () => {
    const family = '👩🏽‍🏫';
    expect(clip(family.repeat(10), 4)).toBe(`${family.repeat(3)}…`);
    expect(clip('e\u0301'.repeat(5), 3)).toBe('e\u0301e\u0301…');
    expect(clip('short', 140)).toBe('short');
  });
});
