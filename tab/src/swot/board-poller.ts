/** Short polling with ETags: asks about every `intervalMs` while the page is visible, and at once on demand. */
export interface Poller {
  /** Asks now (after a write), without waiting for the next tick; overlapping asks are merged. */
  refresh(): void;
  stop(): void;
}

export interface PollerOptions {
  intervalMs: number;
  /** One request; resolves when it has been handled. Errors are the caller's to report. */
  poll: (signal: AbortSignal) => Promise<void>;
  isVisible?: () => boolean;
}

export function startPoller({ intervalMs, poll, isVisible = defaultIsVisible }: PollerOptions): Poller {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;

  const schedule = () => {
    clearTimeout(timer);
    if (!controller.signal.aborted) timer = setTimeout(tick, intervalMs);
  };

  const tick = () => {
    if (controller.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    if (!isVisible()) {
      // A hidden page does not ask; it asks again as soon as it is visible (see below).
      clearTimeout(timer);
      return;
    }
    running = true;
    clearTimeout(timer);
    void poll(controller.signal).finally(() => {
      running = false;
      if (again) {
        again = false;
        tick();
      } else schedule();
    });
  };

  const onVisibility = () => {
    if (isVisible()) tick();
  };
  document.addEventListener('visibilitychange', onVisibility);
  tick();

  return {
    refresh: tick,
    stop() {
      controller.abort();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}

function defaultIsVisible(): boolean {
  return document.visibilityState === 'visible';
}
