import { describe, expect, it } from 'vitest';
import { revokeDevice } from '../../../src/central/devices/service';
import { centralTx } from '../../../src/central/sync/service';
import { inTransaction } from '../../../src/core/app/deps';
import { backoffDelay, BACKOFF_CAP_MS } from '../../../src/core/sync/backoff';
import { enqueue } from '../../../src/core/sync/outbox';
import { readSyncState } from '../../../src/core/sync/sync-state';
import { testCore } from '../../helpers/test-core';
import {
  centralEffects,
  enrolledSync,
  pendingIds,
  queueNotes,
  sharedCentral,
} from './counter-harness';

describe('counter sync', () => {
  const central = sharedCentral();

  it('a throw inside a domain transaction leaves neither the domain row nor the outbox row', () => {
    const t = testCore();
    const before = t.core.deps.db.prepare('SELECT count(*) FROM outbox').pluck().get();
    expect(() =>
      inTransaction(t.core.deps, () => {
        t.core.deps.db.prepare(`INSERT INTO settings (key, value) VALUES ('probe', '1')`).run();
        enqueue(
          t.core.deps.db,
          { kind: 'test.note', entityId: 'probe', payload: {} },
          t.clock.now(),
        );
        throw new Error('domain failure');
      }),
    ).toThrow('domain failure');
    expect(
      t.core.deps.db.prepare(`SELECT count(*) FROM settings WHERE key = 'probe'`).pluck().get(),
    ).toBe(0);
    expect(t.core.deps.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(before);
  });

  it('drains the queue once, then finds nothing to do', async () => {
    const t = testCore();
    const sync = await enrolledSync(t, central.get());
    const ids = queueNotes(t, 120);
    const run = await sync.syncOnce();
    expect(run.reached).toBe(true);
    expect(run.report).toMatchObject({ rejected: 0, pending: 0 });
    expect(run.report.applied).toBeGreaterThanOrEqual(120);
    const effects = await centralEffects(central.get(), t.core.deps.deviceId);
    for (const id of ids) expect(effects.get(id)).toBe(1);
    expect(sync.status()).toMatchObject({ online: true, pending: 0, rejected: 0, lastError: null });
    expect((await sync.syncOnce()).report.pushed).toBe(0);
  });

  it('splits large payloads over several pushes, and sets aside one central would refuse', async () => {
    const t = testCore();
    const sync = await enrolledSync(t, central.get());
    const queue = (size: number, n: number, name: string) =>
      inTransaction(t.core.deps, () =>
        Array.from({ length: n }, (_, i) =>
          enqueue(
            t.core.deps.db,
            { kind: 'test.note', entityId: `${name}${i}`, payload: { big: 'x'.repeat(size) } },
            t.clock.now(),
          ),
        ),
      );
    const big = queue(230_000, 10, 'big');
    const [huge] = queue(300_000, 1, 'huge');
    const after = queue(230_000, 10, 'after');
    // 4.6 MB in one body, or one op over the payload limit, would be refused on every run.
    const run = await sync.syncOnce();
    expect(run).toMatchObject({ reached: true, error: null });
    expect(run.report).toMatchObject({ pending: 0, rejected: 1 });
    const effects = await centralEffects(central.get(), t.core.deps.deviceId);
    for (const id of [...big, ...after]) expect(effects.get(id)).toBe(1);
    expect(effects.has(huge ?? '')).toBe(false);
    expect(
      t.core.deps.db.prepare('SELECT status, last_error FROM outbox WHERE op_id = ?').get(huge),
    ).toEqual({ status: 'rejected', last_error: 'payload_too_large' });
  });

  it('keeps the queue intact when central is unreachable and schedules a backoff', async () => {
    const t = testCore();
    const sync = await enrolledSync(t, central.get(), { url: 'http://127.0.0.1:9' });
    const ids = queueNotes(t, 3);
    const run = await sync.syncOnce();
    expect(run).toMatchObject({ reached: false, error: 'network' });
    expect(pendingIds(t)).toEqual(expect.arrayContaining(ids));
    const state = readSyncState(t.core.deps.db);
    expect(state.failures).toBe(1);
    expect(state.next_attempt_at).not.toBeNull();
    expect(sync.status()).toMatchObject({ online: false, lastError: 'network' });
  });

  it('sets a poison item aside without blocking, and staff retry or discard it (audited)', async () => {
    const t = testCore();
    const sync = await enrolledSync(t, central.get());
    const [poison] = queueNotes(t, 1, 'test.poison');
    const after = queueNotes(t, 2);
    const run = await sync.syncOnce();
    expect(run.report.rejected).toBe(1);
    const effects = await centralEffects(central.get(), t.core.deps.deviceId);
    for (const id of after) expect(effects.get(id)).toBe(1);
    const manager = await t.signInAs('manager');
    const rejected = await t.call('syncQueueList', { status: 'rejected' }, manager);
    expect(rejected.items).toMatchObject([{ opId: poison, lastError: 'apply_failed' }]);
    const seq = rejected.items[0]?.seq ?? 0;
    await t.call('syncRetry', { seq }, manager);
    expect(pendingIds(t)).toContain(poison);
    await sync.syncOnce();
    const again = await t.call('syncQueueList', { status: 'rejected' }, manager);
    await t.call(
      'syncDiscard',
      { seq: again.items[0]?.seq ?? 0, reason: 'known bad test item' },
      manager,
    );
    expect((await t.call('syncQueueList', { status: 'rejected' }, manager)).total).toBe(0);
    const actions = t.core.deps.db.prepare('SELECT action FROM audit_log').pluck().all();
    expect(actions).toEqual(expect.arrayContaining(['sync.item_retried', 'sync.item_discarded']));
    const clerk = await t.signInAs('clerk');
    await expect(t.call('syncDiscard', { seq: 1, reason: 'nope' }, clerk)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it.each([24, -24])('a device clock skewed by %i h changes nothing', async (hours) => {
    const t = testCore();
    const sync = await enrolledSync(t, central.get());
    t.clock.advance(hours * 3_600_000);
    const ids = queueNotes(t, 5);
    const run = await sync.syncOnce();
    expect(run).toMatchObject({ reached: true, error: null });
    const effects = await centralEffects(central.get(), t.core.deps.deviceId);
    for (const id of ids) expect(effects.get(id)).toBe(1);
  });

  it('applies pulled changes with their cursor, once per version, and parks unknown types', async () => {
    const t = testCore();
    const seen: string[] = [];
    const sync = await enrolledSync(t, central.get(), {
      changeAppliers: { 'test.thing': (_db, c) => void seen.push(`${c.entity_id}@${c.version}`) },
      pullPageSize: 2,
    });
    await central.get().store.transaction(async (raw) => {
      const tx = centralTx(raw, new Date());
      await tx.emitChange({ type: 'test.thing', entity_id: 'a', version: 1, payload: {} });
      await tx.emitChange({ type: 'test.thing', entity_id: 'a', version: 2, payload: {} });
      await tx.emitChange({ type: 'test.thing', entity_id: 'a', version: 1, payload: {} });
      await tx.emitChange({ type: 'test.future', entity_id: 'z', version: 1, payload: { x: 1 } });
    });
    const run = await sync.syncOnce();
    expect(seen.filter((s) => s.startsWith('a@'))).toEqual(['a@1', 'a@2']);
    expect(run.report.pulled).toBeGreaterThanOrEqual(4);
    expect(
      t.core.deps.db
        .prepare(`SELECT entity_id FROM sync_parked_changes WHERE type = 'test.future'`)
        .pluck()
        .all(),
    ).toEqual(['z']);
    const cursor = readSyncState(t.core.deps.db).pull_cursor;
    expect(cursor).toBeGreaterThan(0);
    expect((await sync.syncOnce()).report.pulled).toBe(0);
  });

  it('parks a change whose type is only a name on the object prototype', async () => {
    const t = testCore();
    const sync = await enrolledSync(t, central.get(), { changeAppliers: {} });
    const entity = `proto-${t.core.deps.deviceId}`;
    await central.get().store.transaction(async (raw) => {
      const tx = centralTx(raw, new Date());
      for (const type of ['constructor', 'toString', '__proto__'])
        await tx.emitChange({ type, entity_id: entity, version: 1, payload: {} });
    });
    await sync.syncOnce();
    expect(
      t.core.deps.db
        .prepare('SELECT type FROM sync_parked_changes WHERE entity_id = ? ORDER BY seq')
        .pluck()
        .all(entity),
    ).toEqual(['constructor', 'toString', '__proto__']);
  });

  it('runs single-flight: concurrent calls share one run', async () => {
    const t = testCore();
    const sync = await enrolledSync(t, central.get());
    queueNotes(t, 10);
    const [a, b] = [sync.syncOnce(), sync.syncOnce()];
    expect(a).toBe(b);
    await a;
  });

  it('the background loop drains by itself and stops when told', async () => {
    const t = testCore();
    const sync = await enrolledSync(t, central.get(), { pollMs: 50 });
    const ids = queueNotes(t, 4);
    sync.start();
    try {
      for (let i = 0; i < 200 && sync.status().pending > 0; i++)
        await new Promise((r) => setTimeout(r, 50));
    } finally {
      sync.stop();
    }
    expect(sync.status().pending).toBe(0);
    const effects = await centralEffects(central.get(), t.core.deps.deviceId);
    for (const id of ids) expect(effects.get(id)).toBe(1);
  });

  it('stops at once when central revokes the device', async () => {
    const t = testCore();
    const sync = await enrolledSync(t, central.get());
    await revokeDevice(central.get().store, t.core.deps.deviceId, new Date());
    const ids = queueNotes(t, 2);
    expect(await sync.syncOnce()).toMatchObject({ reached: true, error: 'device_revoked' });
    expect(pendingIds(t)).toEqual(expect.arrayContaining(ids));
  });
});

describe('backoff', () => {
  it('is full-jitter exponential from 1 s, capped at 5 min, never before Retry-After', () => {
    expect(backoffDelay(1, () => 0.999, undefined)).toBeLessThan(1000);
    expect(backoffDelay(4, () => 0.999, undefined)).toBeLessThan(8000);
    expect(backoffDelay(4, () => 0.999, undefined)).toBeGreaterThan(7000);
    expect(backoffDelay(40, () => 0.999, undefined)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    expect(backoffDelay(3, () => 0, 7000)).toBe(7000);
    expect(backoffDelay(1, () => 0, undefined)).toBe(0);
  });
});
