import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startBudget } from '../../../src/core/ocr/budget';

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

describe('the escalation budget of a reading', () => {
  it('counts work, not waiting: a busy machine does not make a reading try less', async () => {
    const budget = startBudget(200);
    // Waiting (as a reading does while other processes hold the cores) costs no budget.
    await sleep(300);
    expect(budget.spent()).toBe(false);
    const c0 = process.cpuUsage();
    let x = 0;
    while (cpuMs(c0) < 250) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    expect(budget.spent()).toBe(true);
  });

  it('still ends on a starved machine, after a bounded wall-clock time', async () => {
    const budget = startBudget(50);
    await sleep(400);
    expect(budget.spent()).toBe(true);
  });
});
