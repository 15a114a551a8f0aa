import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TableClient, type TableEntityResult } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotReceipt } from '../../bot/app/vote-service';
import {
  isVoteDecision,
  verifyDecisionLog,
  type Decision,
  type DecisionLogEntry,
} from '../../bot/domain/decisions';
import type { Ballot } from '../../bot/domain/voting';
import { tableKey } from '../../bot/storage/keys';
import { createTableDecisionLog } from '../../bot/storage/table-priority-stores';
import { sha256Hex } from '../../bot/support/sha256';
import { verifyLog } from '../../scripts/lib/verify-log';
import { cardAction, channelMessage, testUser, type TeamContext, type TestUser } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';

const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');
const carol = testUser('Carol Coach');
const root = fileURLToPath(new URL('../..', import.meta.url));

type Row = TableEntityResult<Record<string, unknown>> & { partitionKey: string; rowKey: string };

/** The properties a row is written with (no ETag or timestamp), to put it back after tampering. */
function stored(row: Row): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    if (key !== 'etag' && key !== 'timestamp' && !key.startsWith('odata')) copy[key] = value;
  return copy as Record<string, unknown> & { partitionKey: string; rowKey: string };
}

describe('the tamper-evident decision log', () => {
  let app: TestApp;
  let team: TeamContext;
  let decisions: TableClient;
  let ballots: TableClient;
  const voteIds: string[] = [];
  const receiptsShown: string[] = [];

  const press = async (user: TestUser, verb: string, data: Record<string, unknown>, replyToId?: string) => {
    const result = await app.post(cardAction(team, user, verb, data, replyToId ? { replyToId } : {}));
    expect(result.status).toBe(200);
    return JSON.stringify((result.body as { value: unknown }).value);
  };
  const say = async (user: TestUser, text: string) => {
    const before = app.connector.calls.length;
    expect((await app.post(channelMessage(team, user, text))).status).toBe(200);
    await app.connector.waitFor((all) => all.length > before);
  };

  /** Proposes these candidates and opens a ranked vote on them: the vote, its card and the candidate ids. */
  const openRankedVote = async (titles: string[], settings: Record<string, unknown> = {}) => {
    for (const title of titles) await say(alice, `propose ${title}`);
    const before = app.connector.calls.length;
    const opened = await press(alice, 'vote.open', {
      method: 'ranked-choice',
      closesInHours: '48',
      quorumPercent: '50',
      ...settings,
    });
    expect(opened).toContain('opened a vote');
    const calls = await app.connector.waitFor((all) =>
      all.slice(before).some((call) => JSON.stringify(call.body).includes('ballot.view')),
    );
    const ballotCall = calls.slice(before).find((call) => JSON.stringify(call.body).includes('ballot.view'));
    const cardId = ballotCall?.assignedId as string;
    const voteId = /"voteId":"([^"]+)"/.exec(JSON.stringify(ballotCall?.body))?.[1] as string;
    const view = await press(bob, 'ballot.view', { voteId }, cardId);
    const ids = titles.map((title) => {
      const match = new RegExp(`"title":"${title}","value":"([^"]+)"`).exec(view);
      if (!match?.[1]) throw new Error(`no choice for ${title} in ${view}`);
      return match[1];
    });
    return { voteId, cardId, ids };
  };

  const receiptIn = (card: string) => /Receipt: ([0-9a-f]{12})/.exec(card)?.[1];

  /** A ranked vote on these candidates, three ballots (first choices by index), closed and announced. */
  const voteToDecision = async (
    titles: string[],
    firsts: number[],
    settings: Record<string, unknown> = {},
  ) => {
    const { voteId, cardId, ids } = await openRankedVote(titles, settings);
    for (const [index, user] of [alice, bob, carol].entries()) {
      const first = ids[firsts[index] ?? 0] as string;
      const second = ids.find((id) => id !== first) as string;
      const answer = await press(user, 'ballot.submit', { voteId, rank1: first, rank2: second }, cardId);
      const receipt = receiptIn(answer);
      expect(receipt).toBeTruthy();
      receiptsShown.push(receipt as string);
    }
    const closing = await app.connector.messagesDuring(() => press(alice, 'vote.close', { voteId }, cardId));
    expect(closing.messages).toContain('Announce decision');
    const announced = await press(
      alice,
      'decision.announce',
      { voteId, rationale: `Because of ${titles[0]}` },
      cardId,
    );
    expect(announced).toContain('Announced');
    voteIds.push(voteId);
    return voteId;
  };

  const verify = () => verifyLog({ config: app.config, teamId: team.teamId, tenantId: team.tenantId });
  const partition = () => tableKey(team.tenantId, team.teamId);
  const logRows = async () => {
    const rows: Row[] = [];
    for await (const row of decisions.listEntities<Record<string, unknown>>({
      queryOptions: { filter: `PartitionKey eq '${partition()}'` },
    }))
      rows.push(row as Row);
    return rows;
  };
  const entryOf = (row: Row) => JSON.parse(row.data0 as string) as DecisionLogEntry;

  beforeAll(async () => {
    app = await startTestApp();
    app.connector.setRoster('*', [alice, bob, carol]);
    team = await app.installInTeam({ teamId: '19:chain@thread.tacv2', teamName: 'Chain Leadership' });
    const client = (name: string) =>
      TableClient.fromConnectionString(
        app.config.storage.kind === 'connection-string' ? app.config.storage.connectionString : '',
        `${app.tablePrefix}${name}`,
        {
          allowInsecureConnection: true,
        },
      );
    decisions = client('decisions');
    ballots = client('ballots');
    await voteToDecision(
      ['Every student reads at grade level', 'Cut chronic absence in half', 'Peer observation'],
      [0, 0, 1],
    );
    await voteToDecision(['Family math nights', 'Restorative circles'], [1, 1, 0], {
      disposition: 'completed',
    });
  }, 90_000);
  afterAll(async () => {
    await app.close();
  });

  it('L-1: two announced decisions are stored as a chain of two that verifies', async () => {
    const rows = await logRows();
    const entries = rows.map(entryOf).reverse();
    expect(entries.map((e) => e.chain?.sequence)).toEqual([1, 2]);
    expect(entries[1]?.chain?.previousHash).toBe(entries[0]?.chain?.hash);
    expect(entries.map((e) => (isVoteDecision(e.decision) ? e.decision.result.voteId : null))).toEqual(
      voteIds,
    );

    const result = await verify();
    expect(result.exitCode).toBe(0);
    expect(result.report).toMatchObject({ intact: true, chained: 2, unchained: 0, issues: [] });
    expect(result.report?.head).toEqual(entries[1]?.chain);
    expect(result.text).toContain('OK: every entry matches its hash');
  });

  it('L-7: the receipt on each voter’s card is the hash of the ballot as stored, and verify-log lists it', async () => {
    const result = await verify();
    const listed = result.report?.decisions.flatMap((d) => d.receipts) ?? [];
    expect([...listed].sort()).toEqual([...receiptsShown].sort());
    const row = await ballots.getEntity<{ data: string }>(
      tableKey(team.tenantId, team.teamId, voteIds[0] as string),
      `c|${tableKey(bob.id)}`,
    );
    const ballot = JSON.parse(row.data) as Ballot;
    expect(receiptsShown[1]).toBe(ballotReceipt(ballot));
  });

  it('L-7: the voter sees the same receipt when opening their view again, and a new one after a change', async () => {
    const { voteId, cardId, ids } = await openRankedVote(['Later idea one', 'Later idea two'], {
      disposition: 'completed',
    });
    const [one, two] = ids as [string, string];
    const receipt = receiptIn(await press(carol, 'ballot.submit', { voteId, rank1: one }, cardId));
    expect(receipt).toMatch(/^[0-9a-f]{12}$/);
    expect(receiptIn(await press(carol, 'ballot.view', { voteId }, cardId))).toBe(receipt);
    const changed = receiptIn(
      await press(carol, 'ballot.submit', { voteId, rank1: two, rank2: one }, cardId),
    );
    expect(changed).toMatch(/^[0-9a-f]{12}$/);
    expect(changed).not.toBe(receipt);
    expect(receiptIn(await press(carol, 'ballot.view', { voteId }, cardId))).toBe(changed);
    expect(await press(alice, 'vote.close', { voteId }, cardId)).toBeTruthy();
  });

  it('L-5: a field edited directly in storage is reported, and the restored log verifies again', async () => {
    const [newest, oldest] = (await logRows()) as [Row, Row];
    const entry = entryOf(oldest);
    const edited = { ...entry, decision: { ...entry.decision, rationale: 'Quietly rewritten' } };
    await decisions.updateEntity({ ...stored(oldest), data0: JSON.stringify(edited) }, 'Replace');
    try {
      const result = await verify();
      expect(result.exitCode).toBe(1);
      expect(result.report?.issues.map((i) => [i.kind, i.sequence])).toEqual([['edited', 1]]);
      expect(result.text).toContain('TAMPERED: 1 problem found');
      expect(result.text).toContain('[L-5 edited] #1');
      // The app still reads the log: tampering is for the verifier to report, not a crash.
      expect(await press(bob, 'decisions.show', {})).toContain('Restorative circles');
    } finally {
      await decisions.updateEntity(stored(oldest), 'Replace');
    }
    expect(entryOf(newest).chain?.sequence).toBe(2);
    expect((await verify()).exitCode).toBe(0);
  });

  it('L-5: an entry deleted from storage is reported', async () => {
    const oldest = (await logRows())[1] as Row;
    await decisions.deleteEntity(oldest.partitionKey, oldest.rowKey);
    try {
      const result = await verify();
      expect(result.exitCode).toBe(1);
      expect(result.report?.issues.map((i) => i.kind)).toEqual(['deleted']);
      expect(result.text).toMatch(/#1 is missing before #2/);
    } finally {
      await decisions.createEntity(stored(oldest));
    }
    expect((await verify()).exitCode).toBe(0);
  });

  it('L-6: a ballot changed directly in storage is reported with the tally it no longer gives', async () => {
    const key = {
      partitionKey: tableKey(team.tenantId, team.teamId, voteIds[0] as string),
      rowKey: `c|${tableKey(carol.id)}`,
    };
    const row = (await ballots.getEntity<Record<string, unknown>>(key.partitionKey, key.rowKey)) as Row;
    const ballot = JSON.parse(row.data as string) as Ballot & { method: 'ranked-choice' };
    const changed = { ...ballot, ranking: [...ballot.ranking].reverse() };
    await ballots.updateEntity({ ...stored(row), data: JSON.stringify(changed) }, 'Replace');
    try {
      const result = await verify();
      expect(result.exitCode).toBe(1);
      expect(result.report?.issues.map((i) => [i.kind, i.sequence])).toEqual([
        ['ballot-edited', 1],
        ['tally-mismatch', 1],
      ]);
      expect(result.text).toContain('the stored ballots do not give the recorded result');
    } finally {
      await ballots.updateEntity(stored(row), 'Replace');
    }
    expect((await verify()).exitCode).toBe(0);
  });

  it('L-4: a decision stored before the log was chained still reads, and verifies as unchained', async () => {
    const first = entryOf((await logRows())[1] as Row).decision;
    if (!isVoteDecision(first)) throw new Error('expected a vote decision');
    const legacy: Decision = {
      ...first,
      id: 'decision-legacy',
      title: 'Chosen before the chain',
      decidedAt: '2024-01-01T00:00:00.000Z',
    };
    const rowKey = `${String(9_999_999_999_999 - Date.parse(legacy.decidedAt)).padStart(13, '0')}|${tableKey(legacy.id)}`;
    await decisions.createEntity({
      partitionKey: partition(),
      rowKey,
      chunks: 1,
      data0: JSON.stringify(legacy),
    });
    try {
      expect(await press(bob, 'decisions.show', {})).toContain('Chosen before the chain');
      const result = await verify();
      expect(result.report).toMatchObject({ intact: true, chained: 2, unchained: 1 });
      expect(result.text).toContain('1 unchained (written before the log was chained');
    } finally {
      await decisions.deleteEntity(partition(), rowKey);
    }
  });

  it('L-3: concurrent appends to one log all land, each chained after the one before', async () => {
    const log = createTableDecisionLog(decisions);
    const other = { tenantId: team.tenantId, teamId: '19:race@thread.tacv2' };
    const base = entryOf((await logRows())[0] as Row).decision;
    const made = Array.from({ length: 5 }, (_, i) => ({ ...base, id: `race-${i}`, teamId: other.teamId }));
    await Promise.all(made.map((decision) => log.append(other, decision)));
    await expect(log.append(other, made[0] as Decision)).rejects.toThrow(/already in the log/);
    const entries = await log.entries(other);
    expect(entries.map((e) => e.chain?.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(entries.map((e) => e.decision.id)).size).toBe(5);
    const report = verifyDecisionLog({ teamId: other.teamId, entries, votes: new Map() }, sha256Hex);
    expect(report.issues.filter((i) => i.rule !== 'L-6')).toEqual([]);
  });

  it('runs as `npm run verify-log`: exit code 0 when intact, 1 with the report when tampered, 2 without --team', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/verify-log.ts', ...args], {
          cwd: root,
          env: {
            ...process.env,
            AZURE_STORAGE_CONNECTION_STRING:
              app.config.storage.kind === 'connection-string' ? app.config.storage.connectionString : '',
            TABLE_PREFIX: app.tablePrefix,
          },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });

    const intact = await run(['--team', team.teamId]);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain(`Decision log of team ${team.teamId} (tenant ${team.tenantId})`);

    const newest = (await logRows())[0] as Row;
    const entry = entryOf(newest);
    const edited = { ...entry, decision: { ...entry.decision, title: 'Something else entirely' } };
    await decisions.updateEntity({ ...stored(newest), data0: JSON.stringify(edited) }, 'Replace');
    try {
      const tampered = await run(['--team', team.teamId, '--tenant', team.tenantId]);
      expect(tampered.code).toBe(1);
      expect(tampered.stdout).toContain('TAMPERED');
      expect(tampered.stdout).toContain('[L-5 edited] #2');
    } finally {
      await decisions.updateEntity(stored(newest), 'Replace');
    }
    const usage = await run([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--team is required');
  }, 60_000);
});
