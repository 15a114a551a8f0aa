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
import type { TeamRef } from '../app/team-ref';
import type { Ballot } from '../domain/voting';
import {
  ballotSchema,
  consentResponseSchema,
  candidateSchema,
  decisionSchema,
  storedVoteSchema,
  teamPriorityStateSchema,
} from './domain-schemas';
import { parseEntity } from './entity-schema';
import { createJsonEntityTable } from './json-entities';
import { tableKey } from './keys';

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
 * one), and each cast also inserts a history row, both in one entity-group transaction.
 */
export function createTableBallotBox(table: TableClient): BallotBox {
  const partition = (team: TeamRef, voteId: string) => tableKey(team.tenantId, team.teamId, voteId);
  const currentKey = (memberId: string) => `c|${tableKey(memberId)}`;
  const toBallot = (entity: unknown) => {
    const row = parseEntity(ballotRow, entity, 'ballots');
    return parseEntity(ballotSchema, JSON.parse(row.data), 'ballots.data');
  };
  return {
    async cast(team, ballot) {
      const partitionKey = partition(team, ballot.voteId);
      const data = JSON.stringify(ballot);
      const historyKey = `h|${tableKey(ballot.memberId)}|${ballot.castAt}|${randomBytes(4).toString('hex')}`;
      const actions: TransactionAction[] = [
        [
          'upsert',
          { partitionKey, rowKey: currentKey(ballot.memberId), memberId: ballot.memberId, data },
          'Replace',
        ],
        ['create', { partitionKey, rowKey: historyKey, memberId: ballot.memberId, data }],
      ];
      await table.submitTransaction(actions);
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
  };
}

const ballotRow = z.object({ data: z.string() }).passthrough();

/** Decision log: insert-only rows keyed newest first, so the recent decisions are the first rows. */
export function createTableDecisionLog(table: TableClient): DecisionLog {
  const rows = createJsonEntityTable(table, 'decisions', decisionSchema);
  const newestFirstKey = (decidedAt: string, id: string) =>
    `${String(9_999_999_999_999 - Date.parse(decidedAt)).padStart(13, '0')}|${tableKey(id)}`;
  return {
    append: async (team, decision) => {
      await rows.insert(teamPartition(team), newestFirstKey(decision.decidedAt, decision.id), decision);
    },
    recent: async (team, limit) => (await rows.list(teamPartition(team), { limit })).map((row) => row.value),
    async get(team, decisionId) {
      const all = await rows.list(teamPartition(team));
      return all.find((row) => row.value.id === decisionId)?.value ?? null;
    },
  };
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
