import { version } from '../../../package.json';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  MAX_OP_PAYLOAD_CHARS,
  PullResponse,
  PushResponse,
  SYNC_PROTOCOL,
  type WireOp,
} from '../../shared/contract/sync';
import type { ChangeAppliers, PulledChange } from './change-appliers';
import type { CentralResponse } from './signed-fetch';
import { type OutboxRow, pushQueue, queueCounts } from './outbox';
import { updateSyncState } from './sync-state';

/** Points where chaos runs kill the process; no-ops in normal use. */
export interface SyncFaultHooks {
  beforePush?(): void;
  afterPushResponse?(): void;
  duringPullPage?(applied: number, pageSize: number): void;
}

/** Why a sync run stopped early: the network (retry later) or a refusal by central. */
export class SyncStop extends Error {
  constructor(
    readonly code: string,
    readonly reachedCentral: boolean,
    readonly retryAfterMs: number | undefined = undefined,
  ) {
    super(code);
    this.name = 'SyncStop';
  }
}

export type Send = (
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
) => Promise<CentralResponse>;

/** Turns a non-200 answer into the matching stop; 5xx and 429 are transient, 4xx are refusals. */
export const stopFor = (res: CentralResponse): SyncStop => {
  const error =
    typeof res.body === 'object' &&
    res.body !== null &&
    'error' in res.body &&
    typeof res.body.error === 'string'
      ? res.body.error
      : `http_${res.status}`;
  if (res.status >= 500 || res.status === 429)
    return new SyncStop(`http_${res.status}`, false, res.retryAfterMs);
  return new SyncStop(error, true);
};

// Payload bytes per push: with JSON escaping the body stays well under central's 4 MiB limit,
// so a run of large entries never turns into a refusal that would stall the queue.
export const MAX_PUSH_PAYLOAD_BYTES = 1_000_000;

/** The leading rows whose payloads fit the byte budget; always at least one. */
const fitting = (rows: readonly OutboxRow[]): OutboxRow[] => {
  let bytes = 0;
  const out: OutboxRow[] = [];
  for (const r of rows) {
    bytes += r.payload.length;
    if (out.length > 0 && bytes > MAX_PUSH_PAYLOAD_BYTES) break;
    out.push(r);
  }
  return out;
};

export interface PushTally {
  pushed: number;
  applied: number;
  duplicate: number;
  rejected: number;
}

/**
 * Pushes pending rows in batches. Each answer is acknowledged in one local transaction:
 * applied and duplicate rows are deleted, rejected rows set aside with their reason. `tally`
 * is counted batch by batch, so when a later batch fails it still says what central took.
 */
export const pushPending = async (
  db: Database,
  send: Send,
  deviceId: string,
  batchSize: number,
  hooks: SyncFaultHooks,
  tally: PushTally,
  onProgress: (done: number) => void,
): Promise<void> => {
  const queue = pushQueue(db);
  let after = 0;
  for (;;) {
    const selected = queue.pendingAfter(after, batchSize);
    if (selected.length === 0) return;
    // Central would refuse the whole push for one of these, every time: set it aside here.
    const oversized = selected.filter((r) => r.payload.length > MAX_OP_PAYLOAD_CHARS);
    if (oversized.length > 0) {
      db.transaction(() => {
        for (const r of oversized) queue.refused(r.op_id, 'payload_too_large');
      })();
      tally.rejected += oversized.length;
      continue;
    }
    const rows = fitting(selected);
    const ops: WireOp[] = rows.map((r) => ({ ...r }));
    hooks.beforePush?.();
    const res = await send('POST', '/v1/sync/push', {
      protocol: SYNC_PROTOCOL,
      device_id: deviceId,
      queue_depth: queueCounts(db).pending,
      app_version: version,
      ops,
    });
    if (res.status !== 200) throw stopFor(res);
    const parsed = PushResponse.safeParse(res.body);
    // A 200 with a cut or garbled body says nothing about which ops landed: retry them all.
    if (!parsed.success) throw new SyncStop('bad_response', false);
    hooks.afterPushResponse?.();
    const sent = new Set(ops.map((o) => o.op_id));
    db.transaction(() => {
      for (const r of parsed.data.results) {
        if (!sent.has(r.op_id)) continue;
        if (r.status === 'rejected') {
          queue.refused(r.op_id, r.error ?? 'rejected');
          tally.rejected += 1;
        } else {
          queue.taken(r.op_id);
          tally[r.status] += 1;
        }
      }
    })();
    tally.pushed += ops.length;
    onProgress(tally.pushed);
    // Rows central did not answer for stay pending for the next run; never loop on them now.
    after = rows.at(-1)?.seq ?? after;
  }
};

/**
 * Pulls pages after the stored cursor. Each page's changes and the new cursor commit in one
 * transaction, and a change is applied only when its version is newer than the one held.
 * `tally.pulled` grows page by page (committed pages count even if a later one fails).
 */
export const pullChanges = async (
  db: Database,
  send: Send,
  appliers: ChangeAppliers,
  cursor: number,
  pageSize: number,
  now: () => Date,
  hooks: SyncFaultHooks,
  tally: { pulled: number },
): Promise<void> => {
  const held = db
    .prepare('SELECT version FROM sync_versions WHERE type = ? AND entity_id = ?')
    .pluck();
  const setVersion = db.prepare(
    `INSERT INTO sync_versions (type, entity_id, version) VALUES (?, ?, ?)
     ON CONFLICT (type, entity_id) DO UPDATE SET version = excluded.version`,
  );
  const park = db.prepare(
    `INSERT OR IGNORE INTO sync_parked_changes (seq, type, entity_id, version, payload, received_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (;;) {
    const res = await send('GET', `/v1/sync/pull?cursor=${cursor}&limit=${pageSize}`, undefined);
    if (res.status !== 200) throw stopFor(res);
    const parsed = PullResponse.safeParse(res.body);
    if (!parsed.success) throw new SyncStop('bad_response', false);
    const page = parsed.data;
    db.transaction(() => {
      page.changes.forEach((raw, i) => {
        const change: PulledChange = raw;
        hooks.duringPullPage?.(i, page.changes.length);
        const current = held.get(change.type, change.entity_id) as number | undefined;
        if (current !== undefined && current >= change.version) return;
        // Own properties only: a type named `constructor` or `toString` is unknown, so parked.
        const applier = Object.hasOwn(appliers, change.type) ? appliers[change.type] : undefined;
        if (applier) applier(db, change);
        else {
          park.run(
            change.seq,
            change.type,
            change.entity_id,
            change.version,
            JSON.stringify(change.payload),
            now().toISOString(),
          );
        }
        setVersion.run(change.type, change.entity_id, change.version);
      });
      updateSyncState(db, { pull_cursor: page.next_cursor });
    })();
    tally.pulled += page.changes.length;
    cursor = page.next_cursor;
    if (!page.has_more || page.changes.length === 0) return;
  }
};
