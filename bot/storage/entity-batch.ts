import { randomUUID } from 'node:crypto';
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
} from '@azure/core-rest-pipeline';
import { RestError, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { SubmitTransaction } from './group-commit';

const lineEnd = '\r\n';

/** A key as the SDK writes it in a sub-request's address: quotes doubled, then URI-encoded. */
const keyInUrl = (key: string) => encodeURIComponent(key.replace(/'/g, "''"));

type StringEntity = { partitionKey: string; rowKey: string } & Record<string, string>;

const isStringEntity = (entity: object): entity is StringEntity =>
  Object.values(entity).every((value) => typeof value === 'string');

/** The SDK's JSON for an entity of strings: its keys renamed, every property as it is. */
function entityJson(entity: StringEntity): string {
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(entity)) {
    if (name === 'partitionKey') properties.PartitionKey = value;
    else if (name === 'rowKey') properties.RowKey = value;
    else properties[name] = value;
  }
  return JSON.stringify(properties);
}

/** One operation of the changeset, as the SDK's transaction policy assembles it. */
function operationPart(tableUrl: string, action: TransactionAction): string {
  const [kind, entity] = action;
  const body = entityJson(entity as StringEntity);
  const head =
    kind === 'create'
      ? [
          `POST ${tableUrl} HTTP/1.1`,
          'Content-Type: application/json;odata=nometadata',
          'Accept: application/json;odata=minimalmetadata',
          'DataServiceVersion: 3.0',
          'Prefer: return-no-content',
        ]
      : [
          `PUT ${tableUrl}(PartitionKey='${keyInUrl(entity.partitionKey)}',RowKey='${keyInUrl(entity.rowKey)}') HTTP/1.1`,
          'Content-Type: application/json',
          'DataServiceVersion: 3.0',
          'Accept: application/json',
        ];
  return [...head, lineEnd, body].join(lineEnd);
}

/** The $batch body of one changeset, as `TableClient.submitTransaction` writes it. */
function batchBody(
  tableUrl: string,
  actions: readonly TransactionAction[],
  ids: { batch: string; changeset: string },
): string {
  const changeset = `changeset_${ids.changeset}`;
  const parts = [
    `--batch_${ids.batch}${lineEnd}content-type: multipart/mixed; boundary=${changeset}${lineEnd}${lineEnd}`,
    ...actions.map(
      (action) =>
        `--${changeset}${lineEnd}content-type: application/http${lineEnd}content-transfer-encoding: binary${lineEnd}${lineEnd}${operationPart(tableUrl, action)}`,
    ),
  ];
  return `${parts.join(lineEnd)}${lineEnd}--${changeset}--${lineEnd}--batch_${ids.batch}--${lineEnd}`;
}

/** The SDK's error for a failed transaction or operation: the service's message and code when it gave them. */
function transactionError(body: string, statusCode: number): RestError {
  let message = 'Transaction Failed';
  let code: string | undefined;
  try {
    const error = (JSON.parse(body) as { 'odata.error'?: { code?: string; message?: { value?: string } } })[
      'odata.error'
    ];
    message = error?.message?.value ?? message;
    code = error?.code;
  } catch {
    // Not JSON: the status says enough.
  }
  return new RestError(message, { code, statusCode });
}

/** Every operation's status from a changeset's answer; throws the first failure, as the SDK does. */
export function checkBatchAnswer(status: number, body: string, operations: number): void {
  if (status !== 202) throw transactionError(body, status);
  const answers = body.split('--changesetresponse_').slice(1, -1);
  for (const answer of answers) {
    const code = Number(/HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
    if (!Number.isInteger(code))
      throw new RestError('a transaction answer without a status', { statusCode: 500 });
    if (code < 200 || code >= 300) throw transactionError(/\{.*\}/.exec(answer)?.[0] ?? '', code);
  }
  // A changeset either answers every operation or fails as a whole.
  if (answers.length !== operations)
    throw new RestError(`a transaction of ${operations} operations answered ${answers.length}`, {
      statusCode: 500,
    });
}

const isCosmos = (url: URL) =>
  url.hostname.includes('.table.cosmosdb.') ||
  url.hostname.includes('.table.cosmos.') ||
  (url.hostname === 'localhost' && !url.pathname.startsWith('/devstoreaccount1'));

/**
 * The table's entity-group transactions. Those whose operations are all creates or replacing upserts of
 * entities of strings (ballots) are sent as the Azure SDK sends them, but without building each operation
 * as a request of its own through an HTTP pipeline, which cost about a seventh of the server's CPU per
 * ballot (`npm run bench`). The body is the SDK's, byte for byte but for its random boundaries
 * (`tests/integration/entity-batch.test.ts` compares them); it goes through the table client's own
 * pipeline (authentication, retries, the same API version); and its answer is read as the SDK reads it,
 * only more strictly: anything but a success of every operation is a failure, a refusal with the status
 * of the operation refused, as the SDK throws it. Every other transaction goes through the SDK.
 */
export function transactionsOf(
  table: TableClient,
  httpClient: HttpClient = createDefaultHttpClient(),
): SubmitTransaction {
  const account = new URL(table.url);
  // A SAS in the account address, or a Cosmos DB endpoint, is sent differently by the SDK: left to it.
  const direct = account.search === '' && !isCosmos(account);
  const accountUrl = table.url.endsWith('/') ? table.url : `${table.url}/`;
  const tableUrl = `${accountUrl}${table.tableName}`;
  const accepts = (actions: readonly TransactionAction[]) =>
    direct &&
    actions.length > 0 &&
    actions.every(
      ([kind, entity, mode]) =>
        (kind === 'create' || (kind === 'upsert' && mode === 'Replace')) && isStringEntity(entity),
    );
  return async (actions) => {
    if (!accepts(actions)) return table.submitTransaction(actions);
    const ids = { batch: randomUUID(), changeset: randomUUID() };
    const request = createPipelineRequest({
      url: `${accountUrl}$batch`,
      method: 'POST',
      body: batchBody(tableUrl, actions, ids),
      headers: createHttpHeaders({
        accept: 'application/json',
        'x-ms-version': '2019-02-02',
        DataServiceVersion: '3.0;',
        MaxDataServiceVersion: '3.0;NetFx',
        'Content-Type': `multipart/mixed; boundary=batch_${ids.batch}`,
        'Accept-Charset': 'UTF-8',
        Connection: 'Keep-Alive',
      }),
      allowInsecureConnection: account.protocol === 'http:',
    });
    const response = await table.pipeline.sendRequest(httpClient, request);
    checkBatchAnswer(response.status, response.bodyAsText ?? '', actions.length);
    return response.status;
  };
}
