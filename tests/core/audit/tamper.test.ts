import fc from 'fast-check';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH } from '../../../src/core/audit/append';
import {
  acceptAuditCheckpoint,
  acceptAuditEntry,
  type DeviceChainState,
  emptyChainState,
} from '../../../src/core/audit/central-chain';
import { type Checkpoint, checkpointMessage } from '../../../src/core/audit/checkpoints';
import { hashedPart, type StoredEntry, verifyAuditLog } from '../../../src/core/audit/verify';
import { deviceKey, signWithDeviceKey } from '../../../src/core/device/device-key';
import { testCore } from '../../helpers/test-core';
import { appendEntries, rawAttacker } from './audit-fixtures';

const FIELDS = [
  ['at', `'2020-01-01T00:00:00.000Z'`],
  ['utc_offset_min', '999'],
  ['device', `'other-device'`],
  ['actor_id', '4242'],
  ['actor_name', `'mallory'`],
  ['actor_role', `'admin'`],
  ['action', `'auth.sign_out'`],
  ['subject', `'staff:nobody'`],
  ['details', `'{"i":-1}'`],
  ['prev_hash', `'${'a'.repeat(64)}'`],
  ['hash', `'${'b'.repeat(64)}'`],
] as const;

/** Tampers inside a transaction on the raw connection, verifies there, then undoes it. */
const tamperAndVerify = (raw: Database, sql: string) => {
  raw.exec('BEGIN');
  try {
    raw.exec(sql);
    return verifyAuditLog(raw);
  } finally {
    raw.exec('ROLLBACK');
  }
};

const SWAP = (a: number, b: number) => `
  UPDATE audit_log SET seq = -1 WHERE seq = ${a};
  UPDATE audit_log SET seq = ${a} WHERE seq = ${b};
  UPDATE audit_log SET seq = ${b} WHERE seq = -1;`;

describe('audit chain against an attacker holding the database file and its key', () => {
  const N = 60;
  const setup = () => {
    const t = testCore();
    appendEntries(t.core.deps, N);
    expect(verifyAuditLog(t.core.deps.db)).toMatchObject({ ok: true, entries: N });
    return { t, raw: rawAttacker(t.dataDir) };
  };

  it('the triggers refuse UPDATE and DELETE through the app connection', () => {
    const t = testCore();
    appendEntries(t.core.deps, 2);
    expect(() => t.core.deps.db.prepare(`UPDATE audit_log SET actor_name = 'x'`).run()).toThrow(
      /append-only/,
    );
    expect(() => t.core.deps.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => t.core.deps.db.prepare('DELETE FROM audit_checkpoint').run()).toThrow(
      /append-only/,
    );
  });

  it('detects an edit of any field of any entry, at that entry', () => {
    const { raw } = setup();
    let cases = 0;
    for (let seq = 1; seq <= N; seq++) {
      for (const [field, value] of FIELDS) {
        const r = tamperAndVerify(
          raw,
          `UPDATE audit_log SET ${field} = ${value} WHERE seq = ${seq}`,
        );
        expect(r, `${field} of ${seq}`).toMatchObject({ ok: false, first_bad_seq: seq });
        cases++;
      }
    }
    expect(cases).toBe(N * FIELDS.length);
    raw.close();
  });

  it('detects the deletion of any entry but the last, at that entry', () => {
    const { raw } = setup();
    for (let seq = 1; seq < N; seq++) {
      expect(tamperAndVerify(raw, `DELETE FROM audit_log WHERE seq = ${seq}`)).toMatchObject({
        ok: false,
        first_bad_seq: seq,
        reason: 'seq_gap',
      });
    }
    raw.close();
  });

  it('detects any swap of two entries, at the earlier one', () => {
    const { raw } = setup();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: N }), fc.integer({ min: 1, max: N }), (a, b) => {
        fc.pre(a !== b);
        const r = tamperAndVerify(raw, SWAP(a, b));
        expect(r).toMatchObject({ ok: false, first_bad_seq: Math.min(a, b) });
      }),
      { numRuns: 200 },
    );
    raw.close();
  });

  it('detects cutting off the last K entries against the last checkpoint', () => {
    const t = testCore();
    appendEntries(t.core.deps, 250); // checkpoints at 1, 101 and 201
    const raw = rawAttacker(t.dataDir);
    expect(raw.prepare('SELECT size FROM audit_checkpoint ORDER BY id').pluck().all()).toEqual([
      1, 101, 201,
    ]);
    for (const k of [1, 49, 50, 120, 249]) {
      const r = tamperAndVerify(raw, `DELETE FROM audit_log WHERE seq > ${250 - k}`);
      if (250 - k < 201)
        expect(r, `K=${k}`).toMatchObject({
          ok: false,
          reason: 'truncated',
          first_bad_seq: 251 - k,
        });
      // Entries after the last checkpoint cannot be missed on the device itself: central sees it.
      else expect(r, `K=${k}`).toMatchObject({ ok: true, entries: 250 - k });
    }
    raw.close();
  });
});

