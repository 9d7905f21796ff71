import type { ErasureReport } from '../../shared/contract/privacy';
import { AppError } from '../../shared/errors';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { removeSealed } from '../forms/attachment-store';
import { eraseEntryContact, eraseFiledContent } from '../forms/subject-entries';
import { anonymiseResident } from '../verifications/anonymise';
import { forgetDocument } from '../verifications/anti-fishing';
import { endRecord } from '../verifications/lifecycle';
import { getVerification } from '../verifications/repo';
import { forgetCentralExports } from './central-requests';
import { isParty, subjectAudit, subjectRecords, subjectTag } from './subject';

/**
 * Right to erasure (GDPR art. 17) as far as the law allows.
 * Erased: verification personal data (handles, platform ids, document hash and mask; a
 * verification still in force is revoked first, which tells central's directory), online
 * requests, resolved conflicts, failed lookups and lock rows for their number, contact details
 * and document hashes on registry entries, and, once central stores the entry, the form
 * content of entries they filed, each attachment file once central holds its bytes, and the
 * exports of central's part received for them.
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
    const { failedLookups, lookupLocks } = hash
      ? forgetDocument(deps.db, hash)
      : { failedLookups: 0, lookupLocks: 0 };

    let entryContacts = 0;
    let entryContents = 0;
    let entriesAwaitingSync = 0;
    const files: string[] = [];
    for (const e of records.entries) {
      const party = isParty(e, resident);
      const contact = party ? e.party_contact : e.rep_contact;
      if (contact !== null) entryContacts += 1;
      eraseEntryContact(deps.db, e.id, party, at);
      if (!party) continue;
      // Until central stores the entry, this counter holds the only copy of the filed document.
      if (e.synced_at === null) {
        entriesAwaitingSync += 1;
        continue;
      }
      // A file goes only once central has confirmed it holds these very bytes.
      files.push(...eraseFiledContent(deps.db, e.id, at));
      entryContents += 1;
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
    const centralExports = forgetCentralExports(deps.db, resident.resident_id);
    audit(deps, {
      actor,
      action: 'privacy.erased',
      subject: subjectTag(resident.resident_id),
      details: { erased: counts.erased, kept: counts.kept, centralExports },
    });
    return { report: counts, files };
  });
  // Files go after the commit, as in the forms retention: a failed delete is swept later.
  for (const id of files) removeSealed(deps.dataDir, id);
  return report;
};
