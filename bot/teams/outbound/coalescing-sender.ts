/** Limits per conversation; Teams allows 7 sends per second and 60 per 30 seconds per thread. */
export interface SendLimits {
  /** Least time between two sends to one conversation. */
  minIntervalMs: number;
  windowMs: number;
  maxPerWindow: number;
  /**
   * Least time between two updates of one item's card. Each update re-renders the card for everyone, and
   * Teams then asks again for the own view of every member the card refreshes for (up to 60): a busy
   * vote's card changes every few seconds, not every second.
   */
  itemIntervalMs: number;
}

export const teamsSendLimits: SendLimits = {
  minIntervalMs: 1_000,
  windowMs: 30_000,
  maxPerWindow: 50,
  itemIntervalMs: 5_000,
};

export interface CoalescingSender {
  /**
   * Asks for `send` to run for `itemKey` in `conversationKey`. Requests for an item that is still waiting
   * are merged: `send` renders the latest state when it runs, so the last card sent is always current.
   */
  request(conversationKey: string, itemKey: string, send: () => Promise<void>): void;
  /** Resolves when nothing is waiting or running (tests, shutdown). */
  idle(): Promise<void>;
}

interface ConversationQueue {
  pending: Map<string, () => Promise<void>>;
  sentAt: number[];
  /** When each item was last sent, while that still holds its next send back. */
  itemSentAt: Map<string, number>;
  running: boolean;
  /** Ends the drain's wait early: a new item may be ready before the one it waits for. */
  wake: (() => void) | null;
}

/** A per-conversation queue that coalesces card updates and keeps within the send limits. */
export function createCoalescingSender(options: {
  limits?: SendLimits;
  onError: (error: unknown, itemKey: string) => void;
  now?: () => number;
}): CoalescingSender {
  const limits = options.limits ?? teamsSendLimits;
  const now = options.now ?? Date.now;
  const queues = new Map<string, ConversationQueue>();
  const idleWaiters: Array<() => void> = [];

  const notifyIfIdle = () => {
    if ([...queues.values()].some((queue) => queue.running || queue.pending.size > 0)) return;
    idleWaiters.splice(0).forEach((resolve) => resolve());
  };

  const conversationWaitMs = (queue: ConversationQueue, current: number): number => {
    queue.sentAt = queue.sentAt.filter((at) => current - at < limits.windowMs);
    const last = queue.sentAt[queue.sentAt.length - 1];
    const intervalWait = last === undefined ? 0 : last + limits.minIntervalMs - current;
    const oldest = queue.sentAt[0];
    const windowWait =
      queue.sentAt.length >= limits.maxPerWindow && oldest !== undefined
        ? oldest + limits.windowMs - current
        : 0;
    return Math.max(0, intervalWait, windowWait);
  };

  /** The waiting item that may go first (the earliest asked among equals), and how long until it may. */
  const nextItem = (
    queue: ConversationQueue,
  ): { itemKey: string; send: () => Promise<void>; waitMs: number } | null => {
    const current = now();
    for (const [itemKey, at] of queue.itemSentAt)
      if (current - at >= limits.itemIntervalMs) queue.itemSentAt.delete(itemKey);
    const conversationWait = conversationWaitMs(queue, current);
    let next: { itemKey: string; send: () => Promise<void>; waitMs: number } | null = null;
    for (const [itemKey, send] of queue.pending) {
      const sentAt = queue.itemSentAt.get(itemKey);
      const itemWait = sentAt === undefined ? 0 : sentAt + limits.itemIntervalMs - current;
      const waitMs = Math.max(conversationWait, itemWait);
      if (next === null || waitMs < next.waitMs) next = { itemKey, send, waitMs };
    }
    return next;
  };

  const pause = (queue: ConversationQueue, ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => queue.wake?.(), ms);
      queue.wake = () => {
        clearTimeout(timer);
        queue.wake = null;
        resolve();
      };
    });

  const drain = async (queue: ConversationQueue) => {
    queue.running = true;
    try {
      for (let next = nextItem(queue); next !== null; next = nextItem(queue)) {
        if (next.waitMs > 0) {
          await pause(queue, next.waitMs);
          continue;
        }
        queue.pending.delete(next.itemKey);
        const sentAt = now();
        queue.sentAt.push(sentAt);
        queue.itemSentAt.set(next.itemKey, sentAt);
        try {
          await next.send();
        } catch (error: unknown) {
          options.onError(error, next.itemKey);
        }
      }
    } finally {
      queue.running = false;
      // The queue (and its send history) stays, so a burst right after it empties still respects the limits.
      notifyIfIdle();
    }
  };

  return {
    request(conversationKey, itemKey, send) {
      let queue = queues.get(conversationKey);
      if (!queue) {
        queue = { pending: new Map(), sentAt: [], itemSentAt: new Map(), running: false, wake: null };
        queues.set(conversationKey, queue);
      }
      queue.pending.set(itemKey, send);
      if (!queue.running) void drain(queue);
      else queue.wake?.();
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        notifyIfIdle();
      });
    },
  };
}
