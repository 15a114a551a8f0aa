import { TableClient } from '@azure/data-tables';
import { performance } from 'node:perf_hooks';
import { startAzurite } from '../../scripts/lib/azurite';
import { cardAction, testUser, type TeamContext, type TestUser } from '../../tests/support/activities';
import {
  startLoopbackConnector,
  type ConnectorCall,
  type LoopbackConnector,
} from '../../tests/support/loopback-connector';
import type { LogCounts } from './counting-logger';
import { createCpuMeter, mapCpu, type CpuByProcess } from './cpu-meter';
import { forkServer, type ForkedServer } from './forked-server';
import { openVote } from './open-vote';
import { postActivity } from './post-activity';
import { maxInWindow, percentile, round, runPool } from './stats';

export interface BallotRunResult {
  members: number;
  concurrency: number;
  raw: { callsPerRound: number; rounds: number[]; perSecond: number; failures: number };
  /** CPU used while the ballots were in flight, by process: seconds, and milliseconds per ballot. */
  cpu: { wallSeconds: number; seconds: CpuByProcess; msPerBallot: CpuByProcess };
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
    byOperation: Record<string, number>;
  };
  log: LogCounts;
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

/** Measures 1–4: ballots through the bot against one fresh Azurite, with raw upserts as the reference. */
export async function runBallots(options: {
  members: number;
  concurrency: number;
}): Promise<BallotRunResult> {
  const { members: count, concurrency } = options;
  const azurite = await startAzurite();
  let connector: LoopbackConnector | null = null;
  let server: ForkedServer | null = null;
  try {
    connector = await startLoopbackConnector();
    const stamps = stampCalls(connector.calls);
    const members = Array.from({ length: count }, (_, index) =>
      testUser(`Member ${String(index + 1).padStart(5, '0')}`),
    );
    connector.setRoster('*', members);
    server = await forkServer(azurite.connectionString);
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
    const cpu = createCpuMeter({
      serverUsage: () => running.request('cpu'),
      azuritePid: azurite.process.pid,
    });
    // Storage requests and what the app logs count from the first ballot (not its start-up notices).
    await running.request('count.start');
    const phaseStart = performance.now();
    let phaseEnd = phaseStart;
    await cpu.measure(async () => {
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
      phaseEnd = performance.now();
    });
    await running.request('settle');
    const settled = performance.now();
    const counted = await running.request('count.stop');

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
    const { requests, byOperation } = counted.storage;
    const cpuSeconds = cpu.total();
    const sum = latencies.reduce((total, value) => total + value, 0);
    return {
      members: count,
      concurrency,
      raw,
      cpu: {
        wallSeconds: round(seconds, 2),
        seconds: mapCpu(cpuSeconds, (used) => round(used, 2)),
        msPerBallot: mapCpu(cpuSeconds, (used) => round((used * 1000) / count, 2)),
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
        byOperation,
      },
      log: counted.log,
    };
  } finally {
    await server?.close();
    await connector?.close().catch(() => undefined);
    await azurite.stop();
  }
}
