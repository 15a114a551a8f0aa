import { fail, ok, type Result } from '../domain/voting';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a URL may receive webhooks: HTTPS only, no credentials in it; plain http to this machine only
 * in local mode. Outside local mode, addresses on this machine or a private network are refused too, so a
 * webhook cannot be aimed at the server's own neighbourhood (names are not resolved here).
 */
export function checkWebhookUrl(raw: string, options: { localMode: boolean }): Result<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error: unknown) {
    if (error instanceof TypeError) return fail('url', 'expected an absolute https:// URL');
    throw error;
  }
  if (url.username || url.password) return fail('url', 'must not contain a user name or password');
  const isLoopback = loopbackHosts.has(url.hostname) || url.hostname.startsWith('127.');
  if (url.protocol === 'http:' && !(options.localMode && isLoopback))
    return fail('url', 'expected https:// (plain http only to this machine, in local mode)');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('url', 'expected an https:// URL');
  if (!options.localMode && (isLoopback || isPrivateAddress(url.hostname)))
    return fail('url', 'must be reachable on the internet, not this machine or a private network');
  return ok(url.toString());
}

function isPrivateAddress(hostname: string): boolean {
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(hostname);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 10 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    );
  }
  // IPv6 literals: unique-local (fc00::/7), link-local (fe80::/10), and IPv4-mapped.
  return /^\[(f[cd]|fe[89ab]|::ffff:)/i.test(hostname);
}
