import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import type { AppConfig } from '../config';
import { isRestErrorWithStatus } from './rest-errors';

/** The app's tables, one per aggregate, all named with the configured prefix. */
export const tableNames = [
  'teams',
  'conversations',
  'activities',
  'candidates',
  'votes',
  'ballots',
  'decisions',
  'teamstate',
  'jobs',
  'acks',
  'consents',
  'preferences',
  'boards',
  'integrations',
  'assignments',
  'actions',
  'releases',
  'checkins',
] as const;
export type TableName = (typeof tableNames)[number];

export interface TableSet {
  table(name: TableName): TableClient;
  /** One cheap request, for /healthz. */
  ping(): Promise<void>;
}

/** Connects to Azure Table Storage (or Azurite) as configured and creates missing tables. */
export async function openTableSet(
  storage: AppConfig['storage'],
  prefix: string,
  options: TableServiceClientOptions = {},
): Promise<TableSet> {
  const clientFor = tableClientFactory(storage, options);
  const clients = new Map<TableName, TableClient>();
  for (const name of tableNames) {
    const client = clientFor(`${prefix}${name}`);
    await createIfMissing(client);
    clients.set(name, client);
  }
  const probe = clientFor(`${prefix}${tableNames[0]}`);
  return {
    table(name) {
      const client = clients.get(name);
      if (!client) throw new Error(`unknown table ${name}`);
      return client;
    },
    async ping() {
      const page = probe
        .listEntities({ queryOptions: { select: ['PartitionKey'] } })
        .byPage({ maxPageSize: 1 });
      await page.next();
    },
  };
}

function tableClientFactory(
  storage: AppConfig['storage'],
  options: TableServiceClientOptions,
): (tableName: string) => TableClient {
  if (storage.kind === 'connection-string') {
    // Azurite serves plain http on loopback; real accounts are https.
    const allowInsecureConnection = /UseDevelopmentStorage=true|https?:\/\/(127\.0\.0\.1|localhost)/i.test(
      storage.connectionString,
    );
    return (tableName) =>
      TableClient.fromConnectionString(storage.connectionString, tableName, {
        ...options,
        allowInsecureConnection,
      });
  }
  const credential = new DefaultAzureCredential();
  return (tableName) => new TableClient(storage.accountUrl, tableName, credential, options);
}

async function createIfMissing(client: TableClient): Promise<void> {
  try {
    await client.createTable();
  } catch (error: unknown) {
    if (isRestErrorWithStatus(error, 409)) return;
    throw error;
  }
}

/** The well-known Azurite development account, for the local emulator and tests. */
export function azuriteConnectionString(tablePort: number): string {
  const account = 'devstoreaccount1';
  const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
  return `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${key};TableEndpoint=http://127.0.0.1:${tablePort}/${account};`;
}
