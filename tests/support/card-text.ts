// What a Teams client renders from a card, for the checks that no user text in it is left unescaped.

/** A JSON node of a card. */
type Node = Record<string, unknown>;

/**
 * Every string a client renders or evaluates. An Input.Text `value` is left out: it is the raw text
 * to edit, never rendered as Markdown, and escaping it would save backslashes into the candidate. So
 * are the addresses of Action.OpenUrl buttons: the app builds them, and they are followed, not shown.
 */
export function renderedStrings(card: unknown): string[] {
  const strings: string[] = [];
  const walk = (value: unknown, key: string, parent: Node | null): void => {
    if (typeof value === 'string') {
      if (!isPlainTextField(key, parent) && key !== 'url') strings.push(value);
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key, parent));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k, value as Node);
    }
  };
  walk(card, '', null);
  return strings;
}

/**
 * Fields Teams shows as typed, never as Markdown or templates: an Input.Text's value, input labels,
 * and the titles of choices and toggles. User text there is kept readable rather than escaped.
 */
function isPlainTextField(key: string, parent: Node | null): boolean {
  const type = typeof parent?.type === 'string' ? parent.type : '';
  if (key === 'value' && type === 'Input.Text') return true;
  if ((key === 'label' || key === 'errorMessage') && type.startsWith('Input.')) return true;
  if (key === 'title' && (type === 'Input.Toggle' || (parent !== null && 'value' in parent && !type)))
    return true;
  return false;
}
