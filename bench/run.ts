/* eslint-disable no-console -- a command-line benchmark: printing its table is the point. */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs, UsageError, type BenchOptions } from './lib/args';
import { runBallots, type BallotRunResult } from './lib/ballots';
import { measureBoardLoad, type BoardLoadResult } from './lib/board-load';
import { measureBundle, type BundleResult } from './lib/bundle';
import { measureStartup, type StartupResult } from './lib/startup';

/**
 * `npm run bench`: the app's performance against its targets, on its own Azurite and server.
 * Not part of the tests' pass/fail: it exits 1 only when a phase could not run at all.
 */

interface Row {
  measure: string;
  value: string;
  target: string;
  met: boolean | null;
}

const resultsFile = fileURLToPath(new URL('./results.json', import.meta.url));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function ballotRows(r: BallotRunResult): Row[] {
  const n = r.members;
  const ballots = r.app.ballotsPerRound * r.app.rounds;
  const rawRounds = r.rounds.length - r.app.rounds;
  return [
    {
      measure: `Ballots/s through the bot (N=${n}, C=${r.concurrency}), median of ${r.app.rounds} rounds of ${r.app.ballotsPerRound}`,
      value: `${r.app.perSecond}/s`,
      target: '',
      met: null,
    },
    {
      measure: `Raw upsertEntity/s (same Azurite, C=${r.concurrency}), median of ${rawRounds} rounds`,
      value: `${r.raw.perSecond}/s`,
      target: '',
      met: null,
    },
    { measure: 'Ratio app/raw (medians)', value: r.ratio.toFixed(3), target: '≥ 0.5', met: r.ratio >= 0.5 },
    {
      measure: 'Ballots answered "Your ballot:"',
      value: `${ballots - r.app.failures} of ${ballots}`,
      target: `${ballots} of ${ballots}`,
      met: r.app.failures === 0,
    },
    { measure: 'Invoke latency p50', value: `${r.latencyMs.p50} ms`, target: '', met: null },
    { measure: 'Invoke latency p95', value: `${r.latencyMs.p95} ms`, target: '', met: null },
    {
      measure: 'Invoke latency p99',
      value: `${r.latencyMs.p99} ms`,
      target: '≤ 1000 ms',
      met: r.latencyMs.p99 <= 1000,
    },
    {
      measure: 'Invoke latency max',
      value: `${r.latencyMs.max} ms`,
      target: '≤ 5000 ms',
      met: r.latencyMs.max <= 5000,
    },
    {
      measure: 'Ballot card updates sent (total)',
      value: String(r.cardUpdates.total),
      target: '',
      met: null,
    },
    {
      measure: 'Card updates, max in any 1 s',
      value: String(r.cardUpdates.max1s),
      target: '≤ 7',
      met: r.cardUpdates.max1s <= 7,
    },
    {
      measure: 'Card updates, max in any 30 s',
      value: String(r.cardUpdates.max30s),
      target: '≤ 60',
      met: r.cardUpdates.max30s <= 60,
    },
    {
      measure: 'Final card turnout',
      value: r.cardUpdates.finalTurnout ?? '(none)',
      target: `${n} of ${n} have voted`,
      met: r.cardUpdates.finalShowsAll,
    },
    {
      measure: 'Storage requests per ballot',
      value: `${r.storage.perBallot} (${r.storage.requests}/${ballots})`,
      target: '≤ 3',
      met: r.storage.perBallot <= 3,
    },
  ];
}

function boardRows(r: BoardLoadResult): Row[] {
  return [
    {
      measure: `SWOT board GET, ${r.items} items: server time p95, reading storage; read shared`,
      value: `${r.serverMs.storage.p95} ms; ${r.serverMs.shared.p95} ms`,
      target: '',
      met: null,
    },
    {
      measure: `SWOT board GET, ${r.items} items: JSON; sent compressed`,
      value: `${kb(r.bytes.json)}; ${kb(r.bytes.sent)}`,
      target: '',
      met: null,
    },
    {
      measure: `Board usable in Chromium, ${r.items} items`,
      value: `${r.usableMs.big} ms`,
      target: '≤ 2000 ms',
      met: r.usableMs.big <= 2000,
    },
    {
      measure: 'Board usable in Chromium, empty board',
      value: `${r.usableMs.empty} ms`,
      target: '',
      met: null,
    },
    {
      measure: `Ratio ${r.items} items/empty`,
      value: r.ratio.toFixed(2),
      target: '≤ 1.5',
      met: r.ratio <= 1.5,
    },
  ];
}

function bundleRows(r: BundleResult): Row[] {
  return [
    {
      measure: 'Tab initial JS (gzip)',
      value: kb(r.tab.gzipBytes),
      target: '< 200 KB',
      met: r.tab.gzipBytes < 200 * 1024,
    },
    {
      measure: 'Baseline Fluent page initial JS (gzip)',
      value: kb(r.baseline.gzipBytes),
      target: '',
      met: null,
    },
    { measure: 'Ratio tab/baseline', value: r.ratio.toFixed(2), target: '≤ 2', met: r.ratio <= 2 },
  ];
}

function startupRows(r: StartupResult): Row[] {
  return [
    {
      measure: `Start-up to /healthz 200${r.tabBuildIncluded ? ' (incl. tab build)' : ''}`,
      value: `${r.seconds.toFixed(2)} s`,
      target: '≤ 10 s',
      met: r.seconds <= 10,
    },
  ];
}

