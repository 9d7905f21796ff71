import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FormValues, RegistryEntry, RegistryEntryDetail } from '../../shared/contract/forms';
import { AppError } from '../../shared/errors';
import { canonicalJson } from '../audit/canonical-json';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { hasQueuedOp } from '../sync/outbox';

export interface EntryRow {
  id: string;
  year: number;
  seq: number;
  provisional_number: string;
  official_number: string | null;
  official_assigned_at: string | null;
  template_id: string;
  template_version: number;
  epigrafe: string;
  addressee: string;
  addressee_name: string;
  filed_at: string;
  filed_local: string;
  utc_offset_min: number;
  party_kind: 'resident' | 'non_resident';
  party_resident_id: string | null;
  party_name: string;
  party_doc_masked: string | null;
  party_doc_hash: string | null;
  party_contact: string | null;
  rep_name: string | null;
  rep_doc_masked: string | null;
  rep_doc_hash: string | null;
  rep_contact: string | null;
  data: string;
  summary: string;
  consent_text: string | null;
  clerk_id: number | null;
  clerk_name: string;
  entry_hash: string;
  synced_at: string | null;
}

export interface AttachmentRow {
  id: string;
  entry_id: string;
  position: number;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  removed_at: string | null;
  /** When central confirmed it stores the bytes (migration 0010). */
  uploaded_at: string | null;
  upload_error: string | null;
}

/** What the entry hash covers: everything art. 16.3 asks for, as filed (not the official number). */
export const hashedContent = (
  row: Omit<EntryRow, 'entry_hash' | 'official_number' | 'official_assigned_at' | 'synced_at'>,
  attachmentHashes: readonly string[],
) => ({
  v: 1,
  id: row.id,
  provisional_number: row.provisional_number,
  template: `${row.template_id}@${row.template_version}`,
  epigrafe: row.epigrafe,
  addressee: row.addressee,
  filed_at: row.filed_at,
  filed_local: row.filed_local,
  party: [
    row.party_kind,
    row.party_resident_id,
    row.party_name,
    row.party_doc_masked,
    row.party_doc_hash,
    row.party_contact,
  ],
  representative: [row.rep_name, row.rep_doc_masked, row.rep_doc_hash, row.rep_contact],
  data: JSON.parse(row.data) as unknown,
  consent_text: row.consent_text,
  clerk: [row.clerk_id, row.clerk_name],
  attachments: attachmentHashes,
});

/** Takes any object so central can check a received entry with the same function. */
export const computeEntryHash = (content: object): string =>
  createHash('sha256').update(canonicalJson(content)).digest('hex');

/** What the receipt's QR holds: enough for central to find the entry and check the hash. */
export const qrPayload = (row: Pick<EntryRow, 'id' | 'entry_hash'>): string =>
  `VENTANILLA-REG:1:${row.id}:${row.entry_hash}`;

export const entryStatus = (db: Database, row: EntryRow): RegistryEntry['status'] => {
  if (row.official_number) return 'official';
  return hasQueuedOp(db, 'registry.entry', row.id) ? 'queued' : 'synced';
};

export const toEntry = (db: Database, row: EntryRow): RegistryEntry => ({
  id: row.id,
  provisionalNumber: row.provisional_number,
  officialNumber: row.official_number,
  officialAssignedAt: row.official_assigned_at,
  status: entryStatus(db, row),
  templateId: row.template_id,
  templateVersion: row.template_version,
  epigrafe: row.epigrafe,
  addressee: row.addressee,
  addresseeName: row.addressee_name,
  filedAt: row.filed_at,
  filedLocal: row.filed_local,
  partyKind: row.party_kind,
  partyName: row.party_name,
  partyDocumentMasked: row.party_doc_masked,
  representativeName: row.rep_name,
  summary: row.summary,
  clerkName: row.clerk_name,
  entryHash: row.entry_hash,
});

export const getEntryRow = (db: Database, id: string): EntryRow => {
  const row = db.prepare('SELECT * FROM registry_entries WHERE id = ?').get(id) as
    EntryRow | undefined;
  if (!row) throw new AppError('forms_entry_not_found', { id }, 404);
  return row;
};

