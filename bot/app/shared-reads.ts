import type { Clock } from '../support/clock';

/**
 * Shares one read of a key between the requests that arrive within `ttlMs` (many open tabs polling the
 * same board make one storage query), and forgets it when this instance writes.
 */
export function createSharedReads<T>(clock: Clock, ttlMs: number, maxEntries = 1000) {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    read(key: string, load: () => Promise<T>): Promise<T> {
      const at = clock.now().getTime();
      const hit = entries.get(key);
      if (hit && at - hit.at < ttlMs) return hit.value;
      const value = load();
      entries.set(key, { at, value });
      value.catch(() => entries.delete(key));
      // Keys nobody reads any more drop out, oldest first.
      for (const old of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(old);
      }
      return value;
    },
    forget(key: string): void {
      entries.delete(key);
    },
  };
}
