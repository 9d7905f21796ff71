import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opAppliers } from '../../src/central/op-appliers';
import { openPgStore } from '../../src/central/db/pg-store';
import { type AtprotoNetwork, startAtprotoNetwork } from '../helpers/atproto-network';
import { townOn, useNetwork } from './bluesky-helpers';
import { PG_URL, type RunningCentral, startCentral } from './harness';
import { JUAN, verificationCounter } from './verification-counter';

const ROOT = resolve(import.meta.dirname, '../..');
const VITE_NODE = resolve(ROOT, 'node_modules/vite-node/dist/cli.mjs');
const CHILD = resolve(import.meta.dirname, 'bluesky-worker-child.ts');

/** The worker in its own process; resolves on the line that matches `until`. */
const runWorker = (env: Record<string, string>, until: RegExp) => {
  const child = spawn(process.execPath, [VITE_NODE, CHILD], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const seen = new Promise<string>((ok, ko) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = until.exec(out);
      if (m) ok(m[0]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) =>
      ko(new Error(`worker exited (${String(code)}) before ${until}:\n${out}`)),
    );
  });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return { child, seen, exited };
};

// The worker and the test share one PostgreSQL schema: PGlite takes one process per folder.
describe.skipIf(!PG_URL)('crash in the middle of publishing (PostgreSQL, real PDS)', () => {
  let net: AtprotoNetwork;
  let central: RunningCentral;
  let url = '';
  const schema = `t_${randomUUID().replace(/-/g, '')}`;

  beforeAll(async () => {
    net = await startAtprotoNetwork();
    useNetwork(net);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const sep = (PG_URL ?? '').includes('?') ? '&' : '?';
    url = `${PG_URL ?? ''}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    central = await startCentral(
      { name: 'postgres', skip: undefined, open: () => openPgStore(url) },
      opAppliers,
    );
  });
  afterAll(async () => {
    await central?.close();
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    await net?.close();
  });

  it('a worker killed after the PDS took the record, restarted: exactly one record', async () => {
    const { key, records } = await townOn(net, central, 'town-crash');
    const ana = await net.createAccount('ana-crash');
    const c = await verificationCounter(central);
    await c.save(JUAN, ana.handle, { network: 'bluesky' });
    await c.sync();
    const env = {
      BLUESKY_TEST_STORE_URL: url,
      BLUESKY_TEST_KEY: key.toString('hex'),
      VENTANILLA_BLUESKY_RESOLVER: net.pdsUrl,
      VENTANILLA_BLUESKY_PLC: net.plcUrl,
    };

    const first = runWorker({ ...env, BLUESKY_STALL_AFTER_WRITE: '1' }, /written \w+/);
    await first.seen;
    first.child.kill('SIGKILL');
    await first.exited;
    // The PDS has the record; central never noted it.
    expect(await records()).toHaveLength(1);
    const [queued] = await central.store.query<{ state: string }>(
      'SELECT state FROM bluesky_records',
    );
    expect(queued?.state).toBe('queued');

    const second = runWorker(env, /published .*\n/);
    expect(await second.seen).toContain('"written":1');
    await second.exited;
    const held = await records();
    expect(held).toHaveLength(1);
    expect(held[0]?.subject).toBe(ana.did);
    const [noted] = await central.store.query<{ state: string }>(
      'SELECT state FROM bluesky_records',
    );
    expect(noted?.state).toBe('written');
  }, 120_000);
});