function printTable(rows: Row[]): void {
  const header = { measure: 'Measure', value: 'Value', target: 'Target', met: 'Met?' };
  const cells = rows.map((row) => ({
    measure: row.measure,
    value: row.value,
    target: row.target || '—',
    met: row.met === null ? '—' : row.met ? 'yes' : 'NO',
  }));
  const all = [header, ...cells];
  const width = (key: keyof typeof header) => Math.max(...all.map((cell) => cell[key].length));
  const widths = {
    measure: width('measure'),
    value: width('value'),
    target: width('target'),
    met: width('met'),
  };
  const line = (cell: typeof header) =>
    `| ${cell.measure.padEnd(widths.measure)} | ${cell.value.padStart(widths.value)} | ${cell.target.padEnd(widths.target)} | ${cell.met.padEnd(widths.met)} |`;
  const rule = `|${'-'.repeat(widths.measure + 2)}|${'-'.repeat(widths.value + 1)}:|${'-'.repeat(widths.target + 2)}|${'-'.repeat(widths.met + 2)}|`;
  console.log(line(header));
  console.log(rule);
  for (const cell of cells) console.log(line(cell));
}

async function phase<T>(
  name: string,
  run: () => Promise<T>,
  errors: Record<string, string>,
): Promise<T | null> {
  const started = performance.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    const result = await run();
    process.stderr.write(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return result;
  } catch (error: unknown) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    errors[name] = message;
    process.stderr.write(`bench: ${name} failed: ${message}\n`);
    return null;
  }
}

async function main(options: BenchOptions): Promise<number> {
  const started = performance.now();
  const loadBefore = loadavg().map((value) => Math.round(value * 100) / 100);
  const errors: Record<string, string> = {};
  const skip = (name: string) => options.skip.has(name);
  const ballots = skip('ballots') ? null : await phase('ballots', () => runBallots(options), errors);
  const board = skip('board')
    ? null
    : await phase('board', () => measureBoardLoad({ items: options.boardItems, runs: 5 }), errors);
  const bundle = skip('bundle') ? null : await phase('bundle', measureBundle, errors);
  const startup = skip('startup') ? null : await phase('startup', () => measureStartup(), errors);

  const rows = [
    ...(ballots ? ballotRows(ballots) : []),
    ...(board ? boardRows(board) : []),
    ...(bundle ? bundleRows(bundle) : []),
    ...(startup ? startupRows(startup) : []),
  ];
  console.log('');
  printTable(rows);
  const missed = rows.filter((row) => row.met === false);
  console.log('');
  console.log(
    missed.length > 0
      ? `Targets missed: ${missed.map((row) => `${row.measure} (${row.value}, target ${row.target})`).join('; ')}`
      : Object.keys(errors).length > 0
        ? 'No target missed among the phases that ran.'
        : 'All targets met.',
  );
  console.log(
    `Machine: ${cpus().length} cores, load average ${loadBefore.join(' ')} at the start (other work skews the figures).`,
  );
  if (ballots) {
    console.log(
      `Rounds, in order (per second): ${ballots.rounds.map((figure) => `${figure.kind} ${figure.perSecond}`).join(', ')}; ` +
        `raw rounds of ${ballots.raw.callsPerRound} upserts, app rounds of ${ballots.app.ballotsPerRound} ballots. Warm-up, discarded: ${ballots.warmUp.rawCalls} raw upserts, ` +
        `then ${ballots.warmUp.appRounds} such pairs of rounds (${ballots.warmUp.ballots} ballots) on a vote of another team.`,
    );
    const { app: appBusy, raw: rawBusy } = ballots.busyCores;
    if (appBusy !== null && rawBusy !== null)
      console.log(
        `Cores busy, all processes (median of the rounds, of ${cpus().length}): app rounds ${appBusy}, raw rounds ${rawBusy}; ` +
          'fewer busy cores than the machine has means the rounds waited on something other than CPU.',
      );
    const { seconds, msPerBallot, wallSeconds } = ballots.cpu;
    console.log(
      `CPU during the app rounds (${wallSeconds} s): app server ${seconds.server} s ` +
        `(${msPerBallot.server} ms/ballot), bench process (client, connector) ${seconds.bench} s ` +
        `(${msPerBallot.bench} ms/ballot), Azurite ${seconds.azurite ?? '?'} s (${msPerBallot.azurite ?? '?'} ms/ballot).`,
    );
    console.log(
      `Storage requests in the ballot phase, by operation: ${JSON.stringify(ballots.storage.byOperation)}`,
    );
    if (ballots.raw.failures) console.log(`Raw upserts that failed: ${ballots.raw.failures}`);
    if (ballots.app.failureSamples.length)
      console.log(`Failed ballots, e.g.: ${ballots.app.failureSamples.join(' | ')}`);
    if (ballots.log.errors || ballots.log.warnings)
      console.log(
        `App logged ${ballots.log.errors} errors, ${ballots.log.warnings} warnings: ${ballots.log.samples.join(' | ')}`,
      );
  }
  for (const [name, message] of Object.entries(errors))
    console.log(`Phase ${name} failed: ${message.split('\n')[0]}`);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  writeFileSync(
    resultsFile,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        options: {
          members: options.members,
          concurrency: options.concurrency,
          rounds: options.rounds,
          boardItems: options.boardItems,
          skip: [...options.skip],
        },
        machine: {
          node: process.version,
          cpus: cpus().length,
          platform: process.platform,
          loadavgAtStart: loadBefore,
        },
        seconds,
        rows,
        ballots,
        board,
        bundle,
        startup,
        errors,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`Whole run ${seconds} s; figures written to bench/results.json`);
  return Object.keys(errors).length > 0 ? 1 : 0;
}

let options: BenchOptions;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error: unknown) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exit(2);
}
main(options).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
