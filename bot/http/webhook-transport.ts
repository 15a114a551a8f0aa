import type { TransportResult, WebhookTransport } from '../app/webhook-service';

/**
 * POSTs a webhook with Node's fetch: redirects are never followed (a 3xx is a failed attempt, so a
 * receiver cannot bounce the signed body elsewhere), and an answer must come within the timeout.
 */
export function createFetchTransport(options: { timeoutMs?: number } = {}): WebhookTransport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (url, body, headers): Promise<TransportResult> => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error: unknown) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${timeoutMs / 1000} s`
          : `could not connect (${error instanceof Error ? (causeCode(error) ?? error.message) : 'unknown error'})`;
      return { ok: false, status: null, error: reason };
    }
    // The receiver's answer is not needed; drop it without reading it all.
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    if (response.status >= 300 && response.status < 400)
      return { ok: false, status: response.status, error: 'redirects are not followed' };
    return { ok: false, status: response.status, error: `answered HTTP ${response.status}` };
  };
}

function causeCode(error: Error): string | null {
  const cause: unknown = error.cause;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string')
    return cause.code;
  return null;
}
