import { randomUUID } from 'node:crypto';
import { createHttpHeaders, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { AzureNamedKeyCredential, RestError, TableClient, type TransactionAction } from '@azure/data-tables';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { checkBatchAnswer, transactionsOf } from '../../bot/storage/entity-batch';

/** Keys and values a ballot's rows may hold, and the characters an address or JSON must escape. */
const partitionKey = `tenant|team 'é'|vote`;
const actions: TransactionAction[] = [
  [
    'upsert',
    {
      partitionKey,
      rowKey: 'c|member 1',
      memberId: 'member 1',
      data: '{"ranking":["a","b"],"concern":"“why”\\n"}',
    },
    'Replace',
  ],
  ['create', { partitionKey, rowKey: "h|member 1|o'k", memberId: 'member 1', data: '{"emoji":"🗳️"}' }],
];

/** A table client whose requests are caught before they leave the process, answered with an empty 202. */
function caughtTable(url: string, tableName: string) {
  const requests: PipelineRequest[] = [];
  const httpClient: HttpClient = {
    sendRequest: (request) => {
      requests.push(request);
      const answer = '--changesetresponse_x\r\nHTTP/1.1 204 No Content\r\n\r\n';
      return Promise.resolve({
        request,
        status: 202,
        headers: createHttpHeaders({ 'content-type': 'multipart/mixed; boundary=batchresponse_x' }),
        bodyAsText: `--batchresponse_x\r\n${answer.repeat(actions.length)}--changesetresponse_x--\r\n`,
      });
    },
  };
  const table = new TableClient(url, tableName, new AzureNamedKeyCredential('account', 'a2V5'), {
    httpClient,
    allowInsecureConnection: true,
  });
  return { table, httpClient, requests };
}

/** What a caught request says, but for what differs between any two requests (ids, date, signature). */
function described(request: PipelineRequest | undefined) {
  if (!request || typeof request.body !== 'string') throw new Error('no transaction was sent');
  const varying = new Set(['x-ms-client-request-id', 'x-ms-date', 'authorization', 'user-agent']);
  return {
    method: request.method,
    url: request.url,
    headers: [...request.headers]
      .filter(([name]) => !varying.has(name.toLowerCase()))
      .map(([name, value]) => `${name.toLowerCase()}: ${withoutBoundaries(value)}`)
      .sort(),
    body: withoutBoundaries(request.body),
  };
}

/** The two boundaries of a body, which are random: the same placeholders in both bodies compared. */
const withoutBoundaries = (body: string) =>
  body.replace(/batch_[0-9a-f-]{36}/g, 'batch_B').replace(/changeset_[0-9a-f-]{36}/g, 'changeset_C');

describe('entity-group transactions sent directly (bot/storage/entity-batch.ts)', () => {
  let table: TableClient;
  beforeEach(async () => {
    table = TableClient.fromConnectionString(
      inject('azuriteConnectionString'),
      `batch${randomUUID().replace(/-/g, '').slice(0, 12)}`,
      { allowInsecureConnection: true },
    );
    await table.createTable();
  });

  it('should send the very request the Azure SDK sends for the same operations, on Azure and on Azurite', async () => {
    for (const [url, tableName] of [
      ['https://account.table.core.windows.net', 'ltballots'],
      ['https://account.table.core.windows.net/', 'ltballots'],
      [table.url, table.tableName],
    ] as const) {
      const sdk = caughtTable(url, tableName);
      await sdk.table.submitTransaction(actions);
      const direct = caughtTable(url, tableName);
      await transactionsOf(direct.table, direct.httpClient)(actions);
      expect(described(direct.requests[0])).toEqual(described(sdk.requests[0]));
    }
  });

  it('should store every operation, read back by the SDK as written', async () => {
    await transactionsOf(table)(actions);
    for (const [, entity] of actions) {
      expect(await table.getEntity(entity.partitionKey, entity.rowKey)).toMatchObject(entity);
    }
  });

  it("should refuse the whole transaction with the refused operation's status, storing none of it", async () => {
    const [upsert, create] = actions as [TransactionAction, TransactionAction];
    await table.createEntity(create[1]);
    const refusal = await transactionsOf(table)([upsert, create]).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RestError);
    expect((refusal as RestError).statusCode).toBe(409);
    await expect(table.getEntity(upsert[1].partitionKey, upsert[1].rowKey)).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('should refuse an entity the service refuses (a property over 64 KiB) with its 4xx', async () => {
    const huge: TransactionAction = ['create', { partitionKey, rowKey: 'h|huge', data: 'x'.repeat(40_000) }];
    const refusal = await transactionsOf(table)([huge]).catch((error: unknown) => error);
    expect((refusal as RestError).statusCode).toBeGreaterThanOrEqual(400);
    expect((refusal as RestError).statusCode).toBeLessThan(500);
  });

  it('should leave other operations and values than strings to the SDK, which keeps their meaning', async () => {
    await table.createEntity({ partitionKey, rowKey: 'merged', kept: 'yes', changed: 'before' });
    const submit = transactionsOf(table);
    await submit([['upsert', { partitionKey, rowKey: 'merged', changed: 'after' }, 'Merge']]);
    const castAt = new Date('2026-12-07T09:00:00.000Z');
    await submit([['upsert', { partitionKey, rowKey: 'typed', count: 3, open: true, castAt }, 'Replace']]);
    expect(await table.getEntity(partitionKey, 'merged')).toMatchObject({ kept: 'yes', changed: 'after' });
    const typed = await table.getEntity(partitionKey, 'typed', { disableTypeConversion: true });
    expect(typed).toMatchObject({
      count: { value: '3', type: 'Int32' },
      open: { value: 'true', type: 'Boolean' },
    });
    expect(typed.castAt).toEqual({ value: castAt.toISOString(), type: 'DateTime' });
  });
});

describe("a transaction's answer", () => {
  const answer = (...statuses: string[]) =>
    [
      '--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n',
      ...statuses.map((status) => `--changesetresponse_2\r\n\r\nHTTP/1.1 ${status}\r\n\r\n`),
      '--changesetresponse_2--\r\n--batchresponse_1--\r\n',
    ].join('');

  it('should be a success only when every operation succeeded', () => {
    expect(() => checkBatchAnswer(202, answer('204 No Content', '201 Created'), 2)).not.toThrow();
  });

  it("should throw the refused operation's status and the service's message", () => {
    const refused = answer(
      '409 Conflict\r\nContent-Type: application/json\r\n\r\n{"odata.error":{"code":"EntityAlreadyExists","message":{"value":"1:The specified entity already exists."}}}',
    );
    expect(() => checkBatchAnswer(202, refused, 2)).toThrow(
      expect.objectContaining({ statusCode: 409, code: 'EntityAlreadyExists' }) as Error,
    );
  });

  it('should throw the status of a refused request as a whole', () => {
    expect(() => checkBatchAnswer(403, '', 2)).toThrow(expect.objectContaining({ statusCode: 403 }) as Error);
  });

  it('should not take an answer for fewer operations than were sent as a success', () => {
    expect(() => checkBatchAnswer(202, answer('204 No Content'), 2)).toThrow(
      expect.objectContaining({ statusCode: 500 }) as Error,
    );
  });
});
