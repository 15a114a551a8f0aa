import { odata } from '@azure/data-tables';
import { auditDecisionLog, formatDecisionLogReport } from '../../bot/app/decision-log-audit';
import type { TeamRef } from '../../bot/app/team-ref';
import type { AppConfig } from '../../bot/config';
import type { DecisionLogReport } from '../../bot/domain/decisions';
import { CorruptEntityError } from '../../bot/storage/entity-schema';
import { tableKey } from '../../bot/storage/keys';
import {
  createTableBallotBox,
  createTableDecisionLog,
  createTableVoteStore,
} from '../../bot/storage/table-priority-stores';
import { openTableSet, type TableSet } from '../../bot/storage/table-set';
import { sha256Hex } from '../../bot/support/sha256';

/** A request the verifier cannot answer as asked (unknown team, ambiguous tenant): exit code 2. */
export class VerifyLogUsageError extends Error {
  override name = 'VerifyLogUsageError';
}

export interface VerifyLogOptions {
  config: AppConfig;
  teamId: string;
  /** Looked up in the teams table when omitted. */
  tenantId?: string;
  /** Hashes printed by an earlier run; reported when no entry has them any more. */
  knownHashes?: readonly string[];
  /** List every counted ballot's receipt under its decision. */
  receipts?: boolean;
}

export interface VerifyLogResult {
  /** 0: intact; 1: tampering or damage found. */
  exitCode: 0 | 1;
  team: TeamRef;
  /** Null when a row could not even be read back. */
  report: DecisionLogReport | null;
  text: string;
}

/** `npm run verify-log`: verifies one team's decision log in the storage the server is configured with. */
export async function verifyLog(options: VerifyLogOptions): Promise<VerifyLogResult> {
  const tables = await openTableSet(options.config.storage, options.config.tablePrefix);
  const team: TeamRef = {
    teamId: options.teamId,
    tenantId: options.tenantId ?? (await tenantOf(tables, options.teamId)),
  };
  const deps = {
    decisions: createTableDecisionLog(tables.table('decisions')),
    votes: createTableVoteStore(tables.table('votes')),
    ballots: createTableBallotBox(tables.table('ballots')),
    hash: sha256Hex,
  };
  try {
    const report = await auditDecisionLog(deps, team, {
      ...(options.knownHashes ? { knownHashes: options.knownHashes } : {}),
    });
    return {
      exitCode: report.intact ? 0 : 1,
      team,
      report,
      text: formatDecisionLogReport(report, team, { receipts: options.receipts ?? false }),
    };
  } catch (error: unknown) {
    // A row that no longer parses is damage too: report it rather than crash.
    if (!(error instanceof CorruptEntityError)) throw error;
    return {
      exitCode: 1,
      team,
      report: null,
      text: `Decision log of team ${team.teamId} (tenant ${team.tenantId})\nTAMPERED: a stored row no longer reads back: ${error.message}\n`,
    };
  }
}

async function tenantOf(tables: TableSet, teamId: string): Promise<string> {
  const tenants: string[] = [];
  const filter = odata`RowKey eq ${tableKey(teamId)}`;
  for await (const entity of tables
    .table('teams')
    .listEntities<{ tenantId?: unknown }>({ queryOptions: { filter } })) {
    if (typeof entity.tenantId === 'string') tenants.push(entity.tenantId);
  }
  const [only] = tenants;
  if (tenants.length === 1 && only !== undefined) return only;
  if (tenants.length === 0)
    throw new VerifyLogUsageError(`no team "${teamId}" has the app installed; pass --tenant <tenantId>`);
  throw new VerifyLogUsageError(
    `team "${teamId}" is in several tenants (${tenants.join(', ')}); pass --tenant <tenantId>`,
  );
}
