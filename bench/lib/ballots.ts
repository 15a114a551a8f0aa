import { TableClient } from '@azure/data-tables';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../bot/config';
import { startServer, type RunningServer } from '../../bot/composition-root';
import { systemClock } from '../../bot/support/clock';
import type { Logger } from '../../bot/support/logger';
import { startAzurite } from '../../scripts/lib/azurite';
import { cardAction, testUser, type TeamContext, type TestUser } from '../../tests/support/activities';
import {
  startLoopbackConnector,
  type ConnectorCall,
  type LoopbackConnector,
} from '../../tests/support/loopback-connector';
import { openVote } from './open-vote';
import { postActivity } from './post-activity';
import { createRequestCounter } from './storage-counter';
import { maxInWindow, percentile, round, runPool } from './stats';

export interface BallotRunResult {
  members: number;
  concurrency: number;
  raw: { callsPerRound: number; rounds: number[]; perSecond: number; failures: number };
  /** CPU seconds used during the ballot invokes: this process (server, connector, client) and Azurite. */
  cpuSeconds: { benchProcess: number; azurite: number | null; wallSeconds: number };
  app: {
    ballots: number;
    seconds: number;
    perSecond: number;
    failures: number;
    failureSamples: string[];
  };
  ratio: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  cardUpdates: {
    total: number;
    max1s: number;
    max30s: number;
    perConversation: Record<string, { total: number; max1s: number; max30s: number }>;
    settleMs: number;
    finalTurnout: string | null;
    finalShowsAll: boolean;
  };
  storage: {
    /** From the first ballot sent until the card queue settled. */
    requests: number;
    perBallot: number;
    /** Only while invokes were in flight (before the queue's tail). */
    requestsDuringInvokes: number;
    byOperation: Record<string, number>;
  };
  log: { errors: number; warnings: number; samples: string[] };
}

const tablePrefix = 'bench';

/** A logger that keeps quiet but counts what the app reports as wrong. */
function countingLogger() {
  const log = { errors: 0, warnings: 0, samples: [] as string[] };
  const keep = (level: string, message: string, fields?: Record<string, unknown>) => {
    if (log.samples.length < 5) {
      const error = fields?.error;
      const detail = error instanceof Error ? `: ${error.message}` : '';
      log.samples.push(`${level} ${message}${detail}`);
    }
  };
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: (message, fields) => {
      log.warnings += 1;
      keep('warn', message, fields);
    },
    error: (message, fields) => {
      log.errors += 1;
      keep('error', message, fields);
    },
  };
  return { logger, log };
}

/** Wraps the connector's call list so each recorded call gets the time it arrived. */
function stampCalls(calls: ConnectorCall[]): Map<ConnectorCall, number> {
  const stamps = new Map<ConnectorCall, number>();
  const push = calls.push.bind(calls);
  Object.defineProperty(calls, 'push', {
    value: (...items: ConnectorCall[]) => {
      const at = performance.now();
      for (const item of items) stamps.set(item, at);
      return push(...items);
    },
  });
  return stamps;
}

const timeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms).unref(),
    ),
  ]);

/**
 * Raw upserts straight to the same Azurite, at the same concurrency: the ceiling the bot is compared with.
 * Three rounds; the median counts (the machine may be shared, so one round is noisy).
 */
async function rawUpserts(connectionString: string, callsPerRound: number, concurrency: number) {
  const client = TableClient.fromConnectionString(connectionString, 'benchrawupserts', {
    allowInsecureConnection: true,
  });
  await client.createTable();
  // A ballot row is about this big: its JSON in one string column.
  const data = JSON.stringify({
    ranking: ['x'.repeat(36), 'y'.repeat(36), 'z'.repeat(36)],
    pad: 'p'.repeat(120),
  });
  let failures = 0;
  const upsert = async (rowKey: string) => {
    try {
      await client.upsertEntity({ partitionKey: 'raw', rowKey, memberId: rowKey, data }, 'Replace');
    } catch {
      failures += 1;
    }
  };
  await runPool(100, concurrency, (index) => upsert(`warm${index}`));
  const rounds: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    const started = performance.now();
    await runPool(callsPerRound, concurrency, (index) => upsert(`r${round}-${index}`));
    rounds.push(callsPerRound / ((performance.now() - started) / 1000));
  }
  const median = [...rounds].sort((a, b) => a - b)[1] ?? 0;
  return { callsPerRound, rounds: rounds.map((rate) => round(rate)), perSecond: round(median), failures };
}

