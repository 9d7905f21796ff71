import type { OpResult, PushRequest } from '../shared/contract/sync';
import { type CentralDevice, type CentralTx, type OpAppliers, OpRejected, type NewChange } from './appliers/types';
import type { CentralStore, SqlTx } from './db/store';
import { sha256Hex } from './secrets';

// Held to commit by every transaction that writes `changes`: sequence order = commit order.
const CHANGES_LOCK = 7305002;

/** Wraps a transaction with the applier helpers; the advisory lock is taken on first emit. */
export const centralTx = (tx: SqlTx, now: Date): CentralTx => {
  let locked = false;
  return {
    now,
    query: (text, params) => tx.query(text, params),
    emitChange: async (change: NewChange) => {
      if (!locked) {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGES_LOCK]);
        locked = true;
      }
      const [row] = await tx.query<{ seq: number }>(
        `INSERT INTO changes (type, entity_id, version, payload, device_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq`,
        [change.type, change.entity_id, change.version, JSON.stringify(change.payload), change.device_id ?? null, now.toISOString()],
      );
      if (!row) throw new Error('INSERT ... RETURNING gave no row');
      return Number(row.seq);
    },
  };
};

const rejectionCode = (e: unknown): string => (e instanceof OpRejected ? e.code : 'apply_failed');

/**
 * Applies one pushed batch in one transaction. The device row is locked first, so two
 * batches from one device never interleave and each device's ops apply in `seq` order.
 * Each applied op's id goes into `applied_ops` in the same transaction as its effect.
 */
export const applyPush = async (
  store: CentralStore,
  appliers: OpAppliers,
  device: CentralDevice,
  request: PushRequest,
  now: Date,
  onApplyError: (e: unknown, kind: string) => void,
): Promise<OpResult[]> =>
  store.transaction(async (raw) => {
    const tx = centralTx(raw, now);
    await tx.query('SELECT id FROM devices WHERE id = $1 FOR UPDATE', [device.id]);
    const ops = [...request.ops].sort((a, b) => a.seq - b.seq);
    const known = new Map(
      (
        await tx.query<{ op_id: string; payload_sha256: string; device_id: string }>(
          'SELECT op_id, payload_sha256, device_id FROM applied_ops WHERE op_id = ANY($1)',
          [ops.map((o) => o.op_id)],
        )
      ).map((r) => [r.op_id, r]),
    );
    const results = new Map<string, OpResult>();
    const applied: typeof ops = [];
    for (const op of ops) {
      const prior = known.get(op.op_id);
      const reject = (error: string) => results.set(op.op_id, { op_id: op.op_id, status: 'rejected', error });
      if (prior) {
        const same = prior.payload_sha256 === op.payload_sha256 && prior.device_id === device.id;
        if (same) results.set(op.op_id, { op_id: op.op_id, status: 'duplicate' });
        else reject('idempotency_mismatch');
        continue;
      }
      if (results.has(op.op_id)) {
        reject('idempotency_mismatch');
        continue;
      }
      if (sha256Hex(op.payload) !== op.payload_sha256) {
        reject('payload_hash_mismatch');
        continue;
      }
      const applier = appliers[op.kind];
      if (!applier) {
        reject('unknown_kind');
        continue;
      }
      await tx.query('SAVEPOINT op');
      try {
        await applier(tx, device, { ...op, payload: JSON.parse(op.payload) as unknown });
        await tx.query('RELEASE SAVEPOINT op');
        results.set(op.op_id, { op_id: op.op_id, status: 'applied' });
        applied.push(op);
      } catch (e) {
        await tx.query('ROLLBACK TO SAVEPOINT op');
        if (!(e instanceof OpRejected)) onApplyError(e, op.kind);
        reject(rejectionCode(e));
      }
    }
    if (applied.length > 0) {
      await tx.query(
        `INSERT INTO applied_ops (op_id, device_id, seq, kind, entity_id, payload_sha256, applied_at)
         SELECT u.op_id, $1, u.seq, u.kind, u.entity_id, u.sha, $2
         FROM unnest($3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[]) AS u(op_id, seq, kind, entity_id, sha)`,
        [
          device.id,
          now.toISOString(),
          applied.map((o) => o.op_id),
          applied.map((o) => o.seq),
          applied.map((o) => o.kind),
          applied.map((o) => o.entity_id),
          applied.map((o) => o.payload_sha256),
        ],
      );
    }
    const lastRejected = [...results.values()].filter((r) => r.status === 'rejected').at(-1);
    await tx.query(
      `UPDATE devices SET last_seen_at = $2, queue_depth = COALESCE($3, queue_depth),
         last_error = CASE WHEN $4::text IS NULL THEN last_error ELSE $4 END WHERE id = $1`,
      [device.id, now.toISOString(), request.queue_depth ?? null, lastRejected?.error ?? null],
    );
    // Answer in the order the counter sent them.
    return request.ops.map((o) => results.get(o.op_id) ?? { op_id: o.op_id, status: 'rejected', error: 'internal' });
  });
