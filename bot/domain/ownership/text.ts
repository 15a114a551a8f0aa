import { fail, ok, type Result } from '../voting/result';

/** Limits of a free-text field. */
export type TextLimits = {
  readonly min: number;
  readonly max: number;
  /** Refuse line breaks (one-line statements). */
  readonly singleLine?: boolean;
};

/** Trims a text field and checks its length (and that it is one line when asked); the refusal names the field. */
export function checkText(field: string, value: unknown, limits: TextLimits): Result<string> {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    return fail(field, 'expected text');
  }
  const text = (value ?? '').trim();
  if (limits.singleLine && /[\r\n\u2028\u2029]/.test(text)) return fail(field, 'expected a single line');
  if (text.length < limits.min || text.length > limits.max) {
    return fail(field, `expected ${limits.min} to ${limits.max} characters`);
  }
  return ok(text);
}

/** Checks an identifier given by the caller (member, action, priority): a non-blank string. */
export function checkId(field: string, value: unknown): Result<string> {
  return typeof value === 'string' && value.trim() !== '' ? ok(value) : fail(field, 'expected an id');
}
