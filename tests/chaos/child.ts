// The counter in a chaos round: drains its queue against central, and dies by SIGKILL at the
// point the parent chose. Built once by run.ts and started with Node 22 directly (fast restarts).
import type { CoreDeps } from '../../src/core/app/deps';
import { openDatabase } from '../../src/core/db/open';
import { systemClock } from '../../src/core/platform/clock';
import { ensureDeviceId } from '../../src/core/settings/settings-service';
import { createSyncService } from '../../src/core/sync/sync-service';

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir || !mode) throw new Error('usage: child DATA_DIR MODE');

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

// Only what sync needs (not the whole core with OCR and PDF): restarts stay quick.
const opened = openDatabase(dataDir);
const deps: CoreDeps = {
  db: opened.db,
  keys: opened.keys,
  dataDir,
  clock: systemClock,
  deviceId: ensureDeviceId(opened.db),
  version: 'chaos',
  schemaVersion: opened.schemaVersion,
};
const sync = createSyncService(deps, {
  changeAppliers: {},
  batchSize: 7,
  pullPageSize: 6,
  timeoutMs: 5_000,
  hooks: {
    beforePush: () => (mode === 'before_push' ? die() : undefined),
    afterPushResponse: () => (mode === 'before_ack' ? die() : undefined),
    duringPullPage: (i, size) =>
      mode === 'mid_pull' && i === Math.floor(size / 2) ? die() : undefined,
  },
});

// A run without error pushed every pending row and pulled until central had no more.
for (let i = 0; i < 50; i++) {
  const run = await sync.syncOnce();
  if (run.error) await new Promise((r) => setTimeout(r, 100));
  else if (run.report.pending === 0) break;
}
const status = sync.status();
opened.db.close();
process.exitCode = status.pending === 0 && status.rejected === 0 ? 0 : 1;
