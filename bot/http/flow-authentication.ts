import type { JWTVerifyGetKey } from 'jose';
import type { ApiKeyService } from '../app/api-key-service';
import type { TeamRef } from '../app/team-ref';
import { ApiError } from './api-error';
import { verifyEntraToken, type EntraAudience } from './entra-token';

/** The app role (infra/entra/aad.manifest.json) an Entra ID app token must carry to call the flows API. */
export const FLOWS_APP_ROLE = 'Flows.ReadWrite';

/** Who calls the flows API: a team's API key, or an Entra ID app of a tenant (client credentials). */
export type FlowClient =
  | { kind: 'api-key'; team: TeamRef; id: string; name: string }
  | { kind: 'entra-app'; tenantId: string; id: string; name: string };

export type AuthenticateFlow = (authorization: string | undefined) => Promise<FlowClient>;

const jwtShape = /^[\w-]+\.[\w-]+\.[\w-]+$/;

function unauthorized(message: string): ApiError {
  return new ApiError(401, 'unauthorized', message, { field: 'Authorization' });
}

/**
 * `Authorization: Bearer <API key>` or `Bearer <Entra ID access token>`. The token must be an app token
 * (client credentials: no user scope) for this app with the Flows.ReadWrite role; it reaches the teams of
 * its own tenant only. Without Entra ID configured (local mode) only API keys are taken.
 */
export function createFlowAuthentication(deps: {
  apiKeys: ApiKeyService;
  entra: EntraAudience | null;
  keys: JWTVerifyGetKey;
}): AuthenticateFlow {
  return async (authorization) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!bearer) throw unauthorized('Authorization: send Bearer <API key> or Bearer <Entra ID app token>');
    if (!jwtShape.test(bearer)) {
      const caller = await deps.apiKeys.authenticate(bearer);
      if (!caller) throw unauthorized('Authorization: this API key is not valid or was revoked');
      return { kind: 'api-key', team: caller.team, id: caller.key.id, name: caller.key.name };
    }
    if (!deps.entra)
      throw unauthorized('Authorization: Entra ID tokens are taken only when the app has its Entra ID app');
    const { tenantId, payload } = await verifyEntraToken(
      bearer,
      deps.keys,
      deps.entra,
      'Authorization: the Entra ID token is not valid (signature, audience or expiry)',
    );
    if (payload.scp !== undefined)
      throw unauthorized('Authorization: a user token was sent; flows use an app token (client credentials)');
    const roles = Array.isArray(payload.roles) ? payload.roles : [];
    if (!roles.includes(FLOWS_APP_ROLE))
      throw new ApiError(
        403,
        'forbidden',
        `Authorization: the app token lacks the ${FLOWS_APP_ROLE} app role`,
        {
          field: 'Authorization',
        },
      );
    const appId =
      typeof payload.azp === 'string' ? payload.azp : typeof payload.appid === 'string' ? payload.appid : '';
    if (!appId) throw unauthorized('Authorization: the app token names no client application');
    return { kind: 'entra-app', tenantId, id: `app:${appId}`, name: `Entra ID app ${appId}` };
  };
}
