import { RestError } from '@azure/data-tables';

/** True when the storage service answered with this HTTP status (404 missing, 409 exists, 412 stale ETag). */
export function isRestErrorWithStatus(error: unknown, status: number): boolean {
  return error instanceof RestError && error.statusCode === status;
}
