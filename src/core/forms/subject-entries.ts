import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EntryRow } from './entries';

export type SubjectEntry = EntryRow & { readonly erased_at: string | null };

/**
 * The entries about one person, oldest first: filed with their register id as the interested
 * party, or with their keyed document hash as the party or the representative.
 */
export const entriesAbout = (
  db: Database,
  residentId: string,
  documentHash: string | null,
): SubjectEntry[] =>
  db
    .prepare(
      `SELECT * FROM registry_entries
       WHERE party_resident_id = @id
          OR (@hash IS NOT NULL AND (party_doc_hash = @hash OR rep_doc_hash = @hash))
       ORDER BY filed_at, id`,
    )
    .all({ id: residentId, hash: documentHash }) as SubjectEntry[];

/** The provisional numbers of the entries whose provisional or official number is `number`. */
export const provisionalNumbersOf = (db: Database, number: string): string[] =>
  db
    .prepare(
      `SELECT provisional_number FROM registry_entries
       WHERE official_number = @q OR provisional_number = @q LIMIT 20`,
    )
    .pluck()
    .all({ q: number }) as string[];

/** An erasure on one entry: the person's contact and document hash go, as party or representative. */
export const eraseEntryContact = (
  db: Database,
  entryId: string,
  party: boolean,
  at: string,
): void => {
  db.prepare(
    party
      ? `UPDATE registry_entries SET party_contact = NULL, party_doc_hash = NULL, erased_at = ? WHERE id = ?`
      : `UPDATE registry_entries SET rep_contact = NULL, rep_doc_hash = NULL, erased_at = ? WHERE id = ?`,
  ).run(at, entryId);
};

/**
 * An erasure of what the party filed, once central stores the entry: the form content goes, and
 * each attachment whose bytes central has confirmed is marked removed. Returns those ids, whose
 * files the caller deletes after the commit.
 */
export const eraseFiledContent = (db: Database, entryId: string, at: string): string[] => {
  db.prepare(`UPDATE registry_entries SET data = '{}' WHERE id = ?`).run(entryId);
  const ids = db
    .prepare(
      `SELECT id FROM registry_attachments
       WHERE entry_id = ? AND removed_at IS NULL AND uploaded_at IS NOT NULL`,
    )
    .pluck()
    .all(entryId) as string[];
  const mark = db.prepare(
    'UPDATE registry_attachments SET removed_at = ? WHERE id = ? AND removed_at IS NULL',
  );
  for (const id of ids) mark.run(at, id);
  return ids;
};
