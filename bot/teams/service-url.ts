/**
 * True when the bot may talk to this serviceUrl. A poisoned serviceUrl would otherwise receive
 * the bot's token with every reply, so the check compares scheme, host, port and path prefix.
 */
export function isAllowedServiceUrl(serviceUrl: string, allowlist: readonly string[]): boolean {
  const candidate = safeUrl(serviceUrl);
  if (!candidate) return false;
  return allowlist.some((entry) => {
    const allowed = safeUrl(entry);
    if (!allowed) return false;
    const anyPort = allowed.port === '' && isLoopback(allowed.hostname);
    return (
      candidate.protocol === allowed.protocol &&
      candidate.hostname === allowed.hostname &&
      (anyPort || candidate.port === allowed.port) &&
      candidate.pathname.startsWith(allowed.pathname) &&
      candidate.username === '' &&
      candidate.password === ''
    );
  });
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

function safeUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch (error: unknown) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}
