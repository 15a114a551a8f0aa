import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** The machine's CPU time so far, summed over its cores, in clock ticks (Linux /proc/stat). */
interface MachineTicks {
  busy: number;
  all: number;
}

function machineTicks(): MachineTicks | null {
  try {
    const [label, ...fields] = (readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '')
      .trim()
      .split(/\s+/);
    // "cpu user nice system idle iowait irq softirq steal guest guest_nice": guest time is already counted
    // in user, and steal is time the hypervisor gave to other machines, so not ours to use.
    const ticks = fields.slice(0, 8).map(Number);
    if (label !== 'cpu' || ticks.length < 8 || !ticks.every(Number.isFinite)) return null;
    const sum = (...fieldIndexes: number[]) =>
      fieldIndexes.reduce((total, index) => total + (ticks[index] ?? 0), 0);
    // Busy: user, nice, system, irq, softirq. All: those, idle, iowait and steal.
    return { busy: sum(0, 1, 2, 5, 6), all: sum(0, 1, 2, 3, 4, 5, 6, 7) };
  } catch {
    return null;
  }
}

/**
 * Runs `run` and answers how many of the machine's cores were busy on average meanwhile, by every
 * process: below the core count, the work waited on something other than CPU (null where /proc/stat
 * cannot be read).
 */
export async function measureBusyCores<T>(
  run: () => Promise<T>,
): Promise<{ result: T; busyCores: number | null }> {
  const before = machineTicks();
  const result = await run();
  const after = machineTicks();
  if (!before || !after || after.all <= before.all) return { result, busyCores: null };
  return { result, busyCores: (cpus().length * (after.busy - before.busy)) / (after.all - before.all) };
}
