import type { ErasureReport } from '../../shared/contract/privacy';
import { AppError } from '../../shared/errors';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { removeSealed } from '../forms/attachment-store';
import { endRecord } from '../verifications/lifecycle';
import { getVerification } from '../verifications/repo';
import { anonymiseResident } from './anonymise';
import { isParty, subjectAudit, subjectRecords, subjectTag } from './subject';

/**
 * Right to erasure (GDPR art. 17) as far as the law allows.
 * Erased: verification personal data (handles, platform ids, document hash and mask; a
 * verification still in force is revoked first, which tells central's directory), online
 * requests, resolved conflicts, failed lookups and lock rows for their number, contact details
 * and document hashes on registry entries, and, once central stores the entry, the form
 * content of entries they filed, and each attachment file once central holds its bytes.
 * Kept: the register row (the padrón, Ley 7/1985), the registry entries with name and masked
 * document (Ley 39/2015, art. 16) and the audit log (append-only; it holds only masked
 * identifiers, resident ids and handles, never names or document numbers).
 */
export const eraseResident = (
  deps: CoreDeps,
  actor: Actor,
  residentId: string,
  confirm: string,
): ErasureReport => {
  if (confirm.trim() !== residentId.trim()) {
    throw new AppError('privacy_confirm_mismatch', {}, 400);
  }
  const { report, files } = inTransaction(deps, () => {
    const records = subjectRecords(deps.db, residentId);
    const { resident } = records;
    const at = deps.clock.now().toISOString();
    let revoked = 0;
    for (const v of records.verifications) {
      if (v.state === 'verified' || v.state === 'pending_proof') {
        endRecord(deps, actor, getVerification(deps.db, v.id), 'revoked', 'resident_request', null);
        revoked += 1;
      }
    }
    const anonymised = anonymiseResident(
      deps.db,
      resident.resident_id,
      records.verifications.map((v) => v.id),
      at,
    );
    const hash = resident.document_hash;
    const failedLookups = hash
      ? deps.db.prepare('DELETE FROM failed_lookups WHERE document_hash = ?').run(hash).changes
      : 0;
    const lookupLocks = hash
      ? deps.db.prepare('DELETE FROM lookup_locks WHERE document_hash = ?').run(hash).changes
      : 0;

    let entryContacts = 0;
    let entryContents = 0;
    let entriesAwaitingSync = 0;
    const files: string[] = [];
    const markFile = deps.db.prepare(
      'UPDATE registry_attachments SET removed_at = ? WHERE id = ? AND removed_at IS NULL',
    );
    for (const e of records.entries) {
      const party = isParty(e, resident);
      const contact = party ? e.party_contact : e.rep_contact;
      if (contact !== null) entryContacts += 1;
      deps.db
        .prepare(
          party
            ? `UPDATE registry_entries SET party_contact = NULL, party_doc_hash = NULL, erased_at = ? WHERE id = ?`
            : `UPDATE registry_entries SET rep_contact = NULL, rep_doc_hash = NULL, erased_at = ? WHERE id = ?`,
        )
        .run(at, e.id);
      if (!party) continue;
      // Until central stores the entry, this counter holds the only copy of the filed document.
      if (e.synced_at === null) {
        entriesAwaitingSync += 1;
        continue;
      }
      deps.db.prepare(`UPDATE registry_entries SET data = '{}' WHERE id = ?`).run(e.id);
      entryContents += 1;
      // A file goes only once central has confirmed it holds these very bytes.
      const ids = deps.db
        .prepare(
          `SELECT id FROM registry_attachments
           WHERE entry_id = ? AND removed_at IS NULL AND uploaded_at IS NOT NULL`,
        )
        .pluck()
        .all(e.id) as string[];
      for (const id of ids) markFile.run(at, id);
      files.push(...ids);
    }

    const counts: ErasureReport = {
      residentId: resident.resident_id,
      erased: {
        verifications: anonymised.verifications,
        revoked,
        requests: anonymised.requests,
        conflicts: anonymised.conflicts,
        failedLookups,
        lookupLocks,
        entryContacts,
        entryContents,
        attachments: files.length,
      },
      kept: {
        registerRow: true,
        registryEntries: records.entries.length,
        entriesAwaitingSync,
        openConflicts: anonymised.openConflicts,
        // Including this erasure's own entry, written below.
        auditEntries: subjectAudit(deps.db, records).length + 1,
      },
    };
    audit(deps, {
      actor,
      action: 'privacy.erased',
      subject: subjectTag(resident.resident_id),
      details: { erased: counts.erased, kept: counts.kept },
    });
    return { report: counts, files };
  });
  // Files go after the commit, as in the forms retention: a failed delete is swept later.
  for (const id of files) removeSealed(deps.dataDir, id);
  return report;
};
