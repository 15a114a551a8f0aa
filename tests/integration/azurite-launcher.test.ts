import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('../support/fixtures/crash-with-azurite.ts', import.meta.url));

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the Azurite launcher', () => {
  it('takes Azurite and its working folder along when the process that started it dies without stopping it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const { pid, folder } = JSON.parse(output) as { pid: number; folder: string };
    expect(code).not.toBe(0);
    expect(pid).toBeGreaterThan(0);
    expect(folder).toContain('azurite-');
    expect(existsSync(folder)).toBe(false);
    try {
      const deadline = Date.now() + 5_000;
      while (isRunning(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(isRunning(pid)).toBe(false);
    } finally {
      if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
