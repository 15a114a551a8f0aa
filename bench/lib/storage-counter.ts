import type { TableServiceClientOptions } from '@azure/data-tables';

type PipelinePolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

/** Counts Table Storage requests (one per logical call: the policy sits per call, before retries). */
export interface RequestCounter {
  policy: PipelinePolicy;
  /** Starts counting from zero. */
  start(): void;
  stop(): void;
  /** Requests counted while started. */
  total(): number;
  /** Counted requests by operation and table, e.g. `GET entity votes` or `POST $batch`. */
  byOperation(): Record<string, number>;
}

export function createRequestCounter(tablePrefix: string): RequestCounter {
  let counting = false;
  let count = 0;
  const operations = new Map<string, number>();
  const describe = (method: string, url: string): string => {
    const path = decodeURIComponent(new URL(url).pathname);
    // /<account>/<table>(PartitionKey='…',RowKey='…') or /<account>/<table>() or /<account>/$batch
    const last = path.split('/').filter(Boolean).pop() ?? '';
    const table = last.replace(/\(.*$/, '');
    const name = table.startsWith(tablePrefix) ? table.slice(tablePrefix.length) : table;
    const keyed = /\(PartitionKey=/.test(last);
    const kind = table === '$batch' ? '' : keyed ? 'entity ' : method === 'GET' ? 'query ' : '';
    return `${method} ${kind}${name}`;
  };
  return {
    policy: {
      name: 'benchRequestCounter',
      sendRequest(request, next) {
        if (counting) {
          count += 1;
          const key = describe(request.method, request.url);
          operations.set(key, (operations.get(key) ?? 0) + 1);
        }
        return next(request);
      },
    },
    start() {
      count = 0;
      operations.clear();
      counting = true;
    },
    stop() {
      counting = false;
    },
    total: () => count,
    byOperation: () =>
      Object.fromEntries([...operations.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
  };
}
