import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import { type AuditRowLite, auditAbout, auditLinkedTo } from '../audit/linked';
import type { EntryRow } from '../forms/entries';
import { entriesAbout, type SubjectEntry } from '../forms/subject-entries';
import { type ResidentRow, residentsRepo } from '../residents/repo';
import { failedLookupsOf, type FailedLookupRow } from '../verifications/anti-fishing';
import {
  type ConflictRow,
  type RequestRow,
  residentVerificationRecords,
  type VerificationRow,
} from '../verifications/repo';

export type { AuditRowLite, ConflictRow, FailedLookupRow, RequestRow, SubjectEntry };

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
  const { verifications, requests, conflicts } = residentVerificationRecords(db, id);
  const entries = entriesAbout(db, id, hash);
  const failedLookups = hash ? failedLookupsOf(db, hash) : [];
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
  const linked = auditLinkedTo(db, {
    subjects,
    residentId: id,
    numbers: records.entries.map((e) => e.provisional_number),
  });
  const mask = records.resident.document_masked;
  const moments = [
    ...records.failedLookups.map((f) => Date.parse(f.at)),
    ...records.verifications.map((v) => Date.parse(v.created_at)),
  ];
  const byMask = mask
    ? auditAbout(db, `document:${mask}`).filter((row) => {
        const t = Date.parse(row.at);
        return moments.some((m) => Math.abs(m - t) <= SAME_TRANSACTION_MS);
      })
    : [];
  const bySeq = new Map([...linked, ...byMask].map((row) => [row.seq, row]));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
};
