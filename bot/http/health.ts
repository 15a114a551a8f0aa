import type { Clock } from '../support/clock';

export interface HealthReport {
  status: 'ok' | 'degraded';
  storage: { reachable: boolean; latencyMs: number | null; error?: string; since: string };
}

export interface HealthCheck {
  check(): Promise<HealthReport>;
}

/** Reports storage reachability, and since when it has been in its current state (outages show). */
export function createHealthCheck(ping: () => Promise<void>, clock: Clock, timeoutMs = 2_000): HealthCheck {
  let lastReachable: boolean | null = null;
  let since = clock.now().toISOString();
  return {
    async check() {
      const started = Date.now();
      let reachable = true;
      let error: string | undefined;
      try {
        await withTimeout(ping(), timeoutMs);
      } catch (caught: unknown) {
        reachable = false;
        error = caught instanceof Error ? caught.message.split('\n')[0] : 'unreachable';
      }
      if (reachable !== lastReachable) {
        lastReachable = reachable;
        since = clock.now().toISOString();
      }
      return {
        status: reachable ? 'ok' : 'degraded',
        storage: {
          reachable,
          latencyMs: reachable ? Date.now() - started : null,
          ...(error ? { error } : {}),
          since,
        },
      };
    },
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
