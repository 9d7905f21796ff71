import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps } from '../app/deps';
import { enqueue } from '../sync/outbox';
import type { FailedLookup } from '../../shared/contract/verifications';
import { AppError } from '../../shared/errors';

/** Three misses of the same number within ten minutes lock it; each new lock doubles, up to an hour. */
export const FISHING_THRESHOLD = 3;
export const FISHING_WINDOW_MS = 10 * 60_000;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;
/** A number left alone this long starts again from the shortest delay. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

export const fishingLockMs = (lockCount: number): number =>
  Math.min(BASE_LOCK_MS * 2 ** Math.max(0, lockCount - 1), MAX_LOCK_MS);

interface LockRow {
  readonly lock_count: number;
  readonly locked_until: string;
  readonly last_locked_at: string;
}

const lockRow = (deps: CoreDeps, hash: string): LockRow | undefined =>
  deps.db
    .prepare(
      'SELECT lock_count, locked_until, last_locked_at FROM lookup_locks WHERE document_hash = ?',
    )
    .get(hash) as LockRow | undefined;

/** Refuses a lookup while its number is locked. */
export const assertNotLocked = (deps: CoreDeps, hash: string): void => {
  const row = lockRow(deps, hash);
  const left = row ? Date.parse(row.locked_until) - deps.clock.now().getTime() : 0;
  if (left > 0) throw new AppError('lookup_locked', { seconds: Math.ceil(left / 1000) }, 429);
};

export type FailedLookupReason = 'not_in_register' | 'candidates_rejected';

/**
 * Logs a failed lookup and, when the number has missed too often, locks it. Must run inside the
 * domain transaction. Returns the lock length in ms, or 0.
 */
export const recordFailedLookup = (
  deps: CoreDeps,
  actor: Actor,
  doc: { hash: string; masked: string },
  reason: FailedLookupReason,
): number => {
  const now = deps.clock.now();
  const at = now.toISOString();
  const info = deps.db
    .prepare(
      `INSERT INTO failed_lookups (at, staff_id, staff_name, document_hash, document_masked, reason)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(at, actor.staffId, actor.username, doc.hash, doc.masked, reason);
  audit(deps, {
    actor,
    action: 'verification.lookup_failed',
    subject: `document:${doc.masked}`,
    details: { reason },
  });
  enqueue(
    deps.db,
    {
      kind: 'verification.failed_lookup',
      entityId: String(info.lastInsertRowid),
      payload: {
        at,
        staff: actor.username,
        documentMasked: doc.masked,
        reason,
        device: deps.deviceId,
      },
    },
    now,
  );

  const prev = lockRow(deps, doc.hash);
  // Misses before the last lock ended were already punished by it.
  const windowStart = Math.max(
    now.getTime() - FISHING_WINDOW_MS,
    prev ? Date.parse(prev.locked_until) : 0,
  );
  const { n } = deps.db
    .prepare('SELECT count(*) AS n FROM failed_lookups WHERE document_hash = ? AND at >= ?')
    .get(doc.hash, new Date(windowStart).toISOString()) as { n: number };
  if (n < FISHING_THRESHOLD) return 0;

  const stale = !prev || now.getTime() - Date.parse(prev.last_locked_at) > FORGET_AFTER_MS;
  const lockCount = stale ? 1 : prev.lock_count + 1;
  const ms = fishingLockMs(lockCount);
  deps.db
    .prepare(
      `INSERT INTO lookup_locks (document_hash, lock_count, locked_until, last_locked_at)
       VALUES (@hash, @count, @until, @at)
       ON CONFLICT (document_hash) DO UPDATE SET lock_count = @count, locked_until = @until,
         last_locked_at = @at`,
    )
    .run({
      hash: doc.hash,
      count: lockCount,
      until: new Date(now.getTime() + ms).toISOString(),
      at,
    });
  audit(deps, {
    actor,
    action: 'verification.lookup_locked',
    subject: `document:${doc.masked}`,
    details: { failures: n, lockCount, seconds: ms / 1000 },
  });
  return ms;
};

/** The newest failed lookups, for managers. */
export const listFailedLookups = (deps: CoreDeps, limit: number): FailedLookup[] =>
  deps.db
    .prepare(
      `SELECT id, at, staff_name AS staffName, document_masked AS documentMasked, reason
       FROM failed_lookups ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as FailedLookup[];

export interface FailedLookupRow {
  readonly id: number;
  readonly at: string;
  readonly staff_name: string;
  readonly document_masked: string;
  readonly reason: string;
}

/** The failed lookups of one keyed document hash, oldest first. */
export const failedLookupsOf = (db: Database, hash: string): FailedLookupRow[] =>
  db
    .prepare(
      `SELECT id, at, staff_name, document_masked, reason FROM failed_lookups
       WHERE document_hash = ? ORDER BY at, id`,
    )
    .all(hash) as FailedLookupRow[];

/** An erasure: the failed lookups and the lock row of one number go. */
export const forgetDocument = (
  db: Database,
  hash: string,
): { failedLookups: number; lookupLocks: number } => ({
  failedLookups: db.prepare('DELETE FROM failed_lookups WHERE document_hash = ?').run(hash).changes,
  lookupLocks: db.prepare('DELETE FROM lookup_locks WHERE document_hash = ?').run(hash).changes,
});

/**
 * Retention: failed lookups made on or before `cutoff` go, and so does a lock row once its lock
 * is over (at `now`) and it is as old as the log.
 */
export const purgeLookups = (
  db: Database,
  cutoff: string,
  now: string,
): { failedLookups: number; lookupLocks: number } => ({
  failedLookups: db.prepare('DELETE FROM failed_lookups WHERE at <= ?').run(cutoff).changes,
  lookupLocks: db
    .prepare('DELETE FROM lookup_locks WHERE locked_until <= ? AND last_locked_at <= ?')
    .run(now, cutoff).changes,
});
