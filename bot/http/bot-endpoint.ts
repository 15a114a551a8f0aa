import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config';
import type { Logger } from '../support/logger';
import { parseIncomingActivity } from '../teams/activity-schema';
import type { TeamsBot } from '../teams/create-teams-bot';
import { isAllowedServiceUrl } from '../teams/service-url';
import { apiErrorBody, internalErrorMessage } from './api-error';
import { securityHeaders } from './security-headers';

/** The Bot Connector's activities are small; a larger body is refused before it is read in full. */
const maxBodyBytes = 256 * 1024;

export interface BotEndpointDeps {
  bot: TeamsBot;
  config: AppConfig;
  logger: Logger;
}

/** True for the Bot Connector's POSTs to /api/messages (a trailing slash and any case, as Express routes). */
export function isBotEndpointRequest(req: IncomingMessage): boolean {
  const path = (req.url ?? '').split('?', 1)[0]?.toLowerCase();
  return req.method === 'POST' && (path === '/api/messages' || path === '/api/messages/');
}

/** A refusal of the request, with the status and body the API gives every error. */
class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * POST /api/messages, served without Express: every press of every ballot card comes here, and Express's
 * router, body parser and response helpers cost about a fifth of the server's CPU per press
 * (`npm run bench`). It answers as the rest of the API does: the same headers and error bodies.
 */
export function createBotEndpoint(deps: BotEndpointDeps) {
  const { bot, config, logger } = deps;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...securityHeaders,
      ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  };

  const readJson = async (req: IncomingMessage): Promise<unknown> => {
    const type = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity')
      throw new RequestRefused(415, 'bad_request', `Content-Encoding: "${encoding}" is not accepted`);
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes)
      throw new RequestRefused(413, 'bad_request', 'body: too large');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBodyBytes) throw new RequestRefused(413, 'bad_request', 'body: too large');
      chunks.push(chunk);
    }
    // Only a JSON body is read as one; anything else is an activity that is not there.
    if (type !== 'application/json') return undefined;
    try {
      return JSON.parse(Buffer.concat(chunks, size).toString('utf8')) as unknown;
    } catch (error: unknown) {
      if (error instanceof SyntaxError)
        throw new RequestRefused(400, 'bad_request', 'body: expected valid JSON');
      throw error;
    }
  };

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const parsed = parseIncomingActivity(await readJson(req));
    if (!parsed.ok) {
      logger.warn('malformed activity refused', { error: parsed.error });
      throw new RequestRefused(400, 'bad_activity', parsed.error);
    }
    if (!isAllowedServiceUrl(parsed.activity.serviceUrl, config.serviceUrlAllowlist)) {
      logger.warn('activity from a serviceUrl outside the allowlist refused', {
        serviceUrl: parsed.activity.serviceUrl,
      });
      throw new RequestRefused(
        403,
        'service_url_not_allowed',
        'serviceUrl: not an allowed Bot Connector host',
      );
    }
    const { status, body } = await bot.answer(parsed.activity, req.headers.authorization ?? '');
    send(res, status, body);
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    answer(req, res).catch((error: unknown) => {
      // The connector hung up mid-request: there is no one to answer, and nothing went wrong here.
      if (req.readableAborted) return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof RequestRefused) {
        send(res, error.status, apiErrorBody(error.code, error.message));
        // The rest of a refused body is not read: close the connection rather than leave it waiting.
        if (!req.complete) res.once('finish', () => req.destroy());
        return;
      }
      logger.error('request failed', { error });
      send(res, 500, apiErrorBody('internal', internalErrorMessage));
    });
  };
}
