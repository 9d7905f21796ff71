import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import type { EntryRow } from '../forms/entries';
import { type ResidentRow, residentsRepo } from '../residents/repo';
import type { VerificationRow } from '../verifications/repo';

export interface FailedLookupRow {
  readonly id: number;
  readonly at: string;
  readonly staff_name: string;
  readonly document_masked: string;
  readonly reason: string;
}

export interface RequestRow {
  readonly id: string;
  readonly network: string;
  readonly handle: string;
  readonly requested_at: string;
  readonly state: string;
}

export interface AuditRowLite {
  readonly seq: number;
  readonly at: string;
  readonly actor_name: string;
  readonly action: string;
  readonly subject: string | null;
  readonly details: string;
}

export interface ConflictRow {
  readonly id: string;
  readonly network: string;
  readonly handle: string;
  readonly claimant_resident_id: string;
  readonly state: string;
  readonly created_at: string;
  readonly resolved_at: string | null;
}

export type SubjectEntry = EntryRow & { readonly erased_at: string | null };

/** Everything this counter holds that is linked to one resident, and to nobody else. */
export interface SubjectRecords {
  readonly resident: ResidentRow;
  readonly verifications: VerificationRow[];
  readonly requests: RequestRow[];
  readonly conflicts: ConflictRow[];
  readonly entries: SubjectEntry[];
  readonly failedLookups: FailedLookupRow[];
}

export const subjectTag = (residentId: string): string => `resident:${residentId}`;

export const findResident = (db: Database, residentId: string): ResidentRow => {
  const resident = residentsRepo(db).byResidentId(residentId.trim());
  if (!resident) throw new AppError('privacy_resident_not_found', { id: residentId }, 404);
  return resident;
};

/**
 * Links used: the register's resident id (verifications, requests, entries filed as the
 * interested party) and the keyed hash of the resident's document (entries where they are the
 * interested party or the representative, failed lookups, which are keyed by that hash).
 */
export const subjectRecords = (db: Database, residentId: string): SubjectRecords => {
  const resident = findResident(db, residentId);
  const id = resident.resident_id;
  const hash = resident.document_hash;
  const verifications = db
    .prepare('SELECT * FROM verifications WHERE resident_id = ? ORDER BY created_at, id')
    .all(id) as VerificationRow[];
  const requests = db
    .prepare(
      `SELECT id, network, handle, requested_at, state FROM verification_requests
       WHERE resident_id = ? ORDER BY requested_at, id`,
    )
    .all(id) as RequestRow[];
  const conflicts = db
    .prepare(
      `SELECT id, network, handle, claimant_resident_id, state, created_at, resolved_at
       FROM verification_conflicts WHERE claimant_resident_id = @id
         OR holder_verification_id IN (SELECT value FROM json_each(@ids))
       ORDER BY created_at, id`,
    )
    .all({ id, ids: JSON.stringify(verifications.map((v) => v.id)) }) as ConflictRow[];
  const entries = db
    .prepare(
      `SELECT * FROM registry_entries
       WHERE party_resident_id = @id
          OR (@hash IS NOT NULL AND (party_doc_hash = @hash OR rep_doc_hash = @hash))
       ORDER BY filed_at, id`,
    )
    .all({ id, hash }) as SubjectEntry[];
  const failedLookups = hash
    ? (db
        .prepare(
          `SELECT id, at, staff_name, document_masked, reason FROM failed_lookups
           WHERE document_hash = ? ORDER BY at, id`,
        )
        .all(hash) as FailedLookupRow[])
    : [];
  return { resident, verifications, requests, conflicts, entries, failedLookups };
};

/** Whether the resident is the interested party of an entry (else they are its representative). */
export const isParty = (entry: EntryRow, resident: ResidentRow): boolean =>
  entry.party_resident_id === resident.resident_id ||
  (resident.document_hash !== null && entry.party_doc_hash === resident.document_hash);

/** Entries about a masked number are theirs only if written with one of their own records. */
const SAME_TRANSACTION_MS = 2000;

/**
 * Audit entries that concern the resident. The log holds no names and no document numbers, so
 * entries are linked through the ids of the resident's records, the resident id in `details`,
 * and for `document:<mask>` entries (a mask is shared by many numbers) only when written
 * alongside one of the resident's failed lookups or verifications.
 */
export const subjectAudit = (db: Database, records: SubjectRecords): AuditRowLite[] => {
  const id = records.resident.resident_id;
  const subjects = [
    subjectTag(id),
    ...records.verifications.map((v) => `verification:${v.id}`),
    ...records.requests.map((r) => `request:${r.id}`),
    ...records.entries.map((e) => `registry:${e.provisional_number}`),
    // A holder's conflict entries carry the claimant's masked document: only the claimant's.
    ...records.conflicts
      .filter((c) => c.claimant_resident_id === id)
      .map((c) => `conflict:${c.id}`),
  ];
  const numbers = JSON.stringify(records.entries.map((e) => e.provisional_number));
  const linked = db
    .prepare(
      `SELECT seq, at, actor_name, action, subject, details FROM audit_log
       WHERE subject IN (SELECT value FROM json_each(@subjects))
          OR json_extract(details, '$.residentId') = @id
          OR EXISTS (SELECT 1 FROM json_each(details, '$.candidates') WHERE value = @id)
          OR EXISTS (SELECT 1 FROM json_each(details, '$.entries')
                     WHERE value IN (SELECT value FROM json_each(@numbers)))`,
    )
    .all({ subjects: JSON.stringify(subjects), id, numbers }) as AuditRowLite[];
  const mask = records.resident.document_masked;
  const moments = [
    ...records.failedLookups.map((f) => Date.parse(f.at)),
    ...records.verifications.map((v) => Date.parse(v.created_at)),
  ];
  const byMask = mask
    ? (
        db
          .prepare(
            `SELECT seq, at, actor_name, action, subject, details FROM audit_log WHERE subject = ?`,
          )
          .all(`document:${mask}`) as AuditRowLite[]
      ).filter((row) => {
        const t = Date.parse(row.at);
        return moments.some((m) => Math.abs(m - t) <= SAME_TRANSACTION_MS);
      })
    : [];
  const bySeq = new Map([...linked, ...byMask].map((row) => [row.seq, row]));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
};
