import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const E2E = resolve(import.meta.dirname, '../e2e');

/**
 * What made the e2e suite fail on a loaded machine: a check read once (it may run before the
 * screen re-renders), a fixed sleep, or "network idle". Tests wait on a condition instead:
 * locator.waitFor() or expect.poll().
 */
const FORBIDDEN: [RegExp, string][] = [
  [/\)\s*\.resolves\./, 'a one-shot read: use expect.poll(() => …)'],
  [/waitForTimeout\(/, 'a fixed sleep: wait for a condition'],
  [/networkidle/, '"network idle": wait for what the test needs'],
  [/new Promise\(\s*\(\w+\)\s*=>\s*setTimeout\(/, 'a fixed sleep: wait for a condition'],
];

describe('e2e tests wait on conditions', () => {
  it('reads nothing once, sleeps nowhere and never waits for network idle', () => {
    const found: string[] = [];
    for (const file of readdirSync(E2E).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(E2E, file), 'utf8');
      for (const [pattern, why] of FORBIDDEN) {
        const match = new RegExp(pattern.source, 'g');
        for (const m of text.matchAll(match)) {
          const line = text.slice(0, m.index).split('\n').length;
          found.push(`${file}:${line}: ${why}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
