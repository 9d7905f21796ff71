import type { syncOps } from '../../shared/contract/sync';
import { syncStopError } from '../../shared/contract/central-errors';
import { AppError } from '../../shared/errors';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { type HandlersFor, requireActor } from '../app/handlers';
import { discardUpload, listUploads, retryUpload } from '../forms/upload-queue';
import type { SyncService } from './sync-service';

interface QueueRow {
  seq: number;
  op_id: string;
  kind: string;
  entity_id: string;
  created_at: string;
  status: 'pending' | 'rejected';
  attempts: number;
  last_error: string | null;
}

const rejectedRow = (deps: CoreDeps, seq: number) => {
  const row = deps.db
    .prepare(
      `SELECT seq, op_id, kind, entity_id, last_error FROM outbox WHERE seq = ? AND status = 'rejected'`,
    )
    .get(seq) as Pick<QueueRow, 'seq' | 'op_id' | 'kind' | 'entity_id' | 'last_error'> | undefined;
  if (!row) throw new AppError('sync_item_not_found', { seq }, 404);
  return row;
};

export const syncHandlers = (deps: CoreDeps, sync: SyncService): HandlersFor<typeof syncOps> => ({
  syncStatus: () => sync.status(),
  syncNow: async () => {
    const run = await sync.syncOnce();
    if (!run.reached)
      throw new AppError('sync_unreachable_now', { error: run.error ?? 'network' }, 503);
    if (run.error) {
      const { code, params } = syncStopError(run.error);
      throw new AppError(code, params, 502);
    }
    return run.report;
  },
  syncRun: () => sync.syncOnce(),
  syncQueueList: ({ status, limit }) => {
    const items = deps.db
      .prepare(
        `SELECT seq, op_id, kind, entity_id, created_at, status, attempts, last_error FROM outbox
         WHERE status = ? ORDER BY seq LIMIT ?`,
      )
      .all(status, limit) as QueueRow[];
    const total = deps.db
      .prepare('SELECT count(*) FROM outbox WHERE status = ?')
      .pluck()
      .get(status) as number;
    return {
      total,
      items: items.map((r) => ({
        seq: r.seq,
        opId: r.op_id,
        kind: r.kind,
        entityId: r.entity_id,
        createdAt: r.created_at,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
      })),
    };
  },
  syncRetry: ({ seq }, ctx) => {
    const actor = requireActor(ctx);
    inTransaction(deps, () => {
      const row = rejectedRow(deps, seq);
      deps.db
        .prepare(`UPDATE outbox SET status = 'pending', last_error = NULL WHERE seq = ?`)
        .run(seq);
      audit(deps, {
        actor,
        action: 'sync.item_retried',
        subject: row.op_id,
        details: { kind: row.kind, entity_id: row.entity_id, error: row.last_error },
      });
    });
    return {};
  },
  syncDiscard: ({ seq, reason }, ctx) => {
    const actor = requireActor(ctx);
    // The outbox row goes; what it was, why central refused it and why it was dropped stay in the audit.
    inTransaction(deps, () => {
      const row = rejectedRow(deps, seq);
      deps.db.prepare('DELETE FROM outbox WHERE seq = ?').run(seq);
      audit(deps, {
        actor,
        action: 'sync.item_discarded',
        subject: row.op_id,
        details: { kind: row.kind, entity_id: row.entity_id, error: row.last_error, reason },
      });
    });
    return {};
  },
  syncUploadList: ({ status, limit }) => listUploads(deps.db, status, limit),
  syncUploadRetry: ({ attachmentId }, ctx) => {
    retryUpload(deps, requireActor(ctx), attachmentId);
    return {};
  },
  syncUploadDiscard: ({ attachmentId, reason }, ctx) => {
    discardUpload(deps, requireActor(ctx), attachmentId, reason);
    return {};
  },
});
