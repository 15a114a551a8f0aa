import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWTVerifyGetKey,
} from 'jose';
import { tabClientId } from './authenticated-app';

/** What a test may vary in a Teams SSO token (an Entra ID v2 access token for the tab's API). */
export interface SsoTokenOptions {
  tenantId: string;
  objectId?: string;
  name?: string;
  /** `https://login.microsoftonline.com/<tenantId>/v2.0` unless given. */
  issuer?: string;
  audience?: string;
  scope?: string | null;
  /** App roles, as an app token (client credentials) carries them. */
  roles?: string[];
  /** The client application (`azp`); the Teams web client unless given. */
  appId?: string;
  /** Seconds since the epoch; one hour from now unless given. */
  expiresAt?: number;
  signingKey?: CryptoKey;
  kid?: string;
}

export interface EntraSsoIssuer {
  /** The published keys, as the server's `ssoKeys`. */
  keys: JWTVerifyGetKey;
  kid: string;
  /** A key that is not published. */
  otherKey: CryptoKey;
  token(options: SsoTokenOptions): Promise<string>;
}

/** Plays Entra ID for Teams SSO: a signing key published as a local JWKS, and tokens signed with it. */
export async function createEntraSsoIssuer(): Promise<EntraSsoIssuer> {
  const published = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const kid = 'entra-test-key-1';
  const keys = createLocalJWKSet({
    keys: [{ ...(await exportJWK(published.publicKey)), kid, alg: 'RS256', use: 'sig' }],
  });
  return {
    keys,
    kid,
    otherKey: other.privateKey,
    async token(options) {
      const now = Math.floor(Date.now() / 1000);
      const objectId = options.objectId ?? 'oid-alice';
      const claims: Record<string, unknown> = {
        tid: options.tenantId,
        oid: objectId,
        name: options.name ?? 'Alice Principal',
        ver: '2.0',
        azp: options.appId ?? '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web client
        ...(options.roles ? { roles: options.roles } : {}),
      };
      const scope = options.scope === undefined ? 'access_as_user' : options.scope;
      if (scope !== null) claims.scp = scope;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? kid })
        .setIssuer(options.issuer ?? `https://login.microsoftonline.com/${options.tenantId}/v2.0`)
        .setAudience(options.audience ?? tabClientId)
        .setSubject(`sub-${objectId}`)
        .setIssuedAt(now - 60)
        .setNotBefore(now - 60)
        .setExpirationTime(options.expiresAt ?? now + 3600)
        .sign(options.signingKey ?? published.privateKey);
    },
  };
}
