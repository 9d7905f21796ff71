import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import { canonicalJson } from '../audit/canonical-json';

export interface OutboxItem {
  readonly kind: string;
  readonly entityId: string;
  readonly payload: unknown;
}

/**
 * The only way into the outbox. Call it inside the transaction that makes the change, so the
 * change and its sync record commit or roll back together.
 */
export const enqueue = (db: Database, item: OutboxItem, at: Date): string => {
  if (!db.inTransaction) throw new Error('enqueue must run inside the domain transaction');
  const opId = uuidv7();
  const payload = canonicalJson(item.payload);
  db.prepare(
    `INSERT INTO outbox (op_id, kind, entity_id, payload, payload_sha256, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    opId,
    item.kind,
    item.entityId,
    payload,
    createHash('sha256').update(payload).digest('hex'),
    at.toISOString(),
  );
  return opId;
};

/** Whether an op for this entity is still in the outbox (pending, or set aside as rejected). */
export const hasQueuedOp = (db: Database, kind: string, entityId: string): boolean =>
  db
    .prepare('SELECT 1 FROM outbox WHERE kind = ? AND entity_id = ? LIMIT 1')
    .get(kind, entityId) !== undefined;

/** The entities of one kind that still have an op in the outbox. */
export const queuedEntityIds = (db: Database, kind: string): ReadonlySet<string> =>
  new Set(
    db
      .prepare('SELECT DISTINCT entity_id FROM outbox WHERE kind = ?')
      .pluck()
      .all(kind) as string[],
  );

export interface QueuedOp {
  readonly seq: number;
  readonly op_id: string;
  readonly kind: string;
  readonly entity_id: string;
  readonly created_at: string;
  readonly status: 'pending' | 'rejected';
  readonly attempts: number;
  readonly last_error: string | null;
}

/** One page of the queue in send order, and how many ops have that status in all. */
export const queuedOps = (
  db: Database,
  status: QueuedOp['status'],
  limit: number,
): { total: number; items: QueuedOp[] } => ({
  total: db.prepare('SELECT count(*) FROM outbox WHERE status = ?').pluck().get(status) as number,
  items: db
    .prepare(
      `SELECT seq, op_id, kind, entity_id, created_at, status, attempts, last_error FROM outbox
       WHERE status = ? ORDER BY seq LIMIT ?`,
    )
    .all(status, limit) as QueuedOp[],
});

export const rejectedOp = (db: Database, seq: number): QueuedOp | undefined =>
  db
    .prepare(
      `SELECT seq, op_id, kind, entity_id, created_at, status, attempts, last_error FROM outbox
       WHERE seq = ? AND status = 'rejected'`,
    )
    .get(seq) as QueuedOp | undefined;

/** A refused op goes back in line, its refusal cleared. */
export const requeueOp = (db: Database, seq: number): void => {
  db.prepare(`UPDATE outbox SET status = 'pending', last_error = NULL WHERE seq = ?`).run(seq);
};

export const dropOp = (db: Database, seq: number): void => {
  db.prepare('DELETE FROM outbox WHERE seq = ?').run(seq);
};

export const queueCounts = (db: Database): { pending: number; rejected: number } => {
  const rows = db.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as {
    status: 'pending' | 'rejected';
    n: number;
  }[];
  return {
    pending: rows.find((r) => r.status === 'pending')?.n ?? 0,
    rejected: rows.find((r) => r.status === 'rejected')?.n ?? 0,
  };
};

export interface OutboxRow {
  seq: number;
  op_id: string;
  kind: string;
  entity_id: string;
  payload: string;
  payload_sha256: string;
  created_at: string;
}

/**
 * A push run's statements, prepared once: the next pending ops after a seq, an op central took
 * (gone), and an op it refused (set aside with the reason, for staff to retry or discard).
 */
export const pushQueue = (db: Database) => {
  const select = db.prepare(
    `SELECT seq, op_id, kind, entity_id, payload, payload_sha256, created_at FROM outbox
     WHERE status = 'pending' AND seq > ? ORDER BY seq LIMIT ?`,
  );
  const remove = db.prepare('DELETE FROM outbox WHERE op_id = ?');
  const reject = db.prepare(
    `UPDATE outbox SET status = 'rejected', attempts = attempts + 1, last_error = ? WHERE op_id = ?`,
  );
  return {
    pendingAfter: (seq: number, limit: number) => select.all(seq, limit) as OutboxRow[],
    taken: (opId: string) => {
      remove.run(opId);
    },
    refused: (opId: string, error: string) => {
      reject.run(error, opId);
    },
  };
};
