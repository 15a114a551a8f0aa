import { setTimeout as delay } from 'node:timers/promises';
import { startAzurite } from '../../scripts/lib/azurite';
import { cardAction, testUser, type TeamContext, type TestUser } from '../../tests/support/activities';
import { startLoopbackConnector, type LoopbackConnector } from '../../tests/support/loopback-connector';
import { failureSamplesKept, submitBallots } from './ballot-round';
import { summarizeCardUpdates, type CardUpdates } from './card-updates';
import type { LogCounts } from './counting-logger';
import { createCpuMeter, mapCpu, type CpuByProcess } from './cpu-meter';
import { forkServer, type ForkedServer } from './forked-server';
import { openVote } from './open-vote';
import { postActivity } from './post-activity';
import { createRawUpserts } from './raw-upserts';
import { median, percentile, round, runPool } from './stats';

/** One measured round, in the order they ran: raw, app, raw, …, app, raw. */
export interface RoundFigure {
  kind: 'raw' | 'app';
  /** Upserts or ballots per second. */
  perSecond: number;
  seconds: number;
}

export interface BallotRunResult {
  members: number;
  concurrency: number;
  rounds: RoundFigure[];
  raw: { warmUpCalls: number; callsPerRound: number; perSecond: number; failures: number };
  app: {
    rounds: number;
    /** Each member submits one ballot per round: the first, then a changed one. */
    ballotsPerRound: number;
    perSecond: number;
    failures: number;
    failureSamples: string[];
  };
  /** The median app round over the median raw round. */
  ratio: number;
  /** CPU used during the app rounds, by process: seconds, and milliseconds per ballot. */
  cpu: { wallSeconds: number; seconds: CpuByProcess; msPerBallot: CpuByProcess };
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  cardUpdates: CardUpdates;
  storage: {
    /** From the first ballot until the card-update queue settled after the last. */
    requests: number;
    perBallot: number;
    byOperation: Record<string, number>;
  };
  log: LogCounts;
}

// Azurite's CPU per upsert falls for its first ~8,000 calls (from about 0.9 ms to 0.27 ms on a 2-core
// machine) and then stays; measured rounds on that slope would flatter the app against a colder Azurite.
const rawWarmUpCalls = 10_000;
// Long enough for a steady rate: a round of a few hundred calls is mostly ramp-up and drain.
const rawCallsAtLeast = 1_000;

// How long after a failed request the server process's exit is waited for, to report it instead.
const serverDeathGraceMs = 1_000;

const benchTeam = (serviceUrl: string): TeamContext => ({
  tenantId: 'tenant-bench',
  teamId: '19:bench@thread.tacv2',
  teamName: 'Bench Leadership',
  channelId: '19:bench@thread.tacv2',
  serviceUrl,
});

/**
 * Measures 1–4: ballots through the bot (its server in a process of its own) against one fresh Azurite,
 * with raw upserts to the same Azurite as the reference. After both are warm, raw and app rounds alternate,
 * so both meet the same Azurite and the same noise on the machine; the medians are compared.
 */
export async function runBallots(options: {
  members: number;
  concurrency: number;
  rounds: number;
}): Promise<BallotRunResult> {
  const { members: count, concurrency } = options;
  const azurite = await startAzurite();
  let connector: LoopbackConnector | null = null;
  let server: ForkedServer | null = null;
  try {
    connector = await startLoopbackConnector();
    const members = Array.from({ length: count }, (_, index) =>
      testUser(`Member ${String(index + 1).padStart(5, '0')}`),
    );
    connector.setRoster('*', members);
    server = await forkServer(azurite.connectionString);
    const bot = server;
    const team = benchTeam(connector.serviceUrl);

    const raw = await createRawUpserts(azurite.connectionString, concurrency);
    await raw.round(rawWarmUpCalls);
    const vote = await openVote(bot, connector, team, members);
    // The app's warm-up: every member opens the ballot once (read-only), so the rounds meet warm code and
    // open connections, as a server that has been up a while does.
    await runPool(count, concurrency, async (index) => {
      const member = members[index] as TestUser;
      await postActivity(
        bot,
        cardAction(team, member, 'ballot.view', { voteId: vote.voteId }, { replyToId: vote.cardId }),
      );
    });
    await bot.request('settle');

    const rawCalls = Math.max(count, rawCallsAtLeast);
    const rounds: RoundFigure[] = [];
    const rawRound = async () => {
      const seconds = await raw.round(rawCalls);
      rounds.push({ kind: 'raw', perSecond: rawCalls / seconds, seconds });
    };
    const cpu = createCpuMeter({ serverUsage: () => bot.request('cpu'), azuritePid: azurite.process.pid });
    const latencies: number[] = [];
    const failureSamples: string[] = [];
    let failures = 0;
    let appSeconds = 0;

    await rawRound();
    // Storage requests and what the app logs count from the first ballot (not its start-up notices).
    await bot.request('count.start');
    const phaseStart = Date.now();
    for (let index = 0; index < options.rounds; index += 1) {
      const result = await cpu.measure(() =>
        submitBallots({ bot, team, members, vote, round: index, concurrency }),
      );
      rounds.push({ kind: 'app', perSecond: count / result.seconds, seconds: result.seconds });
      appSeconds += result.seconds;
      latencies.push(...result.latenciesMs);
      failures += result.failures;
      failureSamples.push(...result.failureSamples);
      // The round's card-update tail is the app's work, and stays out of the next raw round.
      await bot.request('settle');
      await rawRound();
    }
    const phaseEnd = Date.now();
    const counted = await bot.request('count.stop');

    const rates = (kind: RoundFigure['kind']) =>
      rounds.filter((figure) => figure.kind === kind).map((figure) => figure.perSecond);
    const appMedian = median(rates('app'));
    const rawMedian = median(rates('raw'));
    const ballots = count * options.rounds;
    const cpuSeconds = cpu.total();
    const sum = latencies.reduce((total, value) => total + value, 0);
    return {
      members: count,
      concurrency,
      rounds: rounds.map((figure) => ({
        kind: figure.kind,
        perSecond: round(figure.perSecond),
        seconds: round(figure.seconds, 3),
      })),
      raw: {
        warmUpCalls: rawWarmUpCalls,
        callsPerRound: rawCalls,
        perSecond: round(rawMedian),
        failures: raw.failures(),
      },
      app: {
        rounds: options.rounds,
        ballotsPerRound: count,
        perSecond: round(appMedian),
        failures,
        failureSamples: failureSamples.slice(0, failureSamplesKept),
      },
      ratio: round(appMedian / rawMedian, 3),
      cpu: {
        wallSeconds: round(appSeconds, 2),
        seconds: mapCpu(cpuSeconds, (used) => round(used, 2)),
        msPerBallot: mapCpu(cpuSeconds, (used) => round((used * 1000) / ballots, 2)),
      },
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(Math.max(0, ...latencies)),
        mean: round(latencies.length ? sum / latencies.length : 0),
      },
      cardUpdates: summarizeCardUpdates(connector.calls, {
        cardId: vote.cardId,
        from: phaseStart,
        to: phaseEnd,
        members: count,
      }),
      storage: {
        requests: counted.storage.requests,
        perBallot: round(counted.storage.requests / ballots, 2),
        byOperation: counted.storage.byOperation,
      },
      log: counted.log,
    };
  } catch (error: unknown) {
    // A request that failed is most often the server process dying: then its output says why.
    const death = server && (await Promise.race([server.died, delay(serverDeathGraceMs, null)]));
    throw death ?? error;
  } finally {
    await server?.close();
    await connector?.close().catch(() => undefined);
    await azurite.stop();
  }
}
