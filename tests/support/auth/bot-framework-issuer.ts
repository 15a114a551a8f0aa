import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { TokenCredentials, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { TeamsAdapterOverrides } from '../../../bot/teams/create-teams-bot';

/** A JWKS entry as the Bot Framework publishes it: the channels a key may sign for ride along. */
type EndorsedJwk = JWK & { endorsements: string[] };

/** The Bot Framework app id the authenticated test apps run with (BOT_ID). */
export const testBotAppId = 'test-bot-app-id';

/** What a test may vary in a Bot Connector token; everything else is what the real connector sends. */
export interface BotTokenOptions {
  serviceUrl: string;
  issuer?: string;
  audience?: string;
  /** Seconds since the epoch; one hour from now unless given. */
  expiresAt?: number;
  notBefore?: number;
  /** Sign with this key instead of the published one. */
  signingKey?: CryptoKey;
  /** The `kid` header; the published key's id unless given. */
  kid?: string;
  /** Extra claims. */
  claims?: Record<string, unknown>;
}

export interface BotFrameworkIssuer {
  /** The OpenID metadata document botbuilder reads (`{ issuer, jwks_uri }`). */
  metadataUrl: string;
  issuer: string;
  kid: string;
  /** A key that is not published, for forged tokens. */
  otherKey: CryptoKey;
  /** A published key endorsed only for another channel (webchat), not msteams. */
  webchatOnly: { key: CryptoKey; kid: string };
  /** How often the JWKS was fetched. */
  jwksFetches(): number;
  /** A token as the Bot Connector signs it for the bot. */
  token(options: BotTokenOptions): Promise<string>;
  close(): Promise<void>;
}

/**
 * Plays the Bot Framework's token issuer on loopback: an OpenID metadata document and a JWKS whose
 * keys carry channel endorsements, as https://login.botframework.com/v1/.well-known/openidconfiguration does.
 */
export async function startBotFrameworkIssuer(): Promise<BotFrameworkIssuer> {
  const published = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const webchat = await generateKeyPair('RS256');
  const kid = 'bf-test-key-1';
  const webchatKid = 'bf-test-key-webchat';
  const jwk = async (key: CryptoKey, keyId: string, endorsements: string[]): Promise<EndorsedJwk> => ({
    ...(await exportJWK(key)),
    kid: keyId,
    kty: 'RSA',
    use: 'sig',
    endorsements,
  });
  const keys = [
    await jwk(published.publicKey, kid, ['msteams', 'webchat']),
    await jwk(webchat.publicKey, webchatKid, ['webchat']),
  ];

  let fetches = 0;
  const app = express();
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/bot-framework-issuer`;
  app.get('/v1/.well-known/openidconfiguration', (_req, res) => {
    res.json({
      issuer,
      authorization_endpoint: `${base}/authorize`,
      jwks_uri: `${base}/v1/.well-known/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    });
  });
  app.get('/v1/.well-known/keys', (_req, res) => {
    fetches += 1;
    res.json({ keys });
  });

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    issuer,
    kid,
    otherKey: other.privateKey,
    webchatOnly: { key: webchat.privateKey, kid: webchatKid },
    jwksFetches: () => fetches,
    async token(options) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ serviceurl: options.serviceUrl, ...options.claims })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? kid })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? testBotAppId)
        .setNotBefore(options.notBefore ?? now - 60)
        .setExpirationTime(options.expiresAt ?? now + 3600)
        .sign(options.signingKey ?? published.privateKey);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** One outbound credential the bot asked for (to reply through the connector). */
export interface CredentialRequest {
  appId: string;
  audience: string | undefined;
}

/**
 * Credentials that need no Entra ID: the bot's app id is the only valid one, authentication is on, and
 * outbound calls carry a dummy token. Records what the adapter asked for.
 */
export function createTestCredentialsFactory(appId = testBotAppId): {
  factory: ServiceClientCredentialsFactory;
  requests: CredentialRequest[];
} {
  const requests: CredentialRequest[] = [];
  const factory: ServiceClientCredentialsFactory = {
    isValidAppId: (candidate) => Promise.resolve(candidate === appId),
    isAuthenticationDisabled: () => Promise.resolve(false),
    createCredentials: (requestedAppId, audience) => {
      requests.push({ appId: requestedAppId, audience });
      if (requestedAppId !== appId) return Promise.reject(new Error(`no credentials for ${requestedAppId}`));
      return Promise.resolve(new TokenCredentials('dummy-outbound-token'));
    },
  };
  return { factory, requests };
}

/** The adapter overrides pointing botbuilder at the loopback issuer, with network-free credentials. */
export function botAuthenticationFor(
  issuer: BotFrameworkIssuer,
  factory: ServiceClientCredentialsFactory,
): TeamsAdapterOverrides {
  return {
    authConfig: {
      ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl,
      ToBotFromChannelTokenIssuer: issuer.issuer,
    },
    credentialsFactory: factory,
  };
}
