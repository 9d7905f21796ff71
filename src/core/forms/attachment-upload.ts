import {
  ATTACHMENT_UPLOAD_PATH,
  AttachmentUploadResponse,
} from '../../shared/contract/attachment-upload';
import { AppError } from '../../shared/errors';
import type { CoreDeps } from '../app/deps';
import { type Send, stopFor, SyncStop } from '../sync/sync-steps';
import { readAttachment } from './forms-service';

export interface UploadTally {
  readonly uploaded: number;
  readonly refused: number;
}

interface Pending {
  id: string;
  sha256: string;
}

/**
 * Attachments whose bytes central still lacks, once central knows them: neither the entry's nor
 * the attachment's op is still in the outbox (pending or set aside as rejected).
 */
const pendingUploads = (deps: CoreDeps): Pending[] =>
  deps.db
    .prepare(
      `SELECT a.id, a.sha256 FROM registry_attachments a
       JOIN registry_entries e ON e.id = a.entry_id
       WHERE a.uploaded_at IS NULL AND a.removed_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM outbox o
           WHERE (o.kind = 'registry.entry' AND o.entity_id = a.entry_id)
              OR (o.kind = 'registry.attachment' AND o.entity_id = a.id))
       ORDER BY e.year, e.seq, a.position`,
    )
    .all() as Pending[];

/**
 * Sends the bytes of each pushed attachment to central, one signed request each, and records
 * `uploaded_at` when central confirms it holds them. Called by the sync loop after the push.
 * Network failures, 5xx, 429 and refusals of the device stop the run (retried with backoff,
 * files untouched); a refused attachment or a local file that no longer matches its hash is
 * noted on the row and the next one goes.
 */
export const uploadPendingAttachments = async (
  deps: CoreDeps,
  send: Send,
): Promise<UploadTally> => {
  const markUploaded = deps.db.prepare(
    'UPDATE registry_attachments SET uploaded_at = ?, upload_error = NULL WHERE id = ?',
  );
  const markError = deps.db.prepare(
    'UPDATE registry_attachments SET upload_error = ? WHERE id = ?',
  );
  let uploaded = 0;
  let refused = 0;
  for (const item of pendingUploads(deps)) {
    let bytes: Buffer;
    try {
      bytes = readAttachment(deps, item.id);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      markError.run(e.code, item.id);
      refused += 1;
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
      uploaded += 1;
      continue;
    }
    // Transient trouble and refusals of the device itself stop the run like a failed push.
    if (res.status >= 500 || res.status === 429 || res.status === 401 || res.status === 403) {
      throw stopFor(res);
    }
    markError.run(stopFor(res).code, item.id);
    refused += 1;
  }
  return { uploaded, refused };
};
