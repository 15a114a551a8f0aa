import type { Response } from 'express';

/** Every error the API answers has this body, so the tab can show a clear message. */
export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
  /** On a stale write (412): the row as it is now, null when it was deleted. */
  current?: unknown;
}

/** What an error can carry beyond its message: the field at fault, the current row on a conflict. */
export interface ApiErrorDetails {
  field?: string;
  current?: unknown;
}

/** An expected failure with its HTTP status; anything else becomes a 500 without details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What a failure that is not the caller's doing says: nothing of its cause. */
export const internalErrorMessage =
  'Something went wrong on our side; nothing was changed. Please try again.';

export function apiErrorBody(code: string, message: string, details: ApiErrorDetails = {}): ApiErrorBody {
  return {
    error: { code, message, ...(details.field === undefined ? {} : { field: details.field }) },
    ...('current' in details ? { current: details.current } : {}),
  };
}

export function sendApiError(
  res: Response,
  status: number,
  code: string,
  message: string,
  details: ApiErrorDetails = {},
): void {
  res.status(status).json(apiErrorBody(code, message, details));
}
