import type { Evidence } from './swot-schemas';

/** One evidence field as typed: a link when it looks like an http(s) URL, otherwise a note. */
export function toEvidence(input: string): Evidence[] {
  const value = input.trim();
  if (!value) return [];
  return /^https?:\/\/\S+$/i.test(value) ? [{ kind: 'url', url: value }] : [{ kind: 'note', text: value }];
}

/** The first piece of evidence back as text, for the edit form. */
export function evidenceText(evidence: readonly Evidence[]): string {
  const first = evidence[0];
  if (!first) return '';
  return first.kind === 'url' ? first.url : first.text;
}

/** Only http(s) links are made clickable; anything else is shown as text. */
export function isSafeLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
