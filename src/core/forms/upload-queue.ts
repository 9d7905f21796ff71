import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { UploadItem } from '../../shared/contract/sync';
import { AppError } from '../../shared/errors';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { forgetRefusal } from './attachment-upload';

// Attachments whose bytes central still lacks and that staff did not set aside.
const OWED = `a.uploaded_at IS NULL AND a.removed_at IS NULL AND a.upload_discarded_at IS NULL`;

/** What the queue screen and the sync status count: waiting files (and bytes) and refused ones. */
export const uploadCounts = (
  db: Database,
): { waiting: number; waitingBytes: number; failed: number } =>
  db
    .prepare(
      `SELECT count(*) AS waiting, coalesce(sum(a.size), 0) AS waitingBytes,
         count(a.upload_error) AS failed
       FROM registry_attachments a WHERE ${OWED}`,
    )
    .get() as { waiting: number; waitingBytes: number; failed: number };

export const listUploads = (
  db: Database,
  status: 'waiting' | 'failed',
  limit: number,
): { items: UploadItem[]; total: number } => {
  const which = status === 'failed' ? 'a.upload_error IS NOT NULL' : 'a.upload_error IS NULL';
  const items = db
    .prepare(
      `SELECT a.id AS attachmentId, coalesce(e.official_number, e.provisional_number) AS entryNumber,
         a.filename, a.size, a.upload_error AS lastError
       FROM registry_attachments a JOIN registry_entries e ON e.id = a.entry_id
       WHERE ${OWED} AND ${which} ORDER BY e.year, e.seq, a.position LIMIT ?`,
    )
    .all(limit) as UploadItem[];
  const total = db
    .prepare(`SELECT count(*) FROM registry_attachments a WHERE ${OWED} AND ${which}`)
    .pluck()
    .get() as number;
  return { items, total };
};

interface FailedRow {
  id: string;
  entry_id: string;
  filename: string;
  upload_error: string;
}

const failedUpload = (db: Database, attachmentId: string): FailedRow => {
  const row = db
    .prepare(
      `SELECT a.id, a.entry_id, a.filename, a.upload_error FROM registry_attachments a
       WHERE a.id = ? AND a.upload_error IS NOT NULL AND ${OWED}`,
    )
    .get(attachmentId) as FailedRow | undefined;
  if (!row) throw new AppError('sync_upload_not_found', {}, 404);
  return row;
};

/** Clears the refusal so the next run sends the file at once. */
export const retryUpload = (deps: CoreDeps, actor: Actor, attachmentId: string): void => {
  inTransaction(deps, () => {
    const row = failedUpload(deps.db, attachmentId);
    deps.db
      .prepare('UPDATE registry_attachments SET upload_error = NULL WHERE id = ?')
      .run(attachmentId);
    audit(deps, {
      actor,
      action: 'sync.upload_retried',
      subject: `attachment:${row.id}`,
      details: { entry_id: row.entry_id, filename: row.filename, error: row.upload_error },
    });
  });
  forgetRefusal(deps.db, attachmentId);
};

/**
 * Stops sending a refused file. The bytes stay on this counter (retention only removes what
 * central confirmed), so nothing saved is lost; what was dropped and why stay in the audit.
 */
export const discardUpload = (
  deps: CoreDeps,
  actor: Actor,
  attachmentId: string,
  reason: string,
): void => {
  inTransaction(deps, () => {
    const row = failedUpload(deps.db, attachmentId);
    deps.db
      .prepare('UPDATE registry_attachments SET upload_discarded_at = ? WHERE id = ?')
      .run(deps.clock.now().toISOString(), attachmentId);
    audit(deps, {
      actor,
      action: 'sync.upload_discarded',
      subject: `attachment:${row.id}`,
      details: { entry_id: row.entry_id, filename: row.filename, error: row.upload_error, reason },
    });
  });
};
