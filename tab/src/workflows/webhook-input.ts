import { MAX_KEY_NAME_LENGTH, MAX_URL_LENGTH, type EventType } from './workflows-schemas';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What the form checks before sending: a message to show, or the value to send. */
export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/**
 * The webhook form's values, checked as the server will check them, so most mistakes are named before
 * sending: an https:// URL without a user name or password (plain http only to this machine, in local
 * mode), and at least one event. The server still has the last word (private networks, for one).
 */
export function checkWebhookInput(
  input: { url: string; events: readonly EventType[] },
  options: { localMode: boolean },
): Checked<{ url: string; events: EventType[] }> {
  const raw = input.url.trim();
  if (raw === '')
    return { ok: false, field: 'url', message: 'Paste the URL that should receive the events.' };
  if (raw.length > MAX_URL_LENGTH)
    return { ok: false, field: 'url', message: `The URL is longer than ${MAX_URL_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, field: 'url', message: 'The URL must start with https://' };
  }
  const isLoopback = loopbackHosts.has(url.hostname) || url.hostname.startsWith('127.');
  const plainAllowed = options.localMode && isLoopback && url.protocol === 'http:';
  if (url.protocol !== 'https:' && !plainAllowed)
    return { ok: false, field: 'url', message: 'The URL must start with https://' };
  if (url.username || url.password)
    return { ok: false, field: 'url', message: 'The URL must not contain a user name or password.' };
  if (input.events.length === 0)
    return { ok: false, field: 'events', message: 'Choose at least one event to send.' };
  return { ok: true, value: { url: raw, events: [...input.events] } };
}

/** An API key's name: what the owner will recognise it by (e.g. the flow that uses it). */
export function checkKeyName(name: string): Checked<string> {
  const trimmed = name.trim();
  if (trimmed === '')
    return { ok: false, field: 'name', message: 'Name the key, e.g. after the flow that will use it.' };
  if (trimmed.length > MAX_KEY_NAME_LENGTH)
    return {
      ok: false,
      field: 'name',
      message: `The name is longer than ${MAX_KEY_NAME_LENGTH} characters.`,
    };
  return { ok: true, value: trimmed };
}
