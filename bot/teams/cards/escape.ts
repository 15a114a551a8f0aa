/**
 * Makes user text safe in a TextBlock or FactSet: Teams renders a Markdown subset there and evaluates
 * {{DATE(…)}}/{{TIME(…)}}, so titles or concerns could otherwise forge links, emphasis, lists or dates.
 */
export function escapeCardText(text: string): string {
  return (
    text
      // Invisible direction overrides can make a title read as something else.
      .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
      .replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (char) => `\\${char}`)
      // A backslash does not stop template functions; a zero-width space between the braces does.
      .replace(/\\\{\\\{/g, '\\{\u200B\\{')
      // Teams turns bare addresses into links; a zero-width space keeps them readable but inert.
      .replace(/:\/\//g, ':\u200B//')
      .replace(/\bwww\\\./gi, (www) => `${www.slice(0, 3)}\u200B\\.`)
      .replace(/\r\n?/g, '\n')
  );
}
