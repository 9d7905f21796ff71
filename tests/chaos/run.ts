// `npm run chaos -- --rounds N --seed S`: a counter process syncing with a real central on
// loopback is SIGKILLed at random moments (before sending, after central commits but before
// the reply, after the reply but before the local acknowledgement, half-way through a pull
// page, or at a random time). Ends with `rounds=N lost=L duplicated=D integrity=ok|...` and
// exits 0 only when nothing was lost or duplicated and every integrity check holds.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { createEnrolmentCode } from '../../src/central/enrolment/service';
import type { OpAppliers } from '../../src/central/sync/appliers';
import { migrateCentral } from '../../src/central/db/migrate';
import { openPgliteStore } from '../../src/central/db/pglite-store';
import { buildCentral } from '../../src/central/server';
import { wireCore } from '../../src/core/app/wire-core';
import { inTransaction } from '../../src/core/app/deps';
import { enqueue } from '../../src/core/sync/outbox';
import { createSyncService } from '../../src/core/sync/sync-service';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '50' }, seed: { type: 'string', default: '1' } },
});
const rounds = Number(values.rounds);
let seed = Number(values.seed) >>> 0 || 1;
/** xorshift32: the same seed gives the same kill plan. */
const random = (): number => {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 2 ** 32;
};
const modes = ['before_push', 'after_commit', 'before_ack', 'mid_pull', 'timer', 'none'] as const;
type Mode = (typeof modes)[number];

const root = resolve(import.meta.dirname, '../..');
const buildDir = join(root, 'test-artifacts', 'chaos-build');
const nodeBin = join(root, 'node_modules', '.bin', 'node');
const started = Date.now();

await build({
  configFile: false,
  root,
  logLevel: 'silent',
  build: {
    ssr: join(root, 'tests/chaos/child.ts'),
    outDir: buildDir,
    emptyOutDir: true,
    target: 'node22',
    rollupOptions: { output: { format: 'es', entryFileNames: 'child.mjs' } },
  },
});

const store = await openPgliteStore(undefined);
await migrateCentral(store);
await store.query('CREATE TABLE chaos_effects (op_id TEXT NOT NULL)');
let child: ChildProcess | undefined;
let mode: Mode = 'none';
const accept = async () => undefined;
const appliers: OpAppliers = {
  'chaos.item': async (tx, device, op) => {
    // Deliberately no unique key: a second application would show up as a duplicate row.
    await tx.query('INSERT INTO chaos_effects (op_id) VALUES ($1)', [op.op_id]);
    await tx.emitChange({
      type: 'chaos.echo',
      entity_id: op.op_id,
      version: 1,
      payload: {},
      device_id: device.id,
    });
  },
  'audit.entry': accept,
  'audit.checkpoint': accept,
};
const central = buildCentral({
  store,
  appliers,
  logLevel: false,
  afterPushCommit: async () => {
    if (mode === 'after_commit' && child?.exitCode === null && random() < 0.5)
      child.kill('SIGKILL');
  },
});
const url = await central.listen({ port: 0, host: '127.0.0.1' });

const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-chaos-'));
const created = new Set<string>();
{
  const core = wireCore({ dataDir, log: () => undefined });
  const { code } = await createEnrolmentCode(store, 'Mostrador caos', new Date());
  await createSyncService(core.deps, { changeAppliers: {} }).enrol(
    { staffId: null, username: 'chaos', role: 'system' },
    url,
    code,
  );
  core.close();
}

const runChild = (m: Mode): Promise<number | null> =>
  new Promise((done) => {
    mode = m;
    const proc = spawn(nodeBin, [join(buildDir, 'child.mjs'), dataDir, m], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child = proc;
    if (m === 'timer') setTimeout(() => proc.kill('SIGKILL'), Math.floor(random() * 1500));
    proc.on('exit', (code) => done(code));
  });

const kills: Record<string, number> = {};
for (let round = 1; round <= rounds; round++) {
  const core = wireCore({ dataDir, log: () => undefined });
  const n = 1 + Math.floor(random() * 25);
  inTransaction(core.deps, () => {
    for (let i = 0; i < n; i++) {
      created.add(
        enqueue(
          core.deps.db,
          { kind: 'chaos.item', entityId: `r${round}-${i}`, payload: { round, i } },
          core.deps.clock.now(),
        ),
      );
    }
  });
  core.close();
  const m = modes[Math.floor(random() * modes.length)] ?? 'none';
  const code = await runChild(m);
  if (code === null) kills[m] = (kills[m] ?? 0) + 1;
}
// The last restart: no more kills, the queue must drain.
const finalCode = await runChild('none');

const problems: string[] = [];
const effects = await store.query<{ op_id: string; n: number }>(
  'SELECT op_id, count(*)::int AS n FROM chaos_effects GROUP BY op_id',
);
const seen = new Map(effects.map((e) => [e.op_id, e.n]));
const lost = [...created].filter((id) => !seen.has(id)).length;
const duplicated = effects.reduce((sum, e) => sum + (e.n - 1), 0);
if (effects.some((e) => !created.has(e.op_id))) problems.push('phantom_ops');
if (finalCode !== 0) problems.push(`final_drain_exit_${String(finalCode)}`);
const core = wireCore({ dataDir, log: () => undefined });
const integrity = (core.deps.db.pragma('integrity_check') as { integrity_check: string }[])[0]
  ?.integrity_check;
if (integrity !== 'ok') problems.push('sqlite_integrity');
if ((core.deps.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number) !== 0)
  problems.push('outbox_not_empty');
const echoed = new Set(
  core.deps.db
    .prepare(`SELECT entity_id FROM sync_versions WHERE type = 'chaos.echo'`)
    .pluck()
    .all() as string[],
);
if (echoed.size !== seen.size || [...seen.keys()].some((id) => !echoed.has(id)))
  problems.push('pull_incomplete');
const cursor = core.deps.db.prepare('SELECT pull_cursor FROM sync_state').pluck().get() as number;
const [maxSeq] = await store.query<{ seq: number }>(
  'SELECT coalesce(max(seq), 0)::int AS seq FROM changes',
);
if (cursor !== maxSeq?.seq) problems.push('cursor_behind');
core.close();
await central.close();
await store.close();
rmSync(dataDir, { recursive: true, force: true });

process.stderr.write(
  `chaos: ${created.size} ops, kills ${JSON.stringify(kills)}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
const ok = lost === 0 && duplicated === 0 && problems.length === 0;
process.stdout.write(
  `rounds=${rounds} lost=${lost} duplicated=${duplicated} integrity=${problems.length === 0 ? 'ok' : problems.join(',')}\n`,
);
process.exitCode = ok ? 0 : 1;
