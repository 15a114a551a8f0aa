import type { ValidationFailure } from '../domain/voting';
import type { Versioned } from './team-ref';

/** Why a board request was refused, as the HTTP layer answers it. */
export type BoardRefusal = {
  readonly ok: false;
  /** 400 bad input, 403 not allowed, 404 unknown, 409 board closed or already done, 412 stale ETag. */
  readonly status: 400 | 403 | 404 | 409 | 412;
  readonly field: string;
  readonly message: string;
  /** On 412: the row as it is now (null when someone deleted it), so the member can choose. */
  readonly current?: { readonly value: unknown; readonly etag: string } | null;
};

export type BoardOutcome<T> = { readonly ok: true; readonly value: T } | BoardRefusal;

export function refuse(
  status: BoardRefusal['status'],
  field: string,
  message: string,
  current?: BoardRefusal['current'],
): BoardRefusal {
  return {
    ok: false,
    status,
    field,
    message: message.startsWith(`${field}: `) ? message : `${field}: ${message}`,
    ...(current === undefined ? {} : { current }),
  };
}

/** A domain refusal: a closed board is a 409 (nothing the member can fix in the request), the rest 400. */
export function fromDomain(failure: ValidationFailure): BoardRefusal {
  return refuse(failure.field === 'session' ? 409 : 400, failure.field, failure.message);
}

/** A write from a stale version: 412 with the row as it is now (null when it was deleted). */
export function staleRefusal(field: string, noun: string, row: Versioned<unknown> | null): BoardRefusal {
  return refuse(
    412,
    field,
    row
      ? `someone else changed this ${noun} since you loaded it; compare both versions and choose`
      : `someone else deleted this ${noun} since you loaded it`,
    row ? { value: row.value, etag: row.etag } : null,
  );
}
