import type { OpResult, PushRequest } from '../shared/contract/sync';
import {
  type CentralDevice,
  type CentralTx,
  type NewChange,
  type OpApplier,
  type OpAppliers,
  OpRejected,
} from './appliers/types';
import type { CentralStore, SqlTx } from './db/store';
import { sha256Hex } from './secrets';

// Held to commit by every transaction that writes `changes`: sequence order = commit order.
const CHANGES_LOCK = 7305002;

/** For bulk writers of `changes` (register imports): takes the lock once, held to commit. */
export const lockChanges = async (tx: SqlTx): Promise<void> => {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGES_LOCK]);
};

/**
 * Wraps a transaction with the applier helpers. The advisory lock is taken by the INSERT
 * itself, every time: it is re-entrant, and a savepoint rollback may have released it.
 */
export const centralTx = (tx: SqlTx, now: Date): CentralTx => ({
  now,
  query: (text, params) => tx.query(text, params),
  emitChange: async (change: NewChange) => {
    const [row] = await tx.query<{ seq: number }>(
      `WITH l AS (SELECT pg_advisory_xact_lock($7))
       INSERT INTO changes (type, entity_id, version, payload, device_id, created_at)
       SELECT $1, $2, $3, $4, $5, $6 FROM l RETURNING seq`,
      [
        change.type,
        change.entity_id,
        change.version,
        JSON.stringify(change.payload),
        change.device_id ?? null,
        now.toISOString(),
        CHANGES_LOCK,
      ],
    );
    if (!row) throw new Error('INSERT ... RETURNING gave no row');
    return Number(row.seq);
  },
});

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
    const toApply: { op: (typeof ops)[number]; applier: OpApplier }[] = [];
    for (const op of ops) {
      const prior = known.get(op.op_id);
      const reject = (error: string) =>
        results.set(op.op_id, { op_id: op.op_id, status: 'rejected', error });
      if (prior) {
        const same = prior.payload_sha256 === op.payload_sha256 && prior.device_id === device.id;
        if (same) results.set(op.op_id, { op_id: op.op_id, status: 'duplicate' });
        else reject('idempotency_mismatch');
      } else if (results.has(op.op_id)) reject('idempotency_mismatch');
      else if (sha256Hex(op.payload) !== op.payload_sha256) reject('payload_hash_mismatch');
      else {
        const applier = appliers[op.kind];
        if (!applier) reject('unknown_kind');
        else {
          results.set(op.op_id, { op_id: op.op_id, status: 'applied' });
          toApply.push({ op, applier });
        }
      }
    }
    const run = (item: (typeof toApply)[number]) =>
      item.applier(tx, device, { ...item.op, payload: JSON.parse(item.op.payload) as unknown });
    // Optimistic: the whole batch under one savepoint. Only if something fails is it redone
    // op by op, each under its own savepoint, so a rejected op never takes others with it.
    await tx.query('SAVEPOINT batch');
    let batchOk = true;
    try {
      for (const item of toApply) await run(item);
      await tx.query('RELEASE SAVEPOINT batch');
    } catch {
      batchOk = false;
      await tx.query('ROLLBACK TO SAVEPOINT batch');
    }
    const applied: typeof ops = [];
    for (const item of toApply) {
      if (batchOk) {
        applied.push(item.op);
        continue;
      }
      await tx.query('SAVEPOINT op');
      try {
        await run(item);
        await tx.query('RELEASE SAVEPOINT op');
        applied.push(item.op);
      } catch (e) {
        await tx.query('ROLLBACK TO SAVEPOINT op');
        if (!(e instanceof OpRejected)) onApplyError(e, item.op.kind);
        results.set(item.op.op_id, {
          op_id: item.op.op_id,
          status: 'rejected',
          error: rejectionCode(e),
        });
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
    return request.ops.map(
      (o) => results.get(o.op_id) ?? { op_id: o.op_id, status: 'rejected', error: 'internal' },
    );
  });
