/**
 * How long a reading may keep trying stronger passes. It is counted in CPU time of this
 * process (the engines run in its worker threads, so their work counts), so what a reading
 * tries, and so what it reads, does not depend on how busy the machine is. A wall-clock cap,
 * a multiple of it, still bounds the answer on a starved machine. Readings that run side by
 * side (both sides of a card) share the process, so each sees the other's work: they stop
 * sooner, never later.
 */
export interface Budget {
  spent(): boolean;
}

/** Wall-clock cap as a multiple of the CPU budget. */
const WALL_CAP = 6;

export const startBudget = (cpuMs: number): Budget => {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  return {
    spent: () => {
      const used = process.cpuUsage(cpu0);
      return (
        (used.user + used.system) / 1000 > cpuMs || performance.now() - wall0 > cpuMs * WALL_CAP
      );
    },
  };
};
