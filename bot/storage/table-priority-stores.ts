import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type {
  BallotBox,
  ConsentBox,
  CandidateStore,
  DecisionLog,
  TeamStateStore,
  VoteStore,
} from '../app/priority-stores';
import { ConflictError, type TeamRef } from '../app/team-ref';
import { chainDecision, headOf, type HashText } from '../domain/decisions';
import type { Ballot } from '../domain/voting';
import { sha256Hex } from '../support/sha256';
import {
  ballotSchema,
  consentResponseSchema,
  candidateSchema,
  decisionLogEntrySchema,
  storedVoteSchema,
  teamPriorityStateSchema,
} from './domain-schemas';
import { parseEntity } from './entity-schema';
import { transactionsOf } from './entity-batch';
import { createGroupCommit } from './group-commit';
import { createJsonEntityTable } from './json-entities';
import { tableKey } from './keys';
import { isRestErrorWithStatus } from './rest-errors';

const teamPartition = (team: TeamRef) => tableKey(team.tenantId, team.teamId);

/** Candidates: one partition per team, so listing a team's candidates is one query. */
export function createTableCandidateStore(table: TableClient): CandidateStore {
  const rows = createJsonEntityTable(table, 'candidates', candidateSchema);
  return {
    create: async (team, candidate) => {
      await rows.insert(teamPartition(team), tableKey(candidate.id), candidate, { status: candidate.status });
    },
    get: (team, id) => rows.get(teamPartition(team), tableKey(id)),
    list: async (team) => (await rows.list(teamPartition(team))).map((row) => row.value),
    update: async (team, candidate, etag) => {
      await rows.replace(teamPartition(team), tableKey(candidate.id), candidate, etag, {
        status: candidate.status,
      });
    },
  };
}

/** Votes: one partition per team; `open` is a plain column so open votes are one filtered query. */
export function createTableVoteStore(table: TableClient): VoteStore {
  const rows = createJsonEntityTable(table, 'votes', storedVoteSchema);
  const openColumn = (stored: { vote: { status: string } }) => ({ open: stored.vote.status === 'open' });
  return {
    create: async (team, stored) => {
      await rows.insert(teamPartition(team), tableKey(stored.vote.id), stored, openColumn(stored));
    },
    get: (team, voteId) => rows.get(teamPartition(team), tableKey(voteId)),
    update: (team, stored, etag) =>
      rows.replace(teamPartition(team), tableKey(stored.vote.id), stored, etag, openColumn(stored)),
    listOpen: async (team) =>
      (await rows.list(teamPartition(team), { where: { property: 'open', equals: true } })).map(
        (row) => row.value,
      ),
  };
}

/**
 * Ballots: one partition per vote. A member's current ballot is the row `c|member` (so there is exactly
 * one), and each cast also inserts a history row, both in one entity-group transaction. The history row
 * is keyed by the delivery, so a redelivered invoke fails that transaction as a whole instead of writing
 * twice: the ballot's redelivery check costs no request of its own. Ballots cast at the same moment share
 * a transaction (group commit): a burst of a district's members voting costs a request per 50 ballots.
 */
export function createTableBallotBox(table: TableClient): BallotBox {
  const partition = (team: TeamRef, voteId: string) => tableKey(team.tenantId, team.teamId, voteId);
  const currentKey = (memberId: string) => `c|${tableKey(memberId)}`;
  const submit = transactionsOf(table);
  const groupCommit = createGroupCommit(submit);
  const toBallot = (entity: unknown) => {
    const row = parseEntity(ballotRow, entity, 'ballots');
    return parseEntity(ballotSchema, JSON.parse(row.data), 'ballots.data');
  };
  const historyRow = async (partitionKey: string, rowKey: string): Promise<Ballot | null> => {
    try {
      return toBallot(await table.getEntity(partitionKey, rowKey));
    } catch (error: unknown) {
      if (isRestErrorWithStatus(error, 404)) return null;
      throw error;
    }
  };
  return {
    cast(team, ballot, deliveryId) {
      const partitionKey = partition(team, ballot.voteId);
      const data = JSON.stringify(ballot);
      const delivery =
        deliveryId === null ? randomBytes(8).toString('hex') : sha256Hex(deliveryId).slice(0, 32);
      const historyKey = `h|${tableKey(ballot.memberId)}|${delivery}`;
      const actions: TransactionAction[] = [
        [
          'upsert',
          { partitionKey, rowKey: currentKey(ballot.memberId), memberId: ballot.memberId, data },
          'Replace',
        ],
        ['create', { partitionKey, rowKey: historyKey, memberId: ballot.memberId, data }],
      ];
      return groupCommit.write(partitionKey, {
        actions,
        together: { recorded: ballot, redelivered: false },
        async alone() {
          try {
            await submit(actions);
            return { recorded: ballot, redelivered: false };
          } catch (error: unknown) {
            // A 409 with this delivery's history row in place: an earlier attempt landed, whether Teams
            // redelivered the invoke or the client retried a batch whose answer was lost (a batch is all
            // or nothing). Any other 409 is a real failure.
            const earlier = isRestErrorWithStatus(error, 409)
              ? await historyRow(partitionKey, historyKey)
              : null;
            if (!earlier) throw error;
            return { recorded: earlier, redelivered: earlier.castAt !== ballot.castAt };
          }
        },
      });
    },
    async current(team, voteId) {
      const ballots = new Map<string, Ballot>();
      const filter = odata`PartitionKey eq ${partition(team, voteId)} and RowKey ge ${'c|'} and RowKey lt ${'c}'}`;
      for await (const entity of table.listEntities({ queryOptions: { filter } })) {
        const ballot = toBallot(entity);
        ballots.set(ballot.memberId, ballot);
      }
      return ballots;
    },
    async currentOf(team, voteId, memberId) {
      const filter = odata`PartitionKey eq ${partition(team, voteId)} and RowKey eq ${currentKey(memberId)}`;
      for await (const entity of table.listEntities({ queryOptions: { filter } })) return toBallot(entity);
      return null;
    },
    async history(team, voteId) {
      const found: Ballot[] = [];
      const filter = odata`PartitionKey eq ${partition(team, voteId)} and RowKey ge ${'h|'} and RowKey lt ${'h}'}`;
      for await (const entity of table.listEntities({ queryOptions: { filter } }))
        found.push(toBallot(entity));
      // Rows are keyed by delivery, not time: order each member's ballots by when they were cast.
      return found.sort((a, b) => a.memberId.localeCompare(b.memberId) || a.castAt.localeCompare(b.castAt));
    },
  };
}

