import type { Response } from 'express';

/** Every error the API answers has this body, so the tab can show a clear message. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** An expected failure with its HTTP status; anything else becomes a 500 without details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function sendApiError(res: Response, status: number, code: string, message: string): void {
  const body: ApiErrorBody = { error: { code, message } };
  res.status(status).json(body);
}
