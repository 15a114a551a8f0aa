/** A team within its tenant: every stored key starts with both, so teams never see each other's data. */
export interface TeamRef {
  tenantId: string;
  teamId: string;
}

/** A stored value with the ETag it was read with, for conditional writes. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** Raised when a conditional write lost to a concurrent change (HTTP 412 from storage). */
export class ConflictError extends Error {
  override name = 'ConflictError';
}
