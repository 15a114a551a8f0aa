/** Statuses the Bot Connector answers when it wants the bot to slow down or try again. */
const retryableStatuses = new Set([412, 429, 500, 502, 503, 504]);

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const defaultRetryOptions: RetryOptions = { attempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 };

/** The HTTP status and Retry-After of a failed connector call, whatever client threw it. */
export function httpFailureOf(error: unknown): { status: number; retryAfterMs: number | null } | null {
  if (typeof error !== 'object' || error === null) return null;
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : null;
  if (status === null) return null;
  const retryAfter = 'response' in error ? retryAfterHeader(error.response) : null;
  const seconds = typeof retryAfter === 'string' || typeof retryAfter === 'number' ? Number(retryAfter) : NaN;
  return { status, retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : null };
}

/** Runs `operation`, retrying throttling and transient failures with exponential backoff and jitter, honouring Retry-After. */
export async function withRetry<T>(
  operation: () => Promise<T>,
  options: RetryOptions = defaultRetryOptions,
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error: unknown) {
      const failure = httpFailureOf(error);
      if (!failure || !retryableStatuses.has(failure.status) || attempt >= options.attempts) throw error;
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      const jittered = backoff / 2 + random() * (backoff / 2);
      await sleep(Math.max(jittered, failure.retryAfterMs ?? 0));
    }
  }
}

// Clients differ: some expose fetch-style Headers with get(), others a plain object of header values.
function retryAfterHeader(response: unknown): unknown {
  if (typeof response !== 'object' || response === null || !('headers' in response)) return null;
  const headers: unknown = response.headers;
  if (typeof headers !== 'object' || headers === null) return null;
  if ('get' in headers && typeof headers.get === 'function')
    return (headers as { get(name: string): unknown }).get('retry-after');
  return (headers as Record<string, unknown>)['retry-after'] ?? null;
}
