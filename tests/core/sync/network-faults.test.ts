import { describe, expect, it } from 'vitest';
import { readSyncState } from '../../../src/core/sync/sync-state';
import { type Fault, startFaultProxy } from '../../chaos/fault-proxy';
import { testCore } from '../../helpers/test-core';
import { centralEffects, enrolledSync, queueNotes, sharedCentral } from './counter-harness';

const allOpIds = (db: ReturnType<typeof testCore>['core']['deps']['db']): string[] =>
  db.prepare('SELECT op_id FROM outbox').pluck().all() as string[];

describe('sync through a faulty network', () => {
  const central = sharedCentral();

  const faults: Fault[] = [
    'drop_request',
    'drop_response',
    'duplicate',
    'delay',
    'truncate_request',
    'truncate_response',
    'http_500',
    'http_429',
  ];

  it.each(faults)('%s: nothing lost, nothing duplicated', async (fault) => {
    const t = testCore();
    // Faults hit the first two pushes (batches of 10), so later batches overtake delayed ones.
    let pushes = 0;
    const proxy = await startFaultProxy(central.get().url, (_n, method, path) => {
      if (method !== 'POST' || !path.startsWith('/v1/sync/push')) return 'pass';
      pushes += 1;
      return pushes <= 2 ? fault : 'pass';
    });
    try {
      const sync = await enrolledSync(t, central.get(), {
        url: proxy.url,
        batchSize: 10,
        timeoutMs: 700,
      });
      queueNotes(t, 35);
      const created = allOpIds(t.core.deps.db);
      const first = await sync.syncOnce();
      if (fault === 'http_429') {
        const state = readSyncState(t.core.deps.db);
        expect(first.error).toBe('http_429');
        expect(
          Date.parse(state.next_attempt_at ?? '') - t.clock.now().getTime(),
        ).toBeGreaterThanOrEqual(2000);
      }
      for (let i = 0; i < 6 && sync.status().pending > 0; i++) await sync.syncOnce();
      await proxy.settled();
      expect(sync.status()).toMatchObject({ pending: 0, rejected: 0 });
      const effects = await centralEffects(central.get(), t.core.deps.deviceId);
      expect([...effects.keys()].sort()).toEqual([...created].sort());
      expect([...effects.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});
