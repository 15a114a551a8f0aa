import { readFileSync } from 'node:fs';

/** CPU seconds by process: the app server, the bench (client and loopback connector), and Azurite. */
export interface CpuByProcess {
  server: number;
  bench: number;
  /** Null where /proc cannot be read. */
  azurite: number | null;
}

/** Sums each process's CPU over the windows it measures (the timed parts of a phase). */
export interface CpuMeter {
  measure<T>(run: () => Promise<T>): Promise<T>;
  total(): CpuByProcess;
}

/** CPU seconds another process has used so far (Linux /proc; null elsewhere or once it is gone). */
function cpuSecondsOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after "pid (comm) ", in 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const secondsOf = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;

/** The server reports its own `process.cpuUsage()`; Azurite is read from /proc; the bench is this process. */
export function createCpuMeter(options: {
  serverUsage: () => Promise<NodeJS.CpuUsage>;
  azuritePid: number | undefined;
}): CpuMeter {
  const total: CpuByProcess = { server: 0, bench: 0, azurite: 0 };
  return {
    async measure(run) {
      const server = secondsOf(await options.serverUsage());
      const azurite = cpuSecondsOf(options.azuritePid);
      const bench = process.cpuUsage();
      const result = await run();
      total.bench += secondsOf(process.cpuUsage(bench));
      const azuriteAfter = cpuSecondsOf(options.azuritePid);
      total.azurite =
        total.azurite === null || azurite === null || azuriteAfter === null
          ? null
          : total.azurite + azuriteAfter - azurite;
      total.server += secondsOf(await options.serverUsage()) - server;
      return result;
    },
    total: () => ({ ...total }),
  };
}

/** Applies `f` to each process's figure (rounding, per-ballot shares). */
export const mapCpu = (cpu: CpuByProcess, f: (seconds: number) => number): CpuByProcess => ({
  server: f(cpu.server),
  bench: f(cpu.bench),
  azurite: cpu.azurite === null ? null : f(cpu.azurite),
});
