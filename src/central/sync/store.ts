import { PRIVACY_ANSWER_TYPE } from '../../shared/contract/privacy-central';
import type { SqlTx } from '../db/store';
import type { NewChange } from './appliers';

// Held to commit by every transaction that writes `changes`: sequence order = commit order.
const CHANGES_LOCK = 7305002;

export interface ChangeRow {
  readonly seq: number;
  readonly type: string;
  readonly entity_id: string;
  readonly version: number;
  readonly payload: unknown;
  readonly created_at: Date;
}

export interface AppliedOp {
  readonly op_id: string;
  readonly seq: number;
  readonly kind: string;
  readonly entity_id: string;
  readonly payload_sha256: string;
}

/**
 * The `changes` counters pull and the `applied_ops` dedup records. Every writer of `changes`
 * goes through here, so every one takes the commit-order lock.
 */
export const syncStore = {
  /** For bulk writers of `changes` (register imports): takes the lock once, held to commit. */
  lockChanges: async (tx: SqlTx): Promise<void> => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGES_LOCK]);
  },
  /**
   * The advisory lock is taken by the INSERT itself, every time: it is re-entrant, and a
   * savepoint rollback may have released it.
   */
  emitChange: async (tx: SqlTx, change: NewChange, at: Date): Promise<number> => {
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
        at.toISOString(),
        CHANGES_LOCK,
      ],
    );
    if (!row) throw new Error('INSERT ... RETURNING gave no row');
    return Number(row.seq);
  },
  /** Many changes of one type for every device, in the given order; the caller holds the lock. */
  emitMany: async (
    tx: SqlTx,
    type: string,
    rows: readonly { entity_id: string; version: number; payload: unknown }[],
    at: string,
  ): Promise<void> => {
    await tx.query(
      `INSERT INTO changes (type, entity_id, version, payload, device_id, created_at)
       SELECT $1, u.id, u.version, u.payload::jsonb, NULL, $2
       FROM unnest($3::text[], $4::bigint[], $5::text[]) WITH ORDINALITY AS u(id, version, payload, n)
       ORDER BY u.n`,
      [
        type,
        at,
        rows.map((r) => r.entity_id),
        rows.map((r) => r.version),
        rows.map((r) => JSON.stringify(r.payload)),
      ],
    );
  },
  /** The highest version sent for one entity, 0 when none was. */
  newestVersion: async (q: SqlTx, type: string, entityId: string): Promise<number> => {
    const [row] = await q.query<{ newest: number | string | null }>(
      'SELECT max(version) AS newest FROM changes WHERE type = $1 AND entity_id = $2',
      [type, entityId],
    );
    return Number(row?.newest ?? 0);
  },
  /**
   * A resident's erasure: the copies of central's export sent to counters as answers lose
   * the export (names, address, birth date, handles); the answer itself stays, so a counter
   * that has not pulled it yet still hears that it was answered.
   */
  blankPrivacyExports: async (tx: SqlTx, residentId: string): Promise<number> =>
    (
      await tx.query(
        `UPDATE changes SET payload = jsonb_set(payload, '{export}', 'null'::jsonb)
         WHERE type = $1 AND payload->>'resident_id' = $2
           AND jsonb_typeof(payload->'export') = 'object'
         RETURNING seq`,
        [PRIVACY_ANSWER_TYPE, residentId],
      )
    ).length,
  /** Up to `limit` changes after `cursor` meant for this device (or for every device). */
  page: (q: SqlTx, deviceId: string, cursor: number, limit: number): Promise<ChangeRow[]> =>
    q.query<ChangeRow>(
      `SELECT seq, type, entity_id, version, payload, created_at FROM changes
       WHERE seq > $1 AND (device_id IS NULL OR device_id = $2) ORDER BY seq LIMIT $3`,
      [cursor, deviceId, limit],
    ),
  knownOps: (
    tx: SqlTx,
    opIds: readonly string[],
  ): Promise<{ op_id: string; payload_sha256: string; device_id: string }[]> =>
    tx.query('SELECT op_id, payload_sha256, device_id FROM applied_ops WHERE op_id = ANY($1)', [
      opIds,
    ]),
  /** One statement: the dedup records, and the device's last error when something was refused. */
  recordApplied: async (
    tx: SqlTx,
    deviceId: string,
    at: Date,
    applied: readonly AppliedOp[],
    lastError: string | null,
  ): Promise<void> => {
    await tx.query(
      `WITH ins AS (
         INSERT INTO applied_ops (op_id, device_id, seq, kind, entity_id, payload_sha256, applied_at)
         SELECT u.op_id, $1, u.seq, u.kind, u.entity_id, u.sha, $2
         FROM unnest($3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[]) AS u(op_id, seq, kind, entity_id, sha))
       UPDATE devices SET last_error = $8 WHERE id = $1 AND $8::text IS NOT NULL`,
      [
        deviceId,
        at.toISOString(),
        applied.map((o) => o.op_id),
        applied.map((o) => o.seq),
        applied.map((o) => o.kind),
        applied.map((o) => o.entity_id),
        applied.map((o) => o.payload_sha256),
        lastError,
      ],
    );
  },
  /** One op's own savepoint inside the push transaction. */
  savepoint: {
    begin: (tx: SqlTx) => tx.query('SAVEPOINT op'),
    release: (tx: SqlTx) => tx.query('RELEASE SAVEPOINT op'),
    rollback: (tx: SqlTx) => tx.query('ROLLBACK TO SAVEPOINT op'),
  },
};
