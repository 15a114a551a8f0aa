import type { BoardOutcome } from '../app/board-outcome';
import { ApiError } from './api-error';

const codes = {
  400: 'bad_request',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'stale',
} as const;

/**
 * Unwraps a board outcome, or throws the refusal as the API error the tab shows. A stale write's current
 * row is shown the way the tab shows rows (`currentView`), so the member can compare both versions.
 */
export function answerOutcome<T>(
  outcome: BoardOutcome<T>,
  currentView: (value: unknown, etag: string) => unknown,
): T {
  if (outcome.ok) return outcome.value;
  const current = outcome.current;
  throw new ApiError(outcome.status, codes[outcome.status], outcome.message, {
    field: outcome.field,
    ...(current === undefined
      ? {}
      : { current: current === null ? null : currentView(current.value, current.etag) }),
  });
}