const ballotRow = z.object({ data: z.string() }).passthrough();

/**
 * Decision log: insert-only rows keyed newest first, so the recent decisions are the first rows. Chained
 * rows are keyed by their sequence (L-3): two concurrent appends of the same sequence cannot both insert,
 * and the loser re-reads the head and chains after the winner. Their keys start with `!`, which sorts
 * before the digits of the older date-keyed rows (L-4), so newest first holds across both.
 */
export function createTableDecisionLog(
  table: TableClient,
  options: { hash?: HashText; maxAttempts?: number } = {},
): DecisionLog {
  const hash = options.hash ?? sha256Hex;
  const maxAttempts = options.maxAttempts ?? 8;
  const rows = createJsonEntityTable(table, 'decisions', decisionLogEntrySchema);
  const all = async (team: TeamRef) => (await rows.list(teamPartition(team))).map((row) => row.value);
  return {
    async append(team, decision) {
      for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
        const entries = await all(team);
        if (entries.some((entry) => entry.decision.id === decision.id)) {
          throw new ConflictError(`decisions: ${decision.id} is already in the log`);
        }
        const entry = chainDecision(headOf(entries), decision, hash);
        try {
          await rows.insert(teamPartition(team), chainedKey(entry.chain.sequence), entry);
          return;
        } catch (error: unknown) {
          // Another append took this sequence first: read the new head and chain after it.
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      throw new Error(`decisions: could not append ${decision.id} after ${maxAttempts} concurrent attempts`);
    },
    recent: async (team, limit) =>
      (await rows.list(teamPartition(team), { limit })).map((row) => row.value.decision),
    async get(team, decisionId) {
      return (await all(team)).find((entry) => entry.decision.id === decisionId)?.decision ?? null;
    },
    entries: async (team) => (await all(team)).reverse(),
  };
}

const maxSequence = 999_999_999_999;

/** The row key of the entry at this chain position: newest first, and unique per position (L-3). */
export function chainedKey(sequence: number): string {
  return `!${String(maxSequence - sequence).padStart(12, '0')}`;
}

/** The team's active priority and watch list: one row per team, changed only with its ETag. */
export function createTableTeamStateStore(table: TableClient): TeamStateStore {
  const rows = createJsonEntityTable(table, 'teamstate', teamPriorityStateSchema);
  return {
    get: (team) => rows.get(teamPartition(team), 'priority'),
    async save(team, state, etag) {
      if (etag === null) await rows.insert(teamPartition(team), 'priority', state);
      else await rows.replace(teamPartition(team), 'priority', state, etag);
    },
  };
}

/** Consent answers: one partition per round, one row per member (the latest answer replaces the earlier). */
export function createTableConsentBox(table: TableClient): ConsentBox {
  const rows = createJsonEntityTable(table, 'consents', consentResponseSchema);
  const partition = (team: TeamRef, roundId: string) => tableKey(team.tenantId, team.teamId, roundId);
  return {
    async respond(team, roundId, response) {
      const existing = await rows.get(partition(team, roundId), tableKey(response.memberId));
      if (existing)
        await rows.replace(partition(team, roundId), tableKey(response.memberId), response, existing.etag);
      else await rows.insert(partition(team, roundId), tableKey(response.memberId), response);
    },
    async responses(team, roundId) {
      return new Map(
        (await rows.list(partition(team, roundId))).map((row) => [row.value.memberId, row.value]),
      );
    },
  };
}
