import type { Request } from 'express';
import { z } from 'zod';
import { ApiError } from './api-error';

/** Parses a body, query or parameter with its schema; a 400 names the first field at fault. */
export function parseInput<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || where;
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unexpected field ${issue.keys.join(', ')}`
      : (issue?.message ?? 'invalid');
  throw new ApiError(400, 'bad_request', `${field}: ${message}`, { field });
}

/** The ETag a write is conditional on, from If-Match; a write without one is refused (428). */
export function requireIfMatch(req: Request): string {
  const etag = req.header('if-match')?.trim();
  if (!etag)
    throw new ApiError(
      428,
      'precondition_required',
      'If-Match: send the ETag of the version you changed, so nobody else’s change is overwritten',
      { field: 'If-Match' },
    );
  return etag;
}
