import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../src/central/enrolment/service';
import { type CoreWiring as Core, wireCore } from '../../../src/core/app/wire-core';
import { inTransaction } from '../../../src/core/app/deps';
import { enqueue } from '../../../src/core/sync/outbox';
import { createSyncService } from '../../../src/core/sync/sync-service';
import { updateSyncState } from '../../../src/core/sync/sync-state';
import { type Fault, startFaultProxy } from '../../chaos/fault-proxy';
import { SYSTEM } from '../../helpers/test-core';
import { centralEffects, sharedCentral } from './counter-harness';

type Step =
  | { readonly type: 'create'; readonly n: number }
  | { readonly type: 'sync'; readonly fault: Fault }
  | { readonly type: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constant('create' as const), n: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    type: fc.constant('sync' as const),
    fault: fc.constantFrom<Fault>(
      'pass',
      'drop_request',
      'drop_response',
      'duplicate',
      'truncate_response',
      'http_500',
    ),
  }),
  fc.record({ type: fc.constant('restart' as const) }),
);

describe('sync property: random creates, syncs, faults and restarts', () => {
  const central = sharedCentral();

  it('central ops ⊆ created ops at every step, and equal after a final drain', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 8 }), async (steps) => {
        let fault: Fault = 'pass';
        const proxy = await startFaultProxy(central.get().url, (_n, method) =>
          method === 'POST' ? fault : 'pass',
        );
        const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-prop-'));
        let core: Core = wireCore({ dataDir, log: () => undefined });
        const service = () =>
          createSyncService(core.deps, {
            changeAppliers: {},
            batchSize: 5,
            timeoutMs: 700,
            random: () => 0,
          });
        let sync = service();
        const created = new Set<string>();
        const remember = () => {
          for (const id of core.deps.db
            .prepare('SELECT op_id FROM outbox')
            .pluck()
            .all() as string[])
            created.add(id);
        };
        try {
          const { code } = await createEnrolmentCode(central.get().store, 'prop', new Date());
          await sync.enrol(SYSTEM, central.get().url, code);
          inTransaction(core.deps, () => updateSyncState(core.deps.db, { central_url: proxy.url }));
          remember();
          for (const s of steps) {
            if (s.type === 'create') {
              inTransaction(core.deps, () => {
                for (let i = 0; i < s.n; i++)
                  enqueue(
                    core.deps.db,
                    { kind: 'test.note', entityId: `p${i}`, payload: { i } },
                    new Date(),
                  );
              });
              remember();
            } else if (s.type === 'sync') {
              fault = s.fault;
              await sync.syncOnce();
              fault = 'pass';
            } else {
              sync.stop();
              core.close();
              core = wireCore({ dataDir, log: () => undefined });
              sync = service();
            }
            const effects = await centralEffects(central.get(), core.deps.deviceId);
            for (const id of effects.keys()) expect(created.has(id)).toBe(true);
          }
          for (let i = 0; i < 5 && sync.status().pending > 0; i++) await sync.syncOnce();
          const effects = await centralEffects(central.get(), core.deps.deviceId);
          expect([...effects.keys()].sort()).toEqual([...created].sort());
          expect([...effects.values()].every((n) => n === 1)).toBe(true);
        } finally {
          sync.stop();
          core.close();
          await proxy.close();
          rmSync(dataDir, { recursive: true, force: true });
        }
      }),
      { numRuns: 8, seed: 20261128 },
    );
  }, 240_000);
});
