/** Limits per conversation; Teams allows 7 sends per second and 60 per 30 seconds per thread. */
export interface SendLimits {
  /** Least time between two sends to one conversation. */
  minIntervalMs: number;
  windowMs: number;
  maxPerWindow: number;
}

export const teamsSendLimits: SendLimits = { minIntervalMs: 1_000, windowMs: 30_000, maxPerWindow: 50 };

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
  running: boolean;
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

  const waitMs = (queue: ConversationQueue): number => {
    const current = now();
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

  const drain = async (queue: ConversationQueue) => {
    queue.running = true;
    try {
      while (queue.pending.size > 0) {
        const wait = waitMs(queue);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const next = queue.pending.entries().next();
        if (next.done) break;
        const [itemKey, send] = next.value;
        queue.pending.delete(itemKey);
        queue.sentAt.push(now());
        try {
          await send();
        } catch (error: unknown) {
          options.onError(error, itemKey);
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
        queue = { pending: new Map(), sentAt: [], running: false };
        queues.set(conversationKey, queue);
      }
      queue.pending.set(itemKey, send);
      if (!queue.running) void drain(queue);
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        notifyIfIdle();
      });
    },
  };
}
