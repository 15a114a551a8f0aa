import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config';
import { startServer, type RunningServer } from '../../bot/composition-root';
import { silentLogger } from '../../bot/support/logger';
import { systemClock } from '../../bot/support/clock';
import { startAzurite, type RunningAzurite } from '../../scripts/lib/azurite';
import { teamInstall, testUser } from '../support/activities';
import { startLoopbackConnector } from '../support/loopback-connector';

/** What `npm start` does across a restart: Azurite on disk under a folder, the server on top. */
describe('data kept on disk', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lt-persist-'));
  let azurite: RunningAzurite | null = null;
  let server: RunningServer | null = null;

  afterEach(async () => {
    await server?.close();
    await azurite?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const start = async () => {
    azurite = await startAzurite({ location: folder });
    const config = loadConfig({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, PORT: '0' });
    server = await startServer({ config, clock: systemClock, logger: silentLogger, schedulerIntervalMs: 0 });
    return server;
  };

  it('keeps the teams it was added to through a restart of Azurite and the server', async () => {
    const connector = await startLoopbackConnector();
    try {
      const first = await start();
      const team = {
        tenantId: 't',
        teamId: '19:kept@thread.tacv2',
        teamName: 'Kept',
        channelId: '19:kept@thread.tacv2',
        serviceUrl: connector.serviceUrl,
      };
      const installed = await fetch(`${first.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(teamInstall(team, testUser('Alice'))),
      });
      expect(installed.status).toBe(200);
      await first.close();
      await azurite?.stop();
      server = null;

      const second = await start();
      const directory = (await fetch(`${second.url}/api/local/directory`).then((r) => r.json())) as unknown;
      expect(directory).toEqual({ teams: [{ id: '19:kept@thread.tacv2', name: 'Kept' }] });
    } finally {
      await connector.close();
    }
  });
});
