import type { JWTVerifyGetKey } from 'jose';
import type { Request } from 'express';
import type { AppConfig } from '../config';
import { ApiError } from './api-error';
import { entraSigningKeys, verifyEntraToken } from './entra-token';

/** Who is calling the tab API. */
export interface Caller {
  tenantId: string;
  userId: string;
  name: string;
  /** True when identity came from local-mode headers rather than a Teams SSO token. */
  local: boolean;
}

export type IdentifyCaller = (req: Request) => Promise<Caller>;

/**
 * Local mode trusts `X-Local-User-*` headers (no Teams, no credentials); otherwise the caller must
 * present a Teams SSO token for this app, validated against Entra ID's published keys.
 */
export function createCallerIdentity(
  config: AppConfig,
  localTenantId: string,
  keys: JWTVerifyGetKey = entraSigningKeys(),
): IdentifyCaller {
  if (config.localMode) {
    return (req) => {
      const userId = req.header('x-local-user-id')?.trim() ?? '';
      const name = req.header('x-local-user-name')?.trim() || userId;
      if (!/^[\w.@:-]{1,128}$/.test(userId)) {
        return Promise.reject(
          new ApiError(
            401,
            'unauthenticated',
            'X-Local-User-Id: expected 1 to 128 letters, digits or . _ @ : -',
          ),
        );
      }
      return Promise.resolve({ tenantId: localTenantId, userId, name: name.slice(0, 128), local: true });
    };
  }
  const sso = config.sso;
  if (!sso) throw new Error('the tab API needs AAD_APP_CLIENT_ID outside local mode');
  return async (req) => {
    const token = /^Bearer (.+)$/i.exec(req.header('authorization') ?? '')?.[1];
    if (!token)
      throw new ApiError(401, 'unauthenticated', 'Authorization: expected a Teams SSO bearer token');
    const { tenantId, payload } = await verifyEntraToken(
      token,
      keys,
      sso,
      'the sign-in token is not valid; reload the tab',
    );
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes('access_as_user'))
      throw new ApiError(401, 'unauthenticated', 'token lacks the access_as_user scope');
    const userId = typeof payload.oid === 'string' ? payload.oid : '';
    if (!userId) throw new ApiError(401, 'unauthenticated', 'token has no user object id');
    const name = typeof payload.name === 'string' ? payload.name : userId;
    return { tenantId, userId, name, local: false };
  };
}
