/**
 * Text members, flows or a curious neighbour might type to forge what others see (issue #6). Every
 * surface's tests run these: the card builders, the tab API round trip and the tab in a browser.
 * `forbidden` is what must never reach a card as typed, because Teams would render or evaluate it.
 */
export interface NastyString {
  name: string;
  text: string;
  forbidden: string[];
}

export const nastyStrings: readonly NastyString[] = [
  {
    name: 'a Markdown link to javascript:',
    text: '[Read the plan](javascript:alert(document.cookie))',
    forbidden: ['[Read the plan]', '](javascript'],
  },
  {
    name: 'a Markdown image',
    text: '![pixel](https://evil.example/track.png)',
    forbidden: ['![', '](https'],
  },
  {
    name: 'HTML',
    text: '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>',
    forbidden: ['<img', '<script', '<b>'],
  },
  {
    name: 'an @mention',
    text: '<at>Everyone</at> @General please look',
    forbidden: ['<at>Everyone'],
  },
  {
    name: 'template functions',
    text: '{{DATE(2020-01-01T00:00:00Z, SHORT)}} at {{TIME(2020-01-01T00:00:00Z)}}',
    forbidden: ['{{DATE(2020', '{{TIME(2020'],
  },
  {
    name: 'formatting',
    text: '**urgent** _now_ ~~never~~ `code` # not a heading',
    forbidden: ['**urgent**', '_now_', '~~never~~', '`code`', '# not'],
  },
  {
    name: 'bare links',
    text: 'Sign in at https://evil.example/login or www.evil.example',
    forbidden: ['https://evil', 'www.evil', 'www\\.evil'],
  },
  {
    name: 'zero-width characters',
    text: 'Re\u200Bad\u200Cing\u200D first\uFEFF',
    forbidden: [],
  },
  {
    name: 'right-to-left overrides',
    text: 'Budget \u202Efdp.exe\u202C and \u2067hidden\u2069',
    forbidden: ['\u202E', '\u2067'],
  },
  {
    name: 'right-to-left scripts',
    text: 'תקציב ميزانية budget',
    forbidden: [],
  },
  {
    name: 'a word longer than a line',
    text: 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3),
    forbidden: [],
  },
  {
    name: 'emoji',
    text: '📚 Reading for all 👩🏽‍🏫🏳️‍🌈',
    forbidden: [],
  },
];

/** Invisible direction overrides and isolates: both cards and the tab drop them. */
export const directionOverrides = /[\u202A-\u202E\u2066-\u2069]/g;

/** Longer than every text field the app accepts (titles 140, items 500, comments 1,000). */
export const tooLong = 'x'.repeat(10_000);

/** Every forbidden fragment of the corpus. */
export const forbiddenFragments: readonly string[] = nastyStrings.flatMap((nasty) => nasty.forbidden);

/**
 * The forbidden fragments found in a piece of rendered card text, as typed: an occurrence right after a
 * backslash is escaped, and Teams shows it as text.
 */
export function unescapedFragments(rendered: string): string[] {
  return forbiddenFragments.filter((fragment) => {
    for (let at = rendered.indexOf(fragment); at !== -1; at = rendered.indexOf(fragment, at + 1))
      if (rendered[at - 1] !== '\\') return true;
    return false;
  });
}
