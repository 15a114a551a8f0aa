/** A command as typed in a message: the first word, lower-cased, and the rest as written. */
export interface CommandText {
  name: string;
  argument: string;
}

/** Splits message text into a command; mentions are already removed by the adapter. */
export function parseCommandText(text: string | undefined): CommandText | null {
  const trimmed = (text ?? '').replace(/\u00a0/g, ' ').trim();
  if (trimmed === '') return null;
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return null;
  return { name: (match[1] ?? '').toLowerCase().replace(/^\//, ''), argument: (match[2] ?? '').trim() };
}
