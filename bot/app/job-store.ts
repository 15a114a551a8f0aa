/** A piece of work due at a time, stored so that a restart neither loses nor doubles it. */
export interface DueJob {
  /** Stable per purpose (e.g. one per vote's close), so rescheduling replaces rather than adds. */
  id: string;
  kind: 'close-vote' | 'deliver-webhook' | 'check-in-round' | 'reminders';
  tenantId: string;
  teamId: string;
  subjectId: string;
  dueAt: string;
}

export interface ClaimedJob {
  job: DueJob;
  /** Proof of the claim; completing with it fails if another instance took the job over. */
  token: string;
}

export interface JobStore {
  schedule(job: DueJob): Promise<void>;
  /** Jobs due at `now` that nobody holds, oldest first. */
  due(now: string, limit: number): Promise<Array<{ job: DueJob; etag: string; rowKey: string }>>;
  /** Takes a job for `leaseMs`; null when another instance claimed it first (ETag-guarded). */
  claim(
    entry: { job: DueJob; etag: string; rowKey: string },
    owner: string,
    now: string,
    leaseMs: number,
  ): Promise<ClaimedJob | null>;
  complete(claimed: ClaimedJob): Promise<void>;
}
