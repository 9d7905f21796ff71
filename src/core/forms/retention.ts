import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreDeps } from '../app/deps';
import { attachmentsDir, removeSealed, storedAttachmentFiles } from './attachment-store';
import { readFormsConfig } from './config';

const DAY_MS = 24 * 60 * 60_000;
/** A sealed file with no row yet may belong to a filing in progress: leave it this long. */
const ORPHAN_GRACE_MS = 60 * 60_000;

export interface DueAttachments {
  readonly ids: readonly string[];
  /** Registry numbers whose files go: the retention run's audit entry names them. */
  readonly entries: readonly string[];
}

/**
 * Call inside the retention run's transaction, next to its audit entry. An attachment is due
 * only once central has confirmed it stores these very bytes (`uploaded_at`, set when central
 * answered the upload after checking their SHA-256) and the configured retention has passed
 * since then. An acknowledged outbox item is not enough: it carries the hashes, not the bytes.
 * Rows stay, so the hashes on the receipt remain provable.
 */
export const markDueAttachments = (deps: CoreDeps): DueAttachments => {
  const { db } = deps;
  const now = deps.clock.now();
  const retentionDays = readFormsConfig(db).attachmentRetentionDays;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const rows = db
    .prepare(
      `SELECT a.id, e.provisional_number FROM registry_attachments a JOIN registry_entries e ON e.id = a.entry_id
       WHERE a.removed_at IS NULL AND a.uploaded_at IS NOT NULL AND a.uploaded_at <= ?`,
    )
    .all(cutoff) as { id: string; provisional_number: string }[];
  const mark = db.prepare('UPDATE registry_attachments SET removed_at = ? WHERE id = ?');
  for (const r of rows) mark.run(now.toISOString(), r.id);
  return {
    ids: rows.map((r) => r.id),
    entries: [...new Set(rows.map((r) => r.provisional_number))],
  };
};

/** After the commit: a failed delete leaves a file the next orphan sweep removes. */
export const removeAttachmentFiles = (dataDir: string, ids: readonly string[]): void => {
  for (const id of ids) removeSealed(dataDir, id);
};

/** Files with no live row: left by a crash between sealing and committing, or by a failed delete. */
export const sweepAttachmentOrphans = (deps: CoreDeps): number => {
  const live = new Set(
    (
      deps.db.prepare('SELECT id FROM registry_attachments WHERE removed_at IS NULL').all() as {
        id: string;
      }[]
    ).map((r) => r.id),
  );
  let removed = 0;
  for (const file of storedAttachmentFiles(deps.dataDir)) {
    const id = file.replace(/\.enc(\.tmp)?$/, '');
    if (live.has(id) && !file.endsWith('.tmp')) continue;
    const path = join(attachmentsDir(deps.dataDir), file);
    const known =
      deps.db.prepare('SELECT 1 FROM registry_attachments WHERE id = ?').get(id) !== undefined;
    // File ages are real time, not the injectable clock: the file system knows nothing else.
    if (!known && Date.now() - statSync(path).mtimeMs < ORPHAN_GRACE_MS) continue;
    rmSync(path, { force: true });
    removed += 1;
  }
  return removed;
};
