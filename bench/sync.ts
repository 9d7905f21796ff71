import { createHash, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createEnrolmentCode } from '../src/central/enrolment/service';
import { opAppliers } from '../src/central/op-appliers';
import type {
  CentralDevice,
  CentralTx,
  OpApplier,
  OpAppliers,
  PushedOp,
} from '../src/central/sync/appliers';
import { migrateCentral } from '../src/central/db/migrate';
import { openPgStore } from '../src/central/db/pg-store';
import { openPgliteStore } from '../src/central/db/pglite-store';
import type { CentralStore } from '../src/central/db/store';
import { buildCentral } from '../src/central/server';
import { wireCore } from '../src/core/app/wire-core';
import { audit, type CoreDeps, inTransaction } from '../src/core/app/deps';
import { canonicalJson } from '../src/core/audit/canonical-json';
import type { DeviceKey } from '../src/core/device/device-key';
import { enqueue } from '../src/core/sync/outbox';
import { centralRequest } from '../src/core/sync/signed-fetch';
import { createSyncService } from '../src/core/sync/sync-service';

/**
 * `npm run bench -- sync`: drain time of 10,000 queued items (bench items, then audit entries
 * through the real audit appliers); central ingest with 20 concurrent simulated devices,
 * measured with an applier doing one INSERT per op and with the same effect through the batch
 * form appliers may offer (`OpApplier.many`); and that ingest against raw multi-row INSERTs
 * into the same database in the same run. PostgreSQL from VENTANILLA_BENCH_DATABASE_URL (or
 * VENTANILLA_TEST_DATABASE_URL); without one, embedded PGlite, said so in the output.
 */
const DRAIN_ITEMS = 10_000;
const BENCH_ACTOR = { staffId: null, username: 'bench', role: 'system' } as const;
const DEVICES = 20;
const BATCHES_PER_DEVICE = 4;
const BATCH = 500;
const url = process.env.VENTANILLA_BENCH_DATABASE_URL ?? process.env.VENTANILLA_TEST_DATABASE_URL;

const openStore = async (): Promise<{ store: CentralStore; cleanup: () => Promise<void> }> => {
  if (!url) {
    console.log(
      'note: no PostgreSQL URL (VENTANILLA_BENCH_DATABASE_URL); measuring on embedded PGlite instead',
    );
    const store = await openPgliteStore(undefined);
    return { store, cleanup: () => store.close() };
  }
  const schema = `bench_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const sep = url.includes('?') ? '&' : '?';
  const store = await openPgStore(
    `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    DEVICES,
  );
  return {
    store,
    cleanup: async () => {
      await store.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
};

const { store, cleanup } = await openStore();
await migrateCentral(store);
await store.query(
  'CREATE TABLE bench_items (op_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, payload JSONB NOT NULL)',
);
await store.query(
  'CREATE TABLE bench_raw (op_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, payload JSONB NOT NULL)',
);
const insertItem: OpApplier = async (tx, device, op) => {
  await tx.query('INSERT INTO bench_items (op_id, device_id, payload) VALUES ($1, $2, $3)', [
    op.op_id,
    device.id,
    JSON.stringify(op.payload),
  ]);
};
/** The same effect, with the batch form appliers may offer: one multi-row INSERT per run. */
const insertItems: OpApplier = Object.assign(
  (...args: Parameters<OpApplier>) => insertItem(...args),
  {
    many: async (tx: CentralTx, device: CentralDevice, ops: readonly PushedOp[]) => {
      await tx.query(
        'INSERT INTO bench_items (op_id, device_id, payload) SELECT u.op_id, $1, u.payload::jsonb FROM unnest($2::text[], $3::text[]) AS u(op_id, payload)',
        [device.id, ops.map((o) => o.op_id), ops.map((o) => JSON.stringify(o.payload))],
      );
    },
  },
);
const appliers: OpAppliers = {
  'bench.one': insertItem,
  'bench.item': insertItems,
  // The real audit appliers: every audited action on a counter queues an audit entry.
  ...opAppliers,
};
const central = buildCentral({ store, appliers, logLevel: false });
const centralUrl = await central.listen({ port: 0, host: '127.0.0.1' });
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const payloadFor = (i: number) => ({
  n: i,
  kind: 'verification',
  masked: 'X****123Z',
  at: new Date().toISOString(),
});

// 1. Drain: a real counter with 10,000 rows in its encrypted outbox, twice: bench items, and
// audit entries (what a counter queues most) through central's real audit appliers.
const drain = async (label: string, fill: (deps: CoreDeps) => void): Promise<void> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-bench-'));
  const core = wireCore({ dataDir, log: () => undefined });
  const sync = createSyncService(core.deps, { changeAppliers: {} });
  const { code } = await createEnrolmentCode(store, 'Bench', new Date());
  await sync.enrol(BENCH_ACTOR, centralUrl, code);
  inTransaction(core.deps, () => fill(core.deps));
  const queued = sync.status().pending;
  const t0 = performance.now();
  const run = await sync.syncOnce();
  const ms = performance.now() - t0;
  if (run.error || run.report.pending !== 0 || run.report.rejected !== 0)
    throw new Error(`drain failed: ${JSON.stringify(run)}`);
  console.log(
    `drain ${queued} queued ${label}: ${seconds(ms)} s (target < 10 s), ${Math.round(queued / (ms / 1000))} items/s`,
  );
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
};
await drain('items', (deps) => {
  for (let i = 0; i < DRAIN_ITEMS; i++)
    enqueue(deps.db, { kind: 'bench.item', entityId: `d${i}`, payload: payloadFor(i) }, new Date());
});
await drain('audit entries (real appliers)', (deps) => {
  for (let i = 0; i < DRAIN_ITEMS; i++)
    audit(deps, {
      actor: BENCH_ACTOR,
      action: 'settings.changed',
      subject: 'bench',
      details: { i },
    });
});

