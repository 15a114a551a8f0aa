import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFreshReads } from '../../bot/app/fresh-reads';

/** A load that answers when the test says so. */
function controlledLoads() {
  const started: Array<{ resolve: (value: number) => void; reject: (error: Error) => void }> = [];
  const load = () =>
    new Promise<number>((resolve, reject) => {
      started.push({ resolve, reject });
    });
  return { started, load };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('fresh reads', () => {
  it('should read once for a lone caller and answer what the read found', async () => {
    const reads = createFreshReads<number>();
    const { started, load } = controlledLoads();
    const answer = reads.read('vote', load);
    expect(started).toHaveLength(1);
    started[0]?.resolve(7);
    await expect(answer).resolves.toBe(7);
  });

  it('should not answer a caller with a read that started before it asked', async () => {
    const reads = createFreshReads<number>();
    const { started, load } = controlledLoads();
    const early = reads.read('vote', load);
    const late = reads.read('vote', load);
    expect(started).toHaveLength(1);
    started[0]?.resolve(1);
    await expect(early).resolves.toBe(1);
    await settle();
    expect(started).toHaveLength(2);
    started[1]?.resolve(2);
    await expect(late).resolves.toBe(2);
  });

  it('should share one waiting read among every caller who asked while a read was running', async () => {
    const reads = createFreshReads<number>();
    const { started, load } = controlledLoads();
    const first = reads.read('vote', load);
    const waiting = Array.from({ length: 100 }, () => reads.read('vote', load));
    started[0]?.resolve(1);
    await first;
    await settle();
    expect(started).toHaveLength(2);
    started[1]?.resolve(2);
    expect(new Set(await Promise.all(waiting))).toEqual(new Set([2]));
    expect(started).toHaveLength(2);
  });

  it('should read again for a caller who asks after the reads ended', async () => {
    const reads = createFreshReads<number>();
    let loads = 0;
    const load = () => Promise.resolve((loads += 1));
    await expect(reads.read('vote', load)).resolves.toBe(1);
    await expect(reads.read('vote', load)).resolves.toBe(2);
  });

  it('should fail only the callers of a failed read and start the next read afresh', async () => {
    const reads = createFreshReads<number>();
    const { started, load } = controlledLoads();
    const failing = reads.read('vote', load);
    const next = reads.read('vote', load);
    started[0]?.reject(new Error('storage unreachable'));
    await expect(failing).rejects.toThrow('storage unreachable');
    await settle();
    started[1]?.resolve(3);
    await expect(next).resolves.toBe(3);
  });

  it('should let a caller who accepts a read under way join it, or start one when none is', async () => {
    const reads = createFreshReads<number>();
    const { started, load } = controlledLoads();
    const fresh = reads.read('vote', load);
    const joined = reads.recent('vote', load);
    expect(started).toHaveLength(1);
    started[0]?.resolve(1);
    await expect(Promise.all([fresh, joined])).resolves.toEqual([1, 1]);
    const alone = reads.recent('vote', load);
    expect(started).toHaveLength(2);
    started[1]?.resolve(2);
    await expect(alone).resolves.toBe(2);
  });

  it('should keep keys apart', async () => {
    const reads = createFreshReads<string>();
    const one = reads.read('vote-1', () => Promise.resolve('one'));
    const two = reads.read('vote-2', () => Promise.resolve('two'));
    await expect(Promise.all([one, two])).resolves.toEqual(['one', 'two']);
  });

  it('should always show a caller a write it made before reading, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 1, max: 12 }), async (s, callers) => {
        const reads = createFreshReads<number>();
        let stored = 0;
        // Each load sees the store as it is when the read starts, and answers later.
        const load = () => {
          const seen = stored;
          return s.schedule(Promise.resolve(seen));
        };
        const results = Array.from({ length: callers }, (_, index) =>
          s.schedule(Promise.resolve(index)).then(async () => {
            stored += 1;
            const wrote = stored;
            return { wrote, read: await reads.read('vote', load) };
          }),
        );
        for (const { wrote, read } of await s.waitFor(Promise.all(results)))
          expect(read).toBeGreaterThanOrEqual(wrote);
      }),
      { numRuns: 300 },
    );
  });
});
