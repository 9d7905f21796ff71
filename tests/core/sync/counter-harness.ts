import { afterAll, beforeAll } from 'vitest';
import { createEnrolmentCode } from '../../../src/central/enrolment/service';
import type { OpAppliers } from '../../../src/central/sync/appliers';
import { inTransaction } from '../../../src/core/app/deps';
import { enqueue } from '../../../src/core/sync/outbox';
import { createSyncService, type SyncServiceOptions } from '../../../src/core/sync/sync-service';
import { updateSyncState } from '../../../src/core/sync/sync-state';
import {
  type RunningCentral,
  startCentral,
  storeVariants,
  testAppliers,
} from '../../central/harness';
import { SYSTEM, type TestCore } from '../../helpers/test-core';

const note = testAppliers['test.note'] ?? (async () => undefined);
/** Audit entries and checkpoints are queued by every audited action; here they land as notes too. */
export const counterAppliers: OpAppliers = {
  ...testAppliers,
  'audit.entry': note,
  'audit.checkpoint': note,
};

/** One embedded central for the whole file (PGlite start-up costs seconds). */
export const sharedCentral = (
  appliers: OpAppliers = counterAppliers,
): { get: () => RunningCentral } => {
  let central: RunningCentral | undefined;
  const pglite = storeVariants[0];
  beforeAll(async () => {
    if (!pglite) throw new Error('no pglite variant');
    central = await startCentral(pglite, appliers);
  });
  afterAll(async () => central?.close());
  return {
    get: () => {
      if (!central) throw new Error('central not started');
      return central;
    },
  };
};

/** Enrols a test core with central through the real enrolment route; optionally via `url`. */
export const enrolledSync = async (
  t: TestCore,
  central: RunningCentral,
  options: Partial<SyncServiceOptions> & { url?: string } = {},
) => {
  const sync = createSyncService(t.core.deps, { changeAppliers: {}, random: () => 0, ...options });
  const { code } = await createEnrolmentCode(central.store, 'Mostrador test', new Date());
  await sync.enrol(SYSTEM, central.url, code);
  if (options.url)
    inTransaction(t.core.deps, () => updateSyncState(t.core.deps.db, { central_url: options.url }));
  return sync;
};

/** Queues `n` test ops as a domain change would; returns their op ids. */
export const queueNotes = (t: TestCore, n: number, kind = 'test.note'): string[] =>
  inTransaction(t.core.deps, () =>
    Array.from({ length: n }, (_, i) =>
      enqueue(t.core.deps.db, { kind, entityId: `n${i}`, payload: { i } }, t.clock.now()),
    ),
  );

export const pendingIds = (t: TestCore): string[] =>
  t.core.deps.db
    .prepare(`SELECT op_id FROM outbox WHERE status = 'pending' ORDER BY seq`)
    .pluck()
    .all() as string[];

/** Effect rows per op at central for this device: each op must appear exactly once. */
export const centralEffects = async (
  central: RunningCentral,
  deviceId: string,
): Promise<Map<string, number>> => {
  const rows = await central.store.query<{ op_id: string; n: number }>(
    'SELECT op_id, count(*)::int AS n FROM test_notes WHERE device_id = $1 GROUP BY op_id',
    [deviceId],
  );
  return new Map(rows.map((r) => [r.op_id, r.n]));
};
