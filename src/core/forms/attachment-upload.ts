import {
  ATTACHMENT_UPLOAD_PATH,
  AttachmentUploadResponse,
} from '../../shared/contract/attachment-upload';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import type { CoreDeps } from '../app/deps';
import { queuedEntityIds } from '../sync/outbox';
import { type Send, stopFor, SyncStop } from '../sync/sync-steps';
import { readAttachment } from './forms-service';

export interface UploadTally {
  uploaded: number;
  uploadedBytes: number;
  refused: number;
}

export interface UploadProgressFn {
  (p: { done: number; total: number; bytesDone: number; bytesTotal: number }): void;
}

/** A refused attachment (up to 8 MiB) is not sent again on every poll, only this often. */
export const REFUSED_RETRY_MS = 60 * 60_000;
// Per database, in memory: a restart retries at once, which is what an admin who fixed it expects.
const refusedUntil = new WeakMap<Database, Map<string, number>>();

interface Pending {
  id: string;
  sha256: string;
  size: number;
}

/** Staff asked for another try now: the next run sends it without waiting out REFUSED_RETRY_MS. */
export const forgetRefusal = (db: Database, attachmentId: string): void => {
  refusedUntil.get(db)?.delete(attachmentId);
};

/**
 * Attachments whose bytes central still lacks, once central knows them: neither the entry's nor
 * the attachment's op is still in the outbox (pending or set aside as rejected).
 */
const pendingUploads = (deps: CoreDeps): Pending[] => {
  const queuedEntries = queuedEntityIds(deps.db, 'registry.entry');
  const queuedAttachments = queuedEntityIds(deps.db, 'registry.attachment');
  const candidates = deps.db
    .prepare(
      `SELECT a.id, a.entry_id AS entryId, a.sha256, a.size FROM registry_attachments a
       JOIN registry_entries e ON e.id = a.entry_id
       WHERE a.uploaded_at IS NULL AND a.removed_at IS NULL AND a.upload_discarded_at IS NULL
       ORDER BY e.year, e.seq, a.position`,
    )
    .all() as (Pending & { entryId: string })[];
  return candidates
    .filter((a) => !queuedEntries.has(a.entryId) && !queuedAttachments.has(a.id))
    .map(({ id, sha256, size }) => ({ id, sha256, size }));
};

/**
 * Sends the bytes of each pushed attachment to central, one signed request each, and records
 * `uploaded_at` when central confirms it holds them. Called by the sync loop after the push.
 * Network failures, 5xx, 429 and refusals of the device stop the run (retried with backoff,
 * files untouched); a refused attachment or a local file that no longer matches its hash is
 * noted on the row, tried again after REFUSED_RETRY_MS, and the next one goes. `tally` grows
 * file by file, so a run cut short still reports what central confirmed.
 */
export const uploadPendingAttachments = async (
  deps: CoreDeps,
  send: Send,
  tally: UploadTally = { uploaded: 0, uploadedBytes: 0, refused: 0 },
  onProgress: UploadProgressFn = () => undefined,
): Promise<UploadTally> => {
  const markUploaded = deps.db.prepare(
    'UPDATE registry_attachments SET uploaded_at = ?, upload_error = NULL WHERE id = ?',
  );
  const markError = deps.db.prepare(
    'UPDATE registry_attachments SET upload_error = ? WHERE id = ?',
  );
  const now = deps.clock.now().getTime();
  const waiting = refusedUntil.get(deps.db) ?? new Map<string, number>();
  refusedUntil.set(deps.db, waiting);
  const refuse = (id: string, code: string) => {
    markError.run(code, id);
    waiting.set(id, now + REFUSED_RETRY_MS);
    tally.refused += 1;
  };
  const due = pendingUploads(deps).filter((item) => (waiting.get(item.id) ?? 0) <= now);
  const progress = { done: 0, total: due.length, bytesDone: 0, bytesTotal: 0 };
  for (const item of due) progress.bytesTotal += item.size;
  onProgress({ ...progress });
  const step = (size: number) => {
    progress.done += 1;
    progress.bytesDone += size;
    onProgress({ ...progress });
  };
  for (const item of due) {
    let bytes: Buffer;
    try {
      bytes = readAttachment(deps, item.id);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      refuse(item.id, e.code);
      step(item.size);
      continue;
    }
    const res = await send('POST', ATTACHMENT_UPLOAD_PATH, {
      attachment_id: item.id,
      sha256: item.sha256,
      data_base64: bytes.toString('base64'),
    });
    if (res.status === 200) {
      // A cut or garbled answer does not say the bytes are stored: try again next run.
      if (!AttachmentUploadResponse.safeParse(res.body).success) {
        throw new SyncStop('bad_response', false);
      }
      markUploaded.run(deps.clock.now().toISOString(), item.id);
      waiting.delete(item.id);
      tally.uploaded += 1;
      tally.uploadedBytes += item.size;
      step(item.size);
      continue;
    }
    // Transient trouble and refusals of the device itself stop the run like a failed push.
    if (res.status >= 500 || res.status === 429 || res.status === 401 || res.status === 403) {
      throw stopFor(res);
    }
    refuse(item.id, stopFor(res).code);
    step(item.size);
  }
  return tally;
};
