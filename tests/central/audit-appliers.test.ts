import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { auditAppliers } from '../../src/central/audit-chain/appliers';
import type { CentralDevice, PushedOp } from '../../src/central/sync/appliers';
import { migrateCentral } from '../../src/central/db/migrate';
import { openPgliteStore } from '../../src/central/db/pglite-store';
import type { CentralStore } from '../../src/central/db/store';
import { deviceKey } from '../../src/core/device/device-key';
import { appendEntries, rawAttacker } from '../core/audit/audit-fixtures';
import { testCore } from '../helpers/test-core';

let store: CentralStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** Central with one enrolled counter, fed the counter's real outbox as a push would apply it. */
const central = async (db: Database, deviceId: string) => {
  store = await openPgliteStore(undefined);
  await migrateCentral(store);
  await store.query(
    'INSERT INTO devices (id, name, public_key, enrolled_at) VALUES ($1, $2, $3, $4)',
    [deviceId, 'Mostrador 1', deviceKey(db).publicKeyBase64, new Date()],
  );
  const device: CentralDevice = { id: deviceId, name: 'Mostrador 1' };
  let cursor = 0;
  const push = async () => {
    const ops = db.prepare('SELECT * FROM outbox WHERE seq > ? ORDER BY seq').all(cursor) as {
      seq: number;
      op_id: string;
      kind: string;
      entity_id: string;
      payload: string;
      payload_sha256: string;
      created_at: string;
    }[];
    for (const o of ops) {
      cursor = o.seq;
      const apply = auditAppliers[o.kind];
      if (!apply) continue;
      const op: PushedOp = { ...o, payload: JSON.parse(o.payload) as unknown };
      await store?.transaction((q) =>
        apply(
          {
            query: (text, params) => q.query(text, params),
            now: new Date(),
            emitChange: () => Promise.resolve(0),
          },
          device,
          op,
        ),
      );
    }
  };
  const state = async () => {
    const [chain] =
      (await store?.query(
        'SELECT size::int AS size, flag_problem, flag_seq::int AS flag_seq FROM audit_chains',
      )) ?? [];
    const [dev] = (await store?.query('SELECT last_error FROM devices')) ?? [];
    const [cps] = (await store?.query('SELECT count(*)::int AS n FROM audit_checkpoints')) ?? [];
    return { ...chain, ...dev, checkpoints: cps?.n };
  };
  return { push, state };
};

describe('central audit appliers (PGlite)', () => {
  it('accepts an honest chain and keeps every checkpoint', async () => {
    const t = testCore();
    const c = await central(t.core.deps.db, t.core.deps.deviceId);
    appendEntries(t.core.deps, 120);
    await c.push();
    expect(await c.state()).toEqual({
      size: 120,
      flag_problem: null,
      flag_seq: null,
      last_error: null,
      checkpoints: 2,
    });
  }, 60_000);

  it('flags the device when synced entries are cut off and the numbers reused', async () => {
    const t = testCore();
    const c = await central(t.core.deps.db, t.core.deps.deviceId);
    appendEntries(t.core.deps, 120);
    await c.push();
    const raw = rawAttacker(t.dataDir);
    raw.exec(
      'DELETE FROM audit_log WHERE seq > 110; DELETE FROM audit_checkpoint WHERE size > 110;',
    );
    raw.close();
    appendEntries(t.core.deps, 1);
    await c.push();
    expect(await c.state()).toMatchObject({
      size: 120,
      flag_problem: 'rewritten',
      flag_seq: 111,
      last_error: 'audit_rewritten@111',
    });
  }, 60_000);
});
