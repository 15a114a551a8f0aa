import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../bot/config';
import { azuriteConnectionString } from '../bot/storage/table-set';
import { VerifyLogUsageError, verifyLog } from './lib/verify-log';

const usage = `Usage: npm run verify-log -- --team <teamId> [--tenant <tenantId>] [--head <hash>]... [--receipts] [--json] [--azurite-port <port>]

Recomputes the team's hash-chained decision log and each decision's tally from its stored ballots, in
the storage the server is configured with (AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL,
TABLE_PREFIX). Exit code 0: intact; 1: an entry was edited, deleted, reordered or inserted, or a tally
no longer matches its ballots; 2: bad arguments or configuration.

  --team <id>           the Teams team id (19:…@thread.tacv2)
  --tenant <id>         the tenant id; looked up from the installed teams when omitted
  --head <hash>         a head printed by an earlier run (or its first 8+ digits): reports a rewritten log
  --receipts            list the receipt of every counted ballot, so voters can find theirs
  --json                print the report as JSON
  --azurite-port <port> the table port of the Azurite \`npm start\` started (it prints it), instead of
                        setting AZURE_STORAGE_CONNECTION_STRING`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        team: { type: 'string' },
        tenant: { type: 'string' },
        head: { type: 'string', multiple: true },
        receipts: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'azurite-port': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error: unknown) {
    if (!(error instanceof TypeError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (args.help) {
    console.log(usage);
    return 0;
  }
  if (!args.team) {
    console.error(`--team is required\n\n${usage}`);
    return 2;
  }
  const env = { ...process.env };
  const azuritePort = args['azurite-port'];
  if (azuritePort !== undefined) {
    if (!/^\d{1,5}$/.test(azuritePort)) {
      console.error(`--azurite-port: expected a port number, got "${azuritePort}"`);
      return 2;
    }
    env.AZURE_STORAGE_CONNECTION_STRING = azuriteConnectionString(Number(azuritePort));
  }
  try {
    const result = await verifyLog({
      config: loadConfig(env),
      teamId: args.team,
      ...(args.tenant ? { tenantId: args.tenant } : {}),
      ...(args.head ? { knownHashes: args.head } : {}),
      receipts: args.receipts,
    });
    if (args.json)
      console.log(
        JSON.stringify({ team: result.team, exitCode: result.exitCode, report: result.report }, null, 2),
      );
    else process.stdout.write(result.text);
    return result.exitCode;
  } catch (error: unknown) {
    if (error instanceof ConfigError || error instanceof VerifyLogUsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
