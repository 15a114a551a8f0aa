import { RestError, type TransactionAction } from '@azure/data-tables';

/** One caller's rows for a partition, and what to answer once they are stored. */
export interface GroupedWrite<R> {
  actions: TransactionAction[];
  /** The answer when the rows were stored in a transaction shared with other writes. */
  together: R;
  /** Stores the rows in a transaction of their own, with this write's own handling of a refusal. */
  alone: () => Promise<R>;
}

export interface GroupCommit {
  /**
   * Stores the write's rows in the partition's next entity-group transaction: writes that arrive while
   * one is being stored wait and go together in the next, so a burst of N writes to a partition costs
   * about N / 50 requests instead of N, and a lone write goes at once, with no added wait.
   */
  write<R>(partitionKey: string, write: GroupedWrite<R>): Promise<R>;
}

/** Stores the actions in one entity-group transaction; a refusal throws the SDK's RestError. */
export type SubmitTransaction = (actions: TransactionAction[]) => Promise<unknown>;

export interface GroupCommitLimits {
  /** Operations in one transaction: Table Storage accepts at most 100. */
  maxOperations: number;
  /** Serialized entities in one transaction, well under the 4 MiB a transaction may carry. */
  maxBytes: number;
}

interface Waiting {
  actions: TransactionAction[];
  rowKeys: string[];
  bytes: number;
  together: unknown;
  alone: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const defaultLimits: GroupCommitLimits = { maxOperations: 100, maxBytes: 2 * 1024 * 1024 };

/**
 * A refusal of the request itself (400 bad entity, 409 a row already there, 413 too large) may be one
 * write's doing; storage trouble (5xx, a timeout) is everyone's, and the client has already retried it.
 */
const isRefusal = (error: unknown): boolean =>
  error instanceof RestError &&
  error.statusCode !== undefined &&
  error.statusCode >= 400 &&
  error.statusCode < 500;

export function createGroupCommit(
  submit: SubmitTransaction,
  limits: GroupCommitLimits = defaultLimits,
): GroupCommit {
  // A partition is in the map while its queue is being drained; new writes join its queue.
  const queues = new Map<string, Waiting[]>();

  /**
   * The next transaction's writes, in arrival order. A row may appear only once in a transaction, so a
   * write touching a row already taken (the same member voting twice in a burst) waits for the next one,
   * and so does every later write to that row: each row's writes land in the order they came.
   */
  const takeGroup = (queue: Waiting[]): Waiting[] => {
    const group: Waiting[] = [];
    const taken = new Set<string>();
    let operations = 0;
    let bytes = 0;
    for (let index = 0; index < queue.length;) {
      const next = queue[index] as Waiting;
      const fits =
        group.length === 0 ||
        (operations + next.actions.length <= limits.maxOperations && bytes + next.bytes <= limits.maxBytes);
      if (!fits) break;
      if (next.rowKeys.some((rowKey) => taken.has(rowKey))) {
        for (const rowKey of next.rowKeys) taken.add(rowKey);
        index += 1;
        continue;
      }
      for (const rowKey of next.rowKeys) taken.add(rowKey);
      operations += next.actions.length;
      bytes += next.bytes;
      group.push(next);
      queue.splice(index, 1);
    }
    return group;
  };

  const alone = async (write: Waiting): Promise<void> => {
    try {
      write.resolve(await write.alone());
    } catch (error: unknown) {
      write.reject(error);
    }
  };

  const commit = async (group: Waiting[]): Promise<void> => {
    if (group.length === 1) return alone(group[0] as Waiting);
    try {
      await submit(group.flatMap((write) => write.actions));
    } catch (error: unknown) {
      // One write's refusal must not sink the others: each goes again on its own and meets its own fate.
      if (isRefusal(error)) await Promise.all(group.map(alone));
      else for (const write of group) write.reject(error);
      return;
    }
    for (const write of group) write.resolve(write.together);
  };

  const drain = async (partitionKey: string, queue: Waiting[]): Promise<void> => {
    try {
      while (queue.length > 0) await commit(takeGroup(queue));
    } catch (error: unknown) {
      for (const write of queue.splice(0)) write.reject(error);
    } finally {
      queues.delete(partitionKey);
    }
  };

  return {
    write<R>(partitionKey: string, write: GroupedWrite<R>): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        const waiting: Waiting = {
          actions: write.actions,
          rowKeys: write.actions.map(([, entity]) => entity.rowKey),
          bytes: write.actions.reduce((total, [, entity]) => total + JSON.stringify(entity).length, 0),
          together: write.together,
          alone: write.alone,
          resolve: resolve as (value: unknown) => void,
          reject,
        };
        const queue = queues.get(partitionKey);
        if (queue) {
          queue.push(waiting);
          return;
        }
        const fresh = [waiting];
        queues.set(partitionKey, fresh);
        void drain(partitionKey, fresh);
      });
    },
  };
}
