import type { JWTVerifyGetKey } from 'jose';
import type { Clock } from '../../../bot/support/clock';
import { startTestApp, type TestApp } from '../app-harness';
import { startLoopbackConnector, type LoopbackConnector } from '../loopback-connector';
import {
  botAuthenticationFor,
  createTestCredentialsFactory,
  startBotFrameworkIssuer,
  testBotAppId,
  type BotFrameworkIssuer,
  type BotTokenOptions,
  type CredentialRequest,
} from './bot-framework-issuer';

/** The tab's Entra app and host in the authenticated test apps. */
export const tabClientId = 'tab-client';
export const tabDomain = 'lt.example.test';

/** Real credentials' configuration: bot credentials beside the tab's SSO settings. */
export const credentialEnv = {
  BOT_ID: testBotAppId,
  BOT_PASSWORD: 'x',
  AAD_APP_CLIENT_ID: tabClientId,
  TAB_DOMAIN: tabDomain,
};

export interface AuthenticatedApp {
  app: TestApp;
  connector: LoopbackConnector;
  issuer: BotFrameworkIssuer;
  credentialRequests: CredentialRequest[];
  /** A token for an activity sent to the loopback connector's serviceUrl. */
  token(options?: Partial<BotTokenOptions>): Promise<string>;
  /** POSTs an activity with a valid Bot Connector token (or the given Authorization header; null for none). */
  post(activity: unknown, authorization?: string | null): ReturnType<TestApp['post']>;
  close(): Promise<void>;
}

/**
 * The app with bot credentials configured, its Bot Framework authentication pointed at a loopback issuer,
 * and the loopback connector allowed as serviceUrl (loopback is only built in for local mode).
 */
export async function startAuthenticatedApp(
  options: { env?: Record<string, string>; ssoKeys?: JWTVerifyGetKey; clock?: Clock } = {},
): Promise<AuthenticatedApp> {
  const connector = await startLoopbackConnector();
  const issuer = await startBotFrameworkIssuer();
  const credentials = createTestCredentialsFactory();
  const app = await startTestApp({
    connector,
    env: { ...credentialEnv, SERVICE_URL_ALLOWLIST: connector.serviceUrl, ...options.env },
    botAuthentication: botAuthenticationFor(issuer, credentials.factory),
    ...(options.ssoKeys ? { ssoKeys: options.ssoKeys } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const token = (overrides: Partial<BotTokenOptions> = {}) =>
    issuer.token({ serviceUrl: connector.serviceUrl, ...overrides });
  return {
    app,
    connector,
    issuer,
    credentialRequests: credentials.requests,
    token,
    async post(activity, authorization) {
      const header = authorization === undefined ? `Bearer ${await token()}` : authorization;
      return app.post(activity, header === null ? {} : { authorization: header });
    },
    async close() {
      await app.close();
      await connector.close();
      await issuer.close();
    },
  };
}
