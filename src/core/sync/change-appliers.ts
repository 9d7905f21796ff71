import type { Database } from 'better-sqlite3-multiple-ciphers';

/** One change pulled from central (`GET /v1/sync/pull`). */
export interface PulledChange {
  /** Central's sequence: the pull cursor. */
  readonly seq: number;
  readonly type: string;
  readonly entity_id: string;
  readonly version: number;
  readonly payload: unknown;
  readonly created_at: string;
}

/**
 * Applies one pulled change to the local database. Runs synchronously inside the page
 * transaction that also moves the cursor, and only when `change.version` is newer than the
 * version held for (type, entity_id): appliers can upsert without their own version checks.
 * Throwing rolls back the whole page, which is retried on the next sync.
 */
export type ChangeApplier = (db: Database, change: PulledChange) => void;

/**
 * Change appliers keyed by change type (register deltas, official registry numbers, form
 * templates, revocations, proof confirmations...). Features build theirs and `createCore`
 * spreads them into the map given to the sync service. Types with no applier are parked in
 * `sync_parked_changes`, so a later version can apply them instead of losing them.
 */
export type ChangeAppliers = Readonly<Record<string, ChangeApplier>>;
