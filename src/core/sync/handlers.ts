import type { syncOps } from '../../shared/contract/sync';
import { syncStopError } from '../../shared/contract/central-errors';
import { AppError } from '../../shared/errors';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { type HandlersFor, requireActor } from '../app/handlers';
import { discardUpload, listUploads, retryUpload } from '../forms/upload-queue';
import { dropOp, queuedOps, rejectedOp, requeueOp } from './outbox';
import type { SyncService } from './sync-service';

const rejectedRow = (deps: CoreDeps, seq: number) => {
  const row = rejectedOp(deps.db, seq);
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
    const { total, items } = queuedOps(deps.db, status, limit);
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
      requeueOp(deps.db, seq);
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
      dropOp(deps.db, seq);
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
