export interface BenchOptions {
  members: number;
  concurrency: number;
  /** App rounds of the ballot phase (with one raw round more around them). */
  rounds: number;
  /** Items on the big SWOT board of the board-load phase. */
  boardItems: number;
  /** Phases to leave out: ballots, board, bundle, startup. */
  skip: Set<string>;
}

const phases = ['ballots', 'board', 'bundle', 'startup'];

const usage =
  'usage: npm run bench -- [--members N] [--concurrency C] [--rounds R] [--board-items N] [--skip ballots,board,bundle,startup]\n' +
  '  --members      members who each submit one ballot per round (default 200)\n' +
  '  --concurrency  invokes (and raw upserts) in flight at once (default 50)\n' +
  '  --rounds       app rounds, alternating with raw upsert rounds (default 5)\n' +
  '  --board-items  items on the big SWOT board (default 1000)\n';

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    members: 200,
    concurrency: 50,
    rounds: 5,
    boardItems: 1000,
    skip: new Set(),
  };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const [name, inline] = arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = () => {
      const found = inline ?? argv[(index += 1)];
      if (found === undefined) throw new UsageError(`${name} needs a value\n${usage}`);
      return found;
    };
    const positive = (text: string) => {
      const number = Number(text);
      if (!Number.isInteger(number) || number < 1)
        throw new UsageError(`${name}: expected a whole number ≥ 1`);
      return number;
    };
    switch (name) {
      case '--members':
        options.members = positive(value());
        break;
      case '--concurrency':
        options.concurrency = positive(value());
        break;
      case '--rounds':
        options.rounds = positive(value());
        break;
      case '--board-items':
        options.boardItems = positive(value());
        break;
      case '--skip':
        for (const phase of value()
          .split(',')
          .map((name) => name.trim())) {
          if (!phases.includes(phase))
            throw new UsageError(`--skip: expected phases among ${phases.join(', ')}, not "${phase}"`);
          options.skip.add(phase);
        }
        break;
      case '--help':
      case '-h':
        throw new UsageError(usage);
      default:
        throw new UsageError(`unknown option ${arg}\n${usage}`);
    }
  }
  return options;
}
