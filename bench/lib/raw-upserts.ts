import { TableClient } from '@azure/data-tables';
import { performance } from 'node:perf_hooks';
import { runPool } from './stats';

/** Raw `upsertEntity` calls straight to the bench's Azurite: the ceiling the bot's ballots are compared with. */
export interface RawUpserts {
  /** Runs `calls` upserts, each of a new row, at the concurrency given; answers the seconds they took. */
  round(calls: number): Promise<number>;
  /** Calls that failed so far. */
  failures(): number;
}

// A ballot row is about this big: its JSON in one string column.
const data = JSON.stringify({
  ranking: ['x'.repeat(36), 'y'.repeat(36), 'z'.repeat(36)],
  pad: 'p'.repeat(120),
});

export async function createRawUpserts(connectionString: string, concurrency: number): Promise<RawUpserts> {
  const client = TableClient.fromConnectionString(connectionString, 'benchrawupserts', {
    allowInsecureConnection: true,
  });
  await client.createTable();
  let failures = 0;
  let rows = 0;
  const upsert = async () => {
    const rowKey = `row${rows++}`;
    try {
      await client.upsertEntity({ partitionKey: 'raw', rowKey, memberId: rowKey, data }, 'Replace');
    } catch {
      // Counted and reported; a failed call still took its time, as a failed ballot does.
      failures += 1;
    }
  };
  return {
    async round(calls) {
      const started = performance.now();
      await runPool(calls, concurrency, upsert);
      return (performance.now() - started) / 1000;
    },
    failures: () => failures,
  };
}
