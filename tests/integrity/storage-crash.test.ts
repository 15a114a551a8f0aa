import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAzurite, type RunningAzurite } from '../../scripts/lib/azurite';
import { startTestApp, type TestApp } from '../support/app-harness';
import { readBallotRows, runStorm, seededRandom, stormTeam, toldVoter } from './support/storm';

describe('Azurite crashing in the middle of a storm', () => {
  let app: TestApp | null = null;
  let azurite: RunningAzurite | null = null;
  let location = '';
  afterEach(async () => {
    await app?.close();
    await azurite?.stop();
    rmSync(location, { recursive: true, force: true });
    app = null;
    azurite = null;
  });

  it('keeps every acknowledged ballot, tells the others they failed, and recovers without a restart', async () => {
    location = mkdtempSync(join(tmpdir(), 'lt-crash-'));
    azurite = await startAzurite({ location });
    const { port, connectionString } = azurite;
    app = await startTestApp({ connectionString });
    const { members, team, vote } = await stormTeam(app, connectionString, {
      slug: 'crash',
      name: 'Crash member',
      count: 60,
    });

    const health: number[] = [];
    const healthz = async () => {
      const response = await fetch(`${(app as TestApp).baseUrl}/healthz`);
      health.push(response.status);
      return response.status;
    };
    expect(await healthz()).toBe(200);

    let outage = null as Promise<void> | null;
    const crash = async () => {
      // Azurite's on-disk store (LokiJS) saves every 5 s, so a SIGKILL would lose writes the emulator itself
      // had acknowledged, which real Table Storage never does. SIGINT drops every connection at once and keeps
      // the data: the service goes away as in a crash, and comes back with what it had acknowledged.
      await azurite?.stop();
      while (health.at(-1) !== 503) await healthz();
      // Longer than the storage client's own retries (about 7 s), so some ballots fail outright.
      await new Promise((resolve) => setTimeout(resolve, 9_000));
      azurite = await startAzurite({ location, port });
      const deadline = Date.now() + 20_000;
      while ((await healthz()) !== 200 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 200));
    };
    const submissions = await runStorm({
      app,
      team,
      vote,
      members,
      rounds: 4,
      duplicateRate: 0.1,
      random: seededRandom(9),
      beforeSubmit: async (round, memberIndex) => {
        if (round === 1 && memberIndex === 0) outage ??= crash();
        // The last round waits for storage to be back, so the storm ends on a working service.
        if (round === 3) await outage;
      },
    });
    await outage;

    expect(health[0]).toBe(200);
    expect(health).toContain(503);
    expect(health.at(-1)).toBe(200);
    const failed = submissions.filter((s) => s.failed && !s.acknowledged);
    expect(failed.length).toBeGreaterThan(0);
    // Each voter was told: recorded (this very ballot) or an error; never a silent or stale answer.
    expect(submissions.filter((s) => !s.acknowledged && !s.failed).map(toldVoter)).toEqual([]);

    // Every acknowledged ballot survived: each member's current ballot is their last acknowledged one, or a
    // later one they were told had failed (a write can land although its answer was lost).
    const rows = await readBallotRows(connectionString, app.tablePrefix, team, vote.voteId);
    for (const member of members) {
      const own = submissions.filter((s) => s.member.id === member.id).sort((a, b) => a.round - b.round);
      const lastAcked = own.filter((s) => s.acknowledged).at(-1);
      const current = rows.current.filter((row) => row.memberId === member.id);
      if (!lastAcked) continue;
      expect(current).toHaveLength(1);
      const allowed = own.filter((s) => s.round >= lastAcked.round).map((s) => s.ranking);
      expect(allowed, member.name).toContainEqual(current[0]?.ranking);
    }

    // The same server keeps working: a ballot after the recovery is recorded.
    const [after] = await runStorm({
      app,
      team,
      vote,
      members: members.slice(0, 1),
      rounds: 1,
      duplicateRate: 0,
      random: seededRandom(10),
    });
    expect(after?.acknowledged, after && toldVoter(after)).toBe(true);
  });
});
