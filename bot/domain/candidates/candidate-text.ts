import { fail, ok, type Result } from '../voting/result';
import type { CandidateText } from './candidate-types';

/** Longest title of a candidate (CA-1). */
export const MAX_TITLE_LENGTH = 140;

/** Longest description, evidence or coaching answer (CA-2). */
export const MAX_TEXT_LENGTH = 1000;

/** Text fields as given by a member; optional ones may be left out or blank. */
export type CandidateTextInput = {
  readonly title: string;
  readonly description?: string | null;
  readonly evidence?: string | null;
  readonly obstacles?: string | null;
  readonly impact?: string | null;
  readonly outcomeWanted?: string | null;
};

const OPTIONAL_FIELDS = ['description', 'evidence', 'obstacles', 'impact', 'outcomeWanted'] as const;

/** Trims and checks a candidate's text: title 1..140, the others up to 1000 or null when blank (CA-1, CA-2). */
export function checkCandidateText(input: CandidateTextInput): Result<CandidateText> {
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  if (title.length < 1 || title.length > MAX_TITLE_LENGTH) {
    return fail('title', `expected 1 to ${MAX_TITLE_LENGTH} characters`);
  }
  const text: Record<(typeof OPTIONAL_FIELDS)[number], string | null> = {
    description: null,
    evidence: null,
    obstacles: null,
    impact: null,
    outcomeWanted: null,
  };
  for (const field of OPTIONAL_FIELDS) {
    const value = input[field]?.trim() ?? '';
    if (value.length > MAX_TEXT_LENGTH) return fail(field, `expected at most ${MAX_TEXT_LENGTH} characters`);
    text[field] = value === '' ? null : value;
  }
  return ok({ title, ...text });
}