/** CPU seconds a process has used so far (Linux /proc; null elsewhere). */
function cpuSecondsOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after "pid (comm) ".
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Measures 1–4: ballots through the bot against one fresh Azurite, with raw upserts as the reference. */
export async function runBallots(options: {
  members: number;
  concurrency: number;
}): Promise<BallotRunResult> {
  const { members: count, concurrency } = options;
  const azurite = await startAzurite();
  let connector: LoopbackConnector | null = null;
  let server: RunningServer | null = null;
  try {
    connector = await startLoopbackConnector();
    const stamps = stampCalls(connector.calls);
    const members = Array.from({ length: count }, (_, index) =>
      testUser(`Member ${String(index + 1).padStart(5, '0')}`),
    );
    connector.setRoster('*', members);
    const counter = createRequestCounter(tablePrefix);
    const { logger, log } = countingLogger();
    server = await startServer({
      config: loadConfig({
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        TABLE_PREFIX: tablePrefix,
        PORT: '0',
        LOG_LEVEL: 'warn',
      }),
      clock: systemClock,
      logger,
      schedulerIntervalMs: 0,
      storageClientOptions: { additionalPolicies: [{ policy: counter.policy, position: 'perCall' }] },
    });
    const team: TeamContext = {
      tenantId: 'tenant-bench',
      teamId: '19:bench@thread.tacv2',
      teamName: 'Bench Leadership',
      channelId: '19:bench@thread.tacv2',
      serviceUrl: connector.serviceUrl,
    };

    const raw = await rawUpserts(azurite.connectionString, Math.max(count, 500), concurrency);
    const { voteId, cardId, candidateIds } = await openVote(server, connector, team, members);

    // The ballot phase.
    const running = server;
    // Warm-up, as the raw upserts have: every member opens the ballot once (read-only), so the measured
    // phase meets warm code and open connections, as a server that has been up a while does.
    await runPool(count, concurrency, async (index) => {
      const member = members[index] as TestUser;
      await postActivity(running, cardAction(team, member, 'ballot.view', { voteId }, { replyToId: cardId }));
    });
    const latencies: number[] = [];
    const failureSamples: string[] = [];
    let failures = 0;
    // Only what the app logs during the ballot phase counts (not its start-up notices).
    log.errors = 0;
    log.warnings = 0;
    log.samples.splice(0);
    const cpuBefore = process.cpuUsage();
    const azuriteCpuBefore = cpuSecondsOf(azurite.process.pid);
    const phaseStart = performance.now();
    counter.start();
    await runPool(count, concurrency, async (index) => {
      const member = members[index] as TestUser;
      const ranking = candidateIds.map((_, place) => candidateIds[(index + place) % candidateIds.length]);
      const data: Record<string, unknown> = { voteId };
      ranking.forEach((id, place) => (data[`rank${place + 1}`] = id));
      const started = performance.now();
      try {
        const result = await postActivity(
          running,
          cardAction(team, member, 'ballot.submit', data, { replyToId: cardId }),
        );
        latencies.push(performance.now() - started);
        if (result.status !== 200 || !result.text.includes('Your ballot:')) {
          failures += 1;
          if (failureSamples.length < 3)
            failureSamples.push(`HTTP ${result.status} ${result.text.slice(0, 200)}`);
        }
      } catch (error: unknown) {
        latencies.push(performance.now() - started);
        failures += 1;
        if (failureSamples.length < 3)
          failureSamples.push(error instanceof Error ? error.message : String(error));
      }
    });
    const phaseEnd = performance.now();
    const cpuUsed = process.cpuUsage(cpuBefore);
    const azuriteCpuAfter = cpuSecondsOf(azurite.process.pid);
    const requestsDuringInvokes = counter.total();
    await timeout(running.settle(), 120_000, 'the card update queue');
    const settled = performance.now();
    counter.stop();

    // Card updates of the shared ballot card during the phase and its tail.
    const updates = connector.calls.filter(
      (call) =>
        call.kind === 'update' &&
        call.activityId === cardId &&
        (stamps.get(call) ?? 0) >= phaseStart &&
        (stamps.get(call) ?? 0) <= settled,
    );
    const perConversation: BallotRunResult['cardUpdates']['perConversation'] = {};
    for (const conversationId of new Set(updates.map((call) => call.conversationId))) {
      const times = updates
        .filter((call) => call.conversationId === conversationId)
        .map((call) => stamps.get(call) ?? 0);
      perConversation[conversationId] = {
        total: times.length,
        max1s: maxInWindow(times, 1_000),
        max30s: maxInWindow(times, 30_000),
      };
    }
    const lastUpdate = connector.calls
      .filter((call) => call.kind === 'update' && call.activityId === cardId)
      .pop();
    const finalTurnout =
      JSON.stringify(lastUpdate?.body ?? '').match(/\d+ of \d+ (?:has|have) voted/)?.[0] ?? null;

    const seconds = (phaseEnd - phaseStart) / 1000;
    const perSecond = round(count / seconds);
    const requests = counter.total();
    const sum = latencies.reduce((total, value) => total + value, 0);
    return {
      members: count,
      concurrency,
      raw,
      cpuSeconds: {
        benchProcess: round((cpuUsed.user + cpuUsed.system) / 1e6, 2),
        azurite:
          azuriteCpuBefore === null || azuriteCpuAfter === null
            ? null
            : round(azuriteCpuAfter - azuriteCpuBefore, 2),
        wallSeconds: round(seconds, 2),
      },
      app: { ballots: count, seconds: round(seconds, 3), perSecond, failures, failureSamples },
      ratio: round(perSecond / raw.perSecond, 3),
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(Math.max(0, ...latencies)),
        mean: round(latencies.length ? sum / latencies.length : 0),
      },
      cardUpdates: {
        total: updates.length,
        max1s: Math.max(0, ...Object.values(perConversation).map((c) => c.max1s)),
        max30s: Math.max(0, ...Object.values(perConversation).map((c) => c.max30s)),
        perConversation,
        settleMs: round(settled - phaseEnd),
        finalTurnout,
        finalShowsAll: finalTurnout === `${count} of ${count} ${count === 1 ? 'has' : 'have'} voted`,
      },
      storage: {
        requests,
        perBallot: round(requests / count, 2),
        requestsDuringInvokes,
        byOperation: counter.byOperation(),
      },
      log,
    };
  } finally {
    await server?.close().catch(() => undefined);
    await connector?.close().catch(() => undefined);
    await azurite.stop();
  }
}
