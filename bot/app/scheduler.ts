import type { Clock } from '../support/clock';
import type { Logger } from '../support/logger';
import type { DueJob, JobStore } from './job-store';

export type JobHandler = (job: DueJob) => Promise<void>;

export interface Scheduler {
  /** Runs every job due now (the timer calls this; tests call it with a moved clock). */
  runDue(): Promise<number>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/** Claims due jobs one by one and runs them; a job whose handler fails stays and is retried after its lease. */
export function createScheduler(deps: {
  jobs: JobStore;
  clock: Clock;
  logger: Logger;
  owner: string;
  handlers: Record<DueJob['kind'], JobHandler>;
  leaseMs?: number;
}): Scheduler {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  const runDue = async (): Promise<number> => {
    let done = 0;
    const now = deps.clock.now().toISOString();
    for (const entry of await deps.jobs.due(now, 50)) {
      const claimed = await deps.jobs.claim(entry, deps.owner, now, deps.leaseMs ?? 60_000);
      if (!claimed) continue;
      try {
        await deps.handlers[claimed.job.kind](claimed.job);
        await deps.jobs.complete(claimed);
        done += 1;
      } catch (error: unknown) {
        deps.logger.error('scheduled job failed; it will be retried', { error, jobId: claimed.job.id });
      }
    }
    return done;
  };
  // One pass at a time in this process; other instances are kept apart by the claims.
  const runOnce = (): Promise<number> => {
    running ??= runDue().finally(() => {
      running = null;
    });
    return running;
  };
  return {
    runDue: runOnce,
    start(intervalMs) {
      timer = setInterval(() => {
        runOnce().catch((error: unknown) => deps.logger.error('scheduler pass failed', { error }));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