/** Central's view, fed from the counter's real outbox as the sync engine would push it. */
const centralFeed = (
  db: Database,
  state: DeviceChainState,
  enrolled: ReturnType<typeof deviceKey>,
) => {
  let cursor = 0;
  return () => {
    const ops = db
      .prepare('SELECT seq, kind, payload FROM outbox WHERE seq > ? ORDER BY seq')
      .all(cursor) as { seq: number; kind: string; payload: string }[];
    const problems = ops.map((op) => {
      cursor = op.seq;
      const payload: unknown = JSON.parse(op.payload);
      return op.kind === 'audit.entry'
        ? acceptAuditEntry(state, payload as StoredEntry)
        : acceptAuditCheckpoint(state, payload as Checkpoint, enrolled.publicKey);
    });
    return problems.filter((p) => p !== null);
  };
};

describe('central verifies each device chain on arrival', () => {
  it('accepts an honest device', () => {
    const t = testCore();
    const state = emptyChainState();
    const push = centralFeed(t.core.deps.db, state, deviceKey(t.core.deps.db));
    appendEntries(t.core.deps, 230);
    expect(push()).toEqual([]);
    expect(state.hashes).toHaveLength(230);
    expect(state.checkpoints.map((c) => c.size)).toEqual([1, 101, 201]);
    expect(state.flag).toBeNull();
  });

  it('flags a device whose synced entries were cut off, at the first reused number', () => {
    const t = testCore();
    const state = emptyChainState();
    const push = centralFeed(t.core.deps.db, state, deviceKey(t.core.deps.db));
    appendEntries(t.core.deps, 240);
    expect(push()).toEqual([]);
    const raw = rawAttacker(t.dataDir);
    raw.exec('DELETE FROM audit_log WHERE seq > 230');
    raw.close();
    // The device alone cannot tell (no checkpoint beyond 230)...
    expect(verifyAuditLog(t.core.deps.db)).toMatchObject({ ok: true, entries: 230 });
    // ...but its next entry reuses number 231 with a different content.
    appendEntries(t.core.deps, 1);
    expect(push()).toEqual(['rewritten']);
    expect(state.flag).toEqual({ problem: 'rewritten', seq: 231 });
  });

  it('flags a device whose whole log was replaced by a self-consistent, re-signed fake', () => {
    const t = testCore();
    const { db, deviceId } = t.core.deps;
    const state = emptyChainState();
    const key = deviceKey(db);
    const push = centralFeed(db, state, key);
    appendEntries(t.core.deps, 150);
    expect(push()).toEqual([]);

    const raw = rawAttacker(t.dataDir);
    const real = raw.prepare('SELECT * FROM audit_log ORDER BY seq').all() as StoredEntry[];
    raw.exec('DELETE FROM audit_log; DELETE FROM audit_checkpoint;');
    let prev = GENESIS_HASH;
    const insert = raw.prepare(`INSERT INTO audit_log VALUES (@seq, @at, @utc_offset_min, @device,
      @actor_id, @actor_name, @actor_role, @action, @subject, @details, @prev_hash, @hash)`);
    for (const r of real) {
      const fake = { ...hashedPart(r), actor_name: r.seq === 7 ? 'someone-else' : r.actor_name };
      const hash = entryHash(prev, fake);
      insert.run({ ...fake, prev_hash: prev, hash });
      prev = hash;
    }
    // The attacker has the device key too (it is in the file), so the checkpoint is re-signed.
    const claim = {
      device: deviceId,
      size: real.length,
      head_hash: prev,
      at: new Date().toISOString(),
    };
    raw
      .prepare(
        'INSERT INTO audit_checkpoint (device, size, head_hash, at, signature) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        claim.device,
        claim.size,
        claim.head_hash,
        claim.at,
        signWithDeviceKey(key, checkpointMessage(claim)),
      );
    raw.close();

    // The device cannot tell: the fake is consistent and properly signed.
    expect(verifyAuditLog(db)).toMatchObject({ ok: true, entries: 150 });
    // Central can: the next entry does not link to the head it holds...
    appendEntries(t.core.deps, 1);
    expect(push()).toEqual(['chain_break']);
    expect(state.flag).toEqual({ problem: 'chain_break', seq: 151 });
    // ...and re-sent fake entries or the forged checkpoint contradict what it already has.
    const again = emptyChainState();
    real.forEach((r) => acceptAuditEntry(again, r));
    expect(
      acceptAuditCheckpoint(
        again,
        { ...claim, signature: signWithDeviceKey(key, checkpointMessage(claim)) },
        key.publicKey,
      ),
    ).toBe('checkpoint_mismatch');
  });
});
