import { RestError, type TransactionAction } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import { createGroupCommit, type GroupCommit, type GroupCommitLimits } from '../../bot/storage/group-commit';

/** A table whose transactions answer when the test says so, recording the row keys of each. */
function heldTable() {
  const transactions: Array<{
    rowKeys: string[];
    succeed: () => void;
    fail: (error: unknown) => void;
  }> = [];
  const table = (actions: TransactionAction[]) =>
    new Promise((resolve, reject) => {
      transactions.push({
        rowKeys: actions.map(([, entity]) => entity.rowKey),
        succeed: () => resolve({ status: 202, subResponses: [] }),
        fail: reject,
      });
    });
  return { table, transactions };
}

const rows = (...rowKeys: string[]): TransactionAction[] =>
  rowKeys.map((rowKey) => ['create', { partitionKey: 'p', rowKey }]);

/** A write whose own transaction (when it has to go alone) is recorded and answered at once. */
const writeOf = (name: string, actions: TransactionAction[], alone: string[], outcome?: Error) => ({
  actions,
  together: `${name} together`,
  alone: () => {
    alone.push(name);
    return outcome ? Promise.reject(outcome) : Promise.resolve(`${name} alone`);
  },
});

/** Starts a write to partition `p` that stays in flight until released, so the next writes queue up. */
function holdFirstWrite(commit: GroupCommit): () => void {
  let release: () => void = () => undefined;
  void commit.write('p', {
    actions: rows('start'),
    together: '',
    alone: () => new Promise<string>((resolve) => (release = () => resolve(''))),
  });
  return () => release();
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const limits: GroupCommitLimits = { maxOperations: 100, maxBytes: 1024 * 1024 };

describe('group commit', () => {
  it('should store a lone write at once, on its own', async () => {
    const { table, transactions } = heldTable();
    const alone: string[] = [];
    const answer = await createGroupCommit(table, limits).write('p', writeOf('a', rows('a'), alone));
    expect(answer).toBe('a alone');
    expect(alone).toEqual(['a']);
    expect(transactions).toHaveLength(0);
  });

  it('should put the writes that arrive while one is stored into one next transaction', async () => {
    const { table, transactions } = heldTable();
    const alone: string[] = [];
    const commit = createGroupCommit(table, limits);
    const releaseFirst = holdFirstWrite(commit);
    const burst = ['b', 'c', 'd'].map((name) => commit.write('p', writeOf(name, rows(name), alone)));
    releaseFirst();
    await turn();
    expect(transactions.map((t) => t.rowKeys)).toEqual([['b', 'c', 'd']]);
    transactions[0]?.succeed();
    await expect(Promise.all(burst)).resolves.toEqual(['b together', 'c together', 'd together']);
    expect(alone).toEqual([]);
  });

  it('should keep partitions apart: a write to another partition does not wait', async () => {
    const { table } = heldTable();
    const alone: string[] = [];
    const commit = createGroupCommit(table, limits);
    holdFirstWrite(commit);
    await expect(commit.write('q', writeOf('y', rows('y'), alone))).resolves.toBe('y alone');
  });

  it('should let a row appear once per transaction, and land each row’s writes in the order they came', async () => {
    const { table, transactions } = heldTable();
    const alone: string[] = [];
    const commit = createGroupCommit(table, limits);
    const releaseFirst = holdFirstWrite(commit);
    const writes = [
      commit.write('p', writeOf('m1', rows('c|m', 'h|m|1'), alone)),
      commit.write('p', writeOf('n1', rows('c|n', 'h|n|1'), alone)),
      commit.write('p', writeOf('m2', rows('c|m', 'h|m|2'), alone)),
      commit.write('p', writeOf('o1', rows('c|o', 'h|o|1'), alone)),
      commit.write('p', writeOf('m3', rows('c|m', 'h|m|3'), alone)),
    ];
    releaseFirst();
    await turn();
    expect(transactions.map((t) => t.rowKeys)).toEqual([['c|m', 'h|m|1', 'c|n', 'h|n|1', 'c|o', 'h|o|1']]);
    transactions[0]?.succeed();
    await turn();
    // m2 and m3 touch the same row: m2 goes first, alone (nothing else is waiting), then m3.
    expect(alone).toEqual(['m2', 'm3']);
    await expect(Promise.all(writes)).resolves.toEqual([
      'm1 together',
      'n1 together',
      'm2 alone',
      'o1 together',
      'm3 alone',
    ]);
  });

  it('should keep a transaction within the operations limit', async () => {
    const { table, transactions } = heldTable();
    const alone: string[] = [];
    const commit = createGroupCommit(table, { maxOperations: 4, maxBytes: 1024 * 1024 });
    const releaseFirst = holdFirstWrite(commit);
    const writes = ['a', 'b', 'c', 'd', 'e'].map((name) =>
      commit.write('p', writeOf(name, rows(`${name}1`, `${name}2`), alone)),
    );
    releaseFirst();
    await turn();
    expect(transactions.map((t) => t.rowKeys)).toEqual([['a1', 'a2', 'b1', 'b2']]);
    transactions[0]?.succeed();
    await turn();
    expect(transactions.map((t) => t.rowKeys.length)).toEqual([4, 4]);
    transactions[1]?.succeed();
    await expect(Promise.all(writes)).resolves.toEqual([
      'a together',
      'b together',
      'c together',
      'd together',
      'e alone',
    ]);
  });

  it('should send each write alone when the transaction is refused, so one write’s refusal sinks no other', async () => {
    const { table, transactions } = heldTable();
    const alone: string[] = [];
    const commit = createGroupCommit(table, limits);
    const releaseFirst = holdFirstWrite(commit);
    const refused = new RestError('0:The specified entity already exists.', { statusCode: 409 });
    const good = commit.write('p', writeOf('good', rows('good'), alone));
    const bad = commit.write('p', writeOf('bad', rows('bad'), alone, refused));
    releaseFirst();
    await turn();
    transactions[0]?.fail(new RestError('0:The specified entity already exists.', { statusCode: 409 }));
    await expect(good).resolves.toBe('good alone');
    await expect(bad).rejects.toBe(refused);
    expect(alone.sort()).toEqual(['bad', 'good']);
  });

  it('should fail every write of a transaction that met storage trouble, and carry on with the next', async () => {
    const { table, transactions } = heldTable();
    const alone: string[] = [];
    const commit = createGroupCommit(table, limits);
    const releaseFirst = holdFirstWrite(commit);
    const troubled = ['a', 'b'].map((name) => commit.write('p', writeOf(name, rows(name), alone)));
    releaseFirst();
    await turn();
    const busy = new RestError('Server Busy', { statusCode: 503 });
    transactions[0]?.fail(busy);
    await expect(
      Promise.all(troubled.map((write) => write.catch((error: unknown) => error))),
    ).resolves.toEqual([busy, busy]);
    expect(alone).toEqual([]);
    await expect(commit.write('p', writeOf('later', rows('later'), alone))).resolves.toBe('later alone');
  });
});
