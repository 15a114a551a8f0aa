/**
 * Coalesces reads of one key. `read` never answers from before the caller asked: each caller gets a
 * read that started after its call, and the callers who ask while a read of their key is running share
 * the one that starts when it ends. Under a burst (hundreds of ballots checking the same vote) a key
 * costs at most one read in flight and one waiting, yet every answer is as fresh as a read of its own,
 * so a write made before the call is always seen.
 */
export interface FreshReads<T> {
  read(key: string, load: () => Promise<T>): Promise<T>;
  /** The read of the key already under way, if any (it may have started a moment before the call), else a new one. */
  recent(key: string, load: () => Promise<T>): Promise<T>;
}

interface Slot<T> {
  running: Promise<T> | null;
  waiting: Promise<T> | null;
}

export function createFreshReads<T>(): FreshReads<T> {
  const slots = new Map<string, Slot<T>>();
  const ignore = () => undefined;

  const begin = (key: string, slot: Slot<T>, load: () => Promise<T>): Promise<T> => {
    const running = load();
    slot.running = running;
    const finished = () => {
      if (slot.running !== running) return;
      slot.running = null;
      if (!slot.waiting && slots.get(key) === slot) slots.delete(key);
    };
    running.then(finished, finished);
    return running;
  };

  const slotOf = (key: string): Slot<T> => {
    const slot = slots.get(key) ?? { running: null, waiting: null };
    slots.set(key, slot);
    return slot;
  };

  return {
    recent(key, load) {
      const slot = slotOf(key);
      return slot.running ?? slot.waiting ?? begin(key, slot, load);
    },
    read(key, load) {
      const slot = slotOf(key);
      if (slot.waiting) return slot.waiting;
      if (!slot.running) return begin(key, slot, load);
      // A read already running may have started before this caller's write: wait for the next one.
      const waiting = slot.running.then(ignore, ignore).then(() => {
        slot.waiting = null;
        return begin(key, slot, load);
      });
      slot.waiting = waiting;
      return waiting;
    },
  };
}
