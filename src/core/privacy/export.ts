import type { PrivacyExport } from '../../shared/contract/privacy';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { attachmentRows } from '../forms/entries';
import { isParty, subjectAudit, subjectRecords, subjectTag } from './subject';

const parseData = (data: string): Record<string, unknown> => {
  const parsed: unknown = JSON.parse(data);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
};

/** A lookup that found several residents lists them all: the export names only this one. */
const ownDetails = (details: string, residentId: string): string => {
  const parsed = parseData(details);
  const candidates = parsed.candidates;
  if (!Array.isArray(candidates)) return details;
  return JSON.stringify({ ...parsed, candidates: candidates.filter((c) => c === residentId) });
};

/**
 * Everything this counter holds about one resident (GDPR art. 15), read and audited in one
 * transaction: the audit entry of this very export is part of what the resident sees. Looking
 * at it on screen is a lookup, audited as one; only a file handed out is an export.
 */
export const exportResident = (
  deps: CoreDeps,
  actor: Actor,
  residentId: string,
  format: 'screen' | 'json' | 'pdf',
): PrivacyExport =>
  inTransaction(deps, () => {
    const records = subjectRecords(deps.db, residentId);
    const r = records.resident;
    const counts = {
      verifications: records.verifications.length,
      entries: records.entries.length,
      failedLookups: records.failedLookups.length,
    };
    audit(deps, {
      actor,
      action: format === 'screen' ? 'privacy.looked_up' : 'privacy.exported',
      subject: subjectTag(r.resident_id),
      details: format === 'screen' ? counts : { format, ...counts },
    });
    return {
      residentId: r.resident_id,
      generatedAt: deps.clock.now().toISOString(),
      register: {
        documentType: r.document_type,
        documentMasked: r.document_masked,
        givenNames: r.given_names,
        surname1: r.surname1,
        surname2: r.surname2,
        birthDate: r.birth_date,
        sex: r.sex,
        nationality: r.nationality,
        address: r.address,
        district: r.district,
        status: r.status,
        deregisteredOn: r.deregistered_on,
      },
      verifications: records.verifications.map((v) => ({
        id: v.id,
        network: v.network,
        handle: v.handle,
        platformUserId: v.platform_user_id,
        state: v.state,
        proofMethod: v.proof_method,
        documentMasked: v.document_masked,
        createdAt: v.created_at,
        verifiedAt: v.verified_at,
        expiresAt: v.expires_at,
        endedAt: v.ended_at,
        endGround: v.end_ground,
        clerk: v.clerk_name,
      })),
      requests: records.requests.map((q) => ({
        id: q.id,
        network: q.network,
        handle: q.handle,
        requestedAt: q.requested_at,
        state: q.state,
      })),
      conflicts: records.conflicts.map((k) => ({
        id: k.id,
        network: k.network,
        handle: k.handle,
        role:
          k.claimant_resident_id === r.resident_id ? ('claimant' as const) : ('holder' as const),
        state: k.state,
        createdAt: k.created_at,
        resolvedAt: k.resolved_at,
      })),
      registryEntries: records.entries.map((e) => {
        const party = isParty(e, r);
        return {
          id: e.id,
          provisionalNumber: e.provisional_number,
          officialNumber: e.official_number,
          filedAt: e.filed_at,
          epigrafe: e.epigrafe,
          addressee: e.addressee_name,
          role: party ? ('party' as const) : ('representative' as const),
          name: party ? e.party_name : (e.rep_name ?? ''),
          documentMasked: party ? e.party_doc_masked : e.rep_doc_masked,
          contact: party ? e.party_contact : e.rep_contact,
          summary: e.summary,
          // A representative sees their own part; the content is the interested party's.
          data: party ? parseData(e.data) : null,
          attachments: party
            ? attachmentRows(deps.db, e.id).map((a) => ({
                filename: a.filename,
                size: a.size,
                removedAt: a.removed_at,
              }))
            : [],
          erasedAt: e.erased_at,
        };
      }),
      failedLookups: records.failedLookups.map((f) => ({
        at: f.at,
        staff: f.staff_name,
        reason: f.reason,
        documentMasked: f.document_masked,
      })),
      audit: subjectAudit(deps.db, records).map((a) => ({
        seq: a.seq,
        at: a.at,
        actor: a.actor_name,
        action: a.action,
        subject: a.subject,
        details: ownDetails(a.details, r.resident_id),
      })),
    };
  });
