import type { Clock } from '../support/clock';
import type { Logger } from '../support/logger';
import { hashSecret } from '../support/secrets';
import type { ApiKeyRecord, ApiKeyStore } from './integration-stores';
import type { TeamRef } from './team-ref';

/** At most this many live keys per team. */
export const MAX_API_KEYS = 20;

/** The caller of the flows API: the team its key belongs to. */
export interface FlowCaller {
  team: TeamRef;
  key: ApiKeyRecord;
}

export interface ApiKeyService {
  /** The key itself is returned here only, once; null when the team already has the most keys. */
  create(
    team: TeamRef,
    input: { name: string; createdBy: string },
  ): Promise<{ key: string; record: ApiKeyRecord } | null>;
  list(team: TeamRef): Promise<ApiKeyRecord[]>;
  revoke(team: TeamRef, keyId: string): Promise<boolean>;
  /** The team of a live key; null for an unknown or revoked one. */
  authenticate(key: string): Promise<FlowCaller | null>;
}

/** Per-team API keys for Power Automate and other flows, stored as SHA-256 hashes. */
export function createApiKeyService(deps: {
  keys: ApiKeyStore;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  newKey: () => string;
}): ApiKeyService {
  return {
    async create(team, input) {
      const live = (await deps.keys.list(team)).filter((record) => record.revokedAt === null);
      if (live.length >= MAX_API_KEYS) return null;
      const key = deps.newKey();
      const record: ApiKeyRecord = {
        id: deps.newId(),
        tenantId: team.tenantId,
        teamId: team.teamId,
        name: input.name,
        prefix: key.slice(0, 8),
        createdAt: deps.clock.now().toISOString(),
        createdBy: input.createdBy,
        revokedAt: null,
      };
      await deps.keys.add(record, hashSecret(key));
      deps.logger.info('api key created', { ...team, keyId: record.id });
      return { key, record };
    },
    list: (team) => deps.keys.list(team),
    async revoke(team, keyId) {
      const revoked = await deps.keys.revoke(team, keyId, deps.clock.now().toISOString());
      if (revoked) deps.logger.info('api key revoked', { ...team, keyId });
      return revoked;
    },
    async authenticate(key) {
      if (key.length < 16 || key.length > 200) return null;
      const record = await deps.keys.findByHash(hashSecret(key));
      if (!record || record.revokedAt !== null) return null;
      return { team: { tenantId: record.tenantId, teamId: record.teamId }, key: record };
    },
  };
}
