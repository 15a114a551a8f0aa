import { createHash } from 'node:crypto';

/** A short digest of a partition's row keys and ETags: it changes whenever any row does. */
export function rowsVersion(rows: ReadonlyArray<{ rowKey: string; etag: string }>): string {
  return createHash('sha256')
    .update(rows.map((row) => `${row.rowKey}=${row.etag}`).join('\n'))
    .digest('base64url')
    .slice(0, 27);
}
