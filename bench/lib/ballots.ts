import { setTimeout as delay } from 'node:timers/promises';
import { startAzurite } from '../../scripts/lib/azurite';
import { cardAction, testUser, type TeamContext, type TestUser } from '../../tests/support/activities';
import { startLoopbackConnector, type LoopbackConnector } from '../../tests/support/loopback-connector';
import { alternateRounds, type RoundFigure, type RoundSetting } from './alternating-rounds';
import { failureSamplesKept } from './ballot-round';
import { summarizeCardUpdates, type CardUpdates } from './card-updates';
import type { LogCounts } from './counting-logger';
import { createCpuMeter, mapCpu, type CpuByProcess } from './cpu-meter';
import { forkServer, type ForkedServer } from './forked-server';
import { openVote } from './open-vote';
import { postActivity } from './post-activity';
import { createRawUpserts } from './raw-upserts';
import { median, percentile, round, runPool } from './stats';

export interface BallotRunResult {
  members: number;
  concurrency: number;
  /** The measured rounds, in the order they ran: raw, app, raw, …, app, raw. */
  rounds: RoundFigure[];
  /** Discarded before the measured rounds: raw upserts alone, then alternating rounds on a warm-up vote. */
  warmUp: { rawCalls: number; appRounds: number; ballots: number };
  raw: { callsPerRound: number; perSecond: number; failures: number };
  app: {
    rounds: number;
    /** Every member submits the same number of ballots each round: the first, then changed ones. */
    ballotsPerRound: number;
    perSecond: number;
    failures: number;
    failureSamples: string[];
  };
  /** The median app round over the median raw round. */
  ratio: number;
  /**
   * The machine's cores busy on average, all processes together: the median of the app rounds and of the
   * raw rounds (null where it cannot be read).
   */
  busyCores: { app: number | null; raw: number | null };
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
// The server, Azurite and the client keep getting faster over the first few thousand ballots (the server's
// CPU per ballot about halves as its code warms up; after 2,000 the measured app rounds still rose round
// after round); a server that has been up a while is past that.
const appWarmUpBallots = 6_000;
// Long enough for a steady rate: a round of a few hundred calls is mostly ramp-up and drain. App rounds
// are as long (each member submits as many ballots as it takes), or the ratio would compare a burst's
// ramp with a steady rate.
const callsPerRoundAtLeast = 1_000;

// How long after a failed request the server process's exit is waited for, to report it instead.
const serverDeathGraceMs = 1_000;

const benchTeam = (serviceUrl: string, slug: string): TeamContext => ({
  tenantId: 'tenant-bench',
  teamId: `19:${slug}@thread.tacv2`,
  teamName: `Bench ${slug}`,
  channelId: `19:${slug}@thread.tacv2`,
  serviceUrl,
});

/**
 * Measures 1–4: ballots through the bot (its server in a process of its own) against one fresh Azurite,
 * with raw upserts to the same Azurite as the reference. After both are warm, raw and app rounds alternate
 * and their medians are compared.
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
    const raw = await createRawUpserts(azurite.connectionString, concurrency);
    const waves = Math.ceil(callsPerRoundAtLeast / count);
    const setting: RoundSetting = {
      bot,
      members,
      concurrency,
      raw,
      rawCallsPerRound: count * waves,
      waves,
    };

    await raw.round(rawWarmUpCalls);
    const team = benchTeam(connector.serviceUrl, 'measured');
    const vote = await openVote(bot, connector, team, members);
    // Every member opens the measured ballot once (read-only), as a voter does before voting.
    await runPool(count, concurrency, async (index) => {
      const member = members[index] as TestUser;
      await postActivity(
        bot,
        cardAction(team, member, 'ballot.view', { voteId: vote.voteId }, { replyToId: vote.cardId }),
      );
    });
    // The app's warm-up: the same alternation on a vote of another team, its figures discarded.
    const warmUpTeam = benchTeam(connector.serviceUrl, 'warm-up');
    const warmUpVote = await openVote(bot, connector, warmUpTeam, members);
    const warmUpRounds = Math.ceil(appWarmUpBallots / (count * waves));
    await alternateRounds(setting, { team: warmUpTeam, vote: warmUpVote, appRounds: warmUpRounds });

    const cpu = createCpuMeter({ serverUsage: () => bot.request('cpu'), azuritePid: azurite.process.pid });
    // Storage requests and what the app logs count from here: the measured rounds and their card updates.
    await bot.request('count.start');
    const phaseStart = Date.now();
    const measured = await alternateRounds(setting, { team, vote, appRounds: options.rounds, cpu });
    const phaseEnd = Date.now();
    const counted = await bot.request('count.stop');

    const roundsOf = (kind: RoundFigure['kind']) => measured.figures.filter((figure) => figure.kind === kind);
    const rates = (kind: RoundFigure['kind']) => roundsOf(kind).map((figure) => figure.perSecond);
    const medianBusy = (kind: RoundFigure['kind']) => {
      const busy = roundsOf(kind).map((figure) => figure.busyCores);
      return busy.every((cores): cores is number => cores !== null) ? round(median(busy), 2) : null;
    };
    const appMedian = median(rates('app'));
    const rawMedian = median(rates('raw'));
    const appRounds = measured.appRounds;
    const ballotsPerRound = count * waves;
    const ballots = ballotsPerRound * options.rounds;
    const latencies = appRounds.flatMap((result) => result.latenciesMs);
    const cpuSeconds = cpu.total();
    const sum = latencies.reduce((total, value) => total + value, 0);
    return {
      members: count,
      concurrency,
      rounds: measured.figures.map((figure) => ({
        kind: figure.kind,
        perSecond: round(figure.perSecond),
        seconds: round(figure.seconds, 3),
        busyCores: figure.busyCores === null ? null : round(figure.busyCores, 2),
      })),
      warmUp: { rawCalls: rawWarmUpCalls, appRounds: warmUpRounds, ballots: warmUpRounds * ballotsPerRound },
      raw: { callsPerRound: setting.rawCallsPerRound, perSecond: round(rawMedian), failures: raw.failures() },
      app: {
        rounds: options.rounds,
        ballotsPerRound,
        perSecond: round(appMedian),
        failures: appRounds.reduce((total, result) => total + result.failures, 0),
        failureSamples: appRounds.flatMap((result) => result.failureSamples).slice(0, failureSamplesKept),
      },
      ratio: round(appMedian / rawMedian, 3),
      busyCores: { app: medianBusy('app'), raw: medianBusy('raw') },
      cpu: {
        wallSeconds: round(
          appRounds.reduce((total, result) => total + result.seconds, 0),
          2,
        ),
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