export const attachmentRows = (db: Database, entryId: string): AttachmentRow[] =>
  db
    .prepare('SELECT * FROM registry_attachments WHERE entry_id = ? ORDER BY position')
    .all(entryId) as AttachmentRow[];

export const entryDetail = (db: Database, id: string): RegistryEntryDetail => {
  const row = getEntryRow(db, id);
  return {
    ...toEntry(db, row),
    data: JSON.parse(row.data) as FormValues,
    partyContact: row.party_contact,
    representativeDocumentMasked: row.rep_doc_masked,
    consentText: row.consent_text,
    attachments: attachmentRows(db, id).map((a) => ({
      id: a.id,
      filename: a.filename,
      mediaType: a.media_type,
      size: a.size,
      sha256: a.sha256,
      removed: a.removed_at !== null,
    })),
  };
};

export interface ListFilter {
  readonly query?: string | undefined;
  readonly templateId?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit: number;
}

/** The registry book, newest first. `query` matches either number or the party's name. */
export const listEntries = (db: Database, filter: ListFilter): RegistryEntry[] => {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: filter.limit };
  if (filter.query) {
    where.push(`(provisional_number LIKE @q ESCAPE '\\' OR official_number LIKE @q ESCAPE '\\'
      OR party_name LIKE @q ESCAPE '\\' OR party_resident_id = @exact)`);
    params.q = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.exact = filter.query;
  }
  if (filter.templateId) {
    where.push('template_id = @template');
    params.template = filter.templateId;
  }
  // Dates are the counter's local calendar days, as the clerk reads them on the receipt.
  if (filter.from) {
    where.push('substr(filed_local, 1, 10) >= @from');
    params.from = filter.from;
  }
  if (filter.to) {
    where.push('substr(filed_local, 1, 10) <= @to');
    params.to = filter.to;
  }
  const sql = `SELECT * FROM registry_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY year DESC, seq DESC LIMIT @limit`;
  return (db.prepare(sql).all(params) as EntryRow[]).map((r) => toEntry(db, r));
};

/**
 * Records the official registry number central assigned (arrives by pull). Replaying the same
 * number is a no-op; a different number for an entry that already has one is refused.
 */
export const applyOfficialNumber = (
  deps: CoreDeps,
  entryId: string,
  officialNumber: string,
  assignedAt: string,
): 'applied' | 'unchanged' =>
  inTransaction(deps, () => {
    const row = getEntryRow(deps.db, entryId);
    if (row.official_number === officialNumber) return 'unchanged';
    if (row.official_number) {
      throw new AppError('forms_official_number_conflict', { number: row.provisional_number }, 409);
    }
    deps.db
      .prepare(
        'UPDATE registry_entries SET official_number = ?, official_assigned_at = ? WHERE id = ?',
      )
      .run(officialNumber, assignedAt, entryId);
    audit(deps, {
      actor: { staffId: null, username: 'central', role: 'system' },
      action: 'forms.official_number_assigned',
      subject: `registry:${row.provisional_number}`,
      details: { official_number: officialNumber, assigned_at: assignedAt },
    });
    return 'applied';
  });

/**
 * Central confirms it stores the entry and the bytes of each attachment (listed by SHA-256).
 * Only a confirmation that matches this counter's hashes marks the entry complete there; the
 * retention clock of each file starts at its own confirmed upload (`uploaded_at`).
 */
export const confirmStoredAtCentral = (
  deps: CoreDeps,
  entryId: string,
  attachmentHashes: readonly string[],
): 'applied' | 'unchanged' | 'mismatch' =>
  inTransaction(deps, () => {
    const row = getEntryRow(deps.db, entryId);
    if (row.synced_at) return 'unchanged';
    const local = attachmentRows(deps.db, entryId)
      .map((a) => a.sha256)
      .sort();
    const remote = [...attachmentHashes].sort();
    if (local.length !== remote.length || local.some((h, i) => h !== remote[i])) return 'mismatch';
    deps.db
      .prepare('UPDATE registry_entries SET synced_at = ? WHERE id = ?')
      .run(deps.clock.now().toISOString(), entryId);
    return 'applied';
  });