// 2. Ingest: 20 devices pushing signed batches at once.
const newKey = (): DeviceKey => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
};
const devices = await Promise.all(
  Array.from({ length: DEVICES }, async (_, d) => {
    const key = newKey();
    const deviceId = randomUUID();
    const { code } = await createEnrolmentCode(store, `Sim ${d}`, new Date());
    await centralRequest(
      centralUrl,
      'POST',
      '/v1/enroll',
      { code, device_id: deviceId, public_key: key.publicKeyBase64 },
      { now: new Date() },
    );
    return { d, deviceId, key };
  }),
);
/** Batches are prepared up front: the clock measures central, not the simulator. */
const prepare = (kind: string, d: number, round: number) =>
  Array.from({ length: BATCHES_PER_DEVICE }, (_, b) =>
    Array.from({ length: BATCH }, (_, i) => {
      const payload = canonicalJson(payloadFor(b * BATCH + i));
      return {
        op_id: randomUUID(),
        seq: (round * BATCHES_PER_DEVICE + b) * BATCH + i + 1,
        kind,
        entity_id: `s${d}-${round}-${b}-${i}`,
        payload,
        payload_sha256: createHash('sha256').update(payload).digest('hex'),
        created_at: new Date().toISOString(),
      };
    }),
  );
const total = DEVICES * BATCHES_PER_DEVICE * BATCH;
const ingest = async (kind: string, round: number, label: string): Promise<number> => {
  const work = devices.map((dev) => ({ ...dev, batches: prepare(kind, dev.d, round) }));
  const t = performance.now();
  await Promise.all(
    work.map(async ({ deviceId, key, batches }) => {
      for (const ops of batches) {
        const res = await centralRequest(
          centralUrl,
          'POST',
          '/v1/sync/push',
          { protocol: 1, device_id: deviceId, ops },
          { signer: { deviceId, key }, now: new Date() },
        );
        if (res.status !== 200)
          throw new Error(`push failed: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }),
  );
  const ms = performance.now() - t;
  const rate = total / (ms / 1000);
  console.log(
    `ingest (${label}), ${DEVICES} concurrent devices, ${total} items: ${seconds(ms)} s, ${Math.round(rate)} items/s (target >= 2000)`,
  );
  return rate;
};
const perOpRate = await ingest('bench.one', 0, 'one INSERT per op');
const ingestRate = await ingest('bench.item', 1, 'batch applier, one INSERT per run');
const [applied] = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_items');
if (applied?.n !== 2 * total + DRAIN_ITEMS) throw new Error(`rows at central: ${applied?.n}`);

// 3. Baseline: the same rows as raw multi-row INSERTs, same concurrency, same database.
const t2 = performance.now();
await Promise.all(
  devices.map(async ({ d, deviceId }) => {
    for (const ops of prepare('bench.raw', d, 2)) {
      await store.query(
        'INSERT INTO bench_raw (op_id, device_id, payload) SELECT u.op_id, $1, u.payload::jsonb FROM unnest($2::text[], $3::text[]) AS u(op_id, payload)',
        [deviceId, ops.map((o) => o.op_id), ops.map((o) => o.payload)],
      );
    }
  }),
);
const rawMs = performance.now() - t2;
const rawRate = total / (rawMs / 1000);
console.log(
  `raw multi-row INSERT baseline (${store.engine}): ${seconds(rawMs)} s, ${Math.round(rawRate)} rows/s`,
);
console.log(
  `ingest / raw INSERT ratio: ${(ingestRate / rawRate).toFixed(3)} batch applier, ${(perOpRate / rawRate).toFixed(3)} one INSERT per op (engine ${store.engine})`,
);

await central.close();
await cleanup();
