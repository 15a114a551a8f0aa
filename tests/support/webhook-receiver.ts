import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the receiver got: its path, headers and raw body (the signature covers the raw bytes). */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** What the receiver answers next on a path: a status, or a redirect to another path of its own. */
export type ReceiverAnswer = number | { redirectTo: string };

/** A loopback webhook receiver playing a Workflows trigger; answers are scripted per path (200 by default). */
export interface WebhookReceiver {
  url(path: string): string;
  received: ReceivedWebhook[];
  on(path: string): ReceivedWebhook[];
  /** Answers queued for a path, used in order; after them, `fallback` (200 unless set). */
  script(path: string, answers: ReceiverAnswer[], fallback?: ReceiverAnswer): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const scripts = new Map<string, { queue: ReceiverAnswer[]; fallback: ReceiverAnswer }>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      const script = scripts.get(path);
      const answer = script?.queue.shift() ?? script?.fallback ?? 200;
      if (typeof answer === 'number') {
        res.statusCode = answer;
        res.end();
        return;
      }
      res.statusCode = 302;
      res.setHeader('Location', `${base}${answer.redirectTo}`);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    received,
    on: (path) => received.filter((each) => each.path === path),
    script(path, answers, fallback = 200) {
      scripts.set(path, { queue: [...answers], fallback });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
