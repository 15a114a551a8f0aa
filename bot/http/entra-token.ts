import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ApiError } from './api-error';

/** Entra ID's published signing keys, for every tenant. */
export function entraSigningKeys(): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL('https://login.microsoftonline.com/common/discovery/v2.0/keys'));
}

/** The app's own Entra registration, which every token the app accepts must be issued for. */
export interface EntraAudience {
  clientId: string;
  tabDomain: string;
  /** Empty: any tenant. */
  allowedTenants: string[];
}

/**
 * Verifies an Entra ID access token issued to this app (signature, expiry with 5 minutes' skew, audience
 * = the client id or its `api://` URI, issuer = the token's own tenant, the tenant allowlist) and answers
 * its claims with the tenant. `invalid` is the message for a token that does not verify.
 */
export async function verifyEntraToken(
  token: string,
  keys: JWTVerifyGetKey,
  app: EntraAudience,
  invalid: string,
): Promise<{ tenantId: string; payload: JWTPayload }> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      audience: [app.clientId, `api://${app.tabDomain}/${app.clientId}`],
      clockTolerance: 300,
    }));
  } catch {
    throw new ApiError(401, 'unauthenticated', invalid);
  }
  const tenantId = typeof payload.tid === 'string' ? payload.tid : '';
  if (
    !tenantId ||
    (payload.iss !== `https://login.microsoftonline.com/${tenantId}/v2.0` &&
      payload.iss !== `https://sts.windows.net/${tenantId}/`)
  )
    throw new ApiError(401, 'unauthenticated', 'token issuer does not match its tenant');
  if (app.allowedTenants.length > 0 && !app.allowedTenants.includes(tenantId))
    throw new ApiError(403, 'forbidden', 'this organisation is not allowed to use this app');
  return { tenantId, payload };
}
