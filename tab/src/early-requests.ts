import { sendRequest, type Identity, type RequestOptions } from './api';

/** An answer asked for early waits this long for its reader; after that the reader asks again. */
const KEEP_MS = 10_000;

interface Early {
  identity: Identity;
  at: number;
  response: Promise<Response>;
}

const early = new Map<string, Early>();

/**
 * Starts a GET before the component that reads it is on the page (a view's data while the view's own
 * code loads), so that the two happen together instead of one after the other.
 */
export function requestEarly(identity: Identity, path: string): void {
  const known = early.get(path);
  if (known && known.identity === identity && Date.now() - known.at < KEEP_MS) return;
  const response = sendRequest(identity, path);
  // A failed early request is its reader's to ask again.
  response.catch(() => undefined);
  early.set(path, { identity, at: Date.now(), response });
}

/** The answer asked for early for this caller and path, once, if it came; null if none, stale or failed. */
export async function takeEarly(
  identity: Identity,
  path: string,
  signal?: AbortSignal,
): Promise<Response | null> {
  const known = early.get(path);
  early.delete(path);
  const fresh = known && known.identity === identity && Date.now() - known.at < KEEP_MS;
  const response = fresh ? await known.response.catch(() => null) : null;
  // A reader that gave up meanwhile must not get an answer, as an aborted fetch would not.
  signal?.throwIfAborted();
  return response;
}

/** The early answer for this caller and path if one came, else the same GET sent now. */
export async function earlyOrNow(
  identity: Identity,
  path: string,
  options: RequestOptions,
): Promise<Response> {
  return (await takeEarly(identity, path, options.signal)) ?? sendRequest(identity, path, options);
}
