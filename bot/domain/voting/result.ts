/** A validation failure as a value: the field at fault and a message that starts with it. */
export type ValidationFailure = { readonly ok: false; readonly field: string; readonly message: string };

/** The outcome of a domain operation that can be refused: the new value or a named-field failure. */
export type Result<T> = { readonly ok: true; readonly value: T } | ValidationFailure;

/** Wraps a successful value. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failure whose message is prefixed with the field name ("field: message"). */
export function fail(field: string, message: string): ValidationFailure {
  return { ok: false, field, message: `${field}: ${message}` };
}
