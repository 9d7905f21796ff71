import {
  type CentralErasureReport,
  type CentralPrivacyExport,
  PRIVACY_ANSWER_TYPE,
  PRIVACY_REQUEST_KIND,
  PrivacyRequestOp,
} from '../../shared/contract/privacy-central';
import { maskDocumentNumber } from '../../shared/document-number';
import { AppError } from '../../shared/errors';
import { translate } from '../../shared/i18n';
import { refreshHandle } from '../verifications/rules';
import { centralAudit } from '../audit/store';
import { refuse } from '../http/errors';
import type { CentralStore, SqlTx } from '../db/store';
import { type CentralTx, type OpAppliers, rejectOp } from '../sync/appliers';
import { centralTx } from '../sync/service';
import { syncStore } from '../sync/store';
import { type HeldVerification, isoOf, privacyStore } from './store';

const text = (fields: Record<string, unknown>, key: string): string | null => {
  const v = fields[key];
  return typeof v === 'string' && v !== '' ? v : null;
};

const pairsOf = (
  verifications: readonly { network: string; handle: string }[],
  requests: readonly { network: string; handle: string }[],
) => {
  const seen = new Map<string, { network: string; handle: string }>();
  for (const p of [...verifications, ...requests])
    if (p.handle !== '') seen.set(`${p.network}\n${p.handle}`, p);
  return [...seen.values()];
};

/**
 * Everything central holds about one resident (GDPR art. 15), in the counter's export shape:
 * its padrón row (document masked), verification records, requests, conflicts over their
 * handles, the directory rows, and the audit entries that name them. Audited.
 */
export const exportAtCentral = async (
  q: SqlTx,
  residentId: string,
  by: string,
  now: Date,
): Promise<CentralPrivacyExport> => {
  const id = residentId.trim();
  const [row, verifications, requests, entries] = await Promise.all([
    privacyStore.registerRow(q, id),
    privacyStore.verifications(q, id),
    privacyStore.requests(q, id),
    privacyStore.registryEntries(q, id),
  ]);
  const pairs = pairsOf(verifications, requests);
  const [conflicts, directory, audit] = await Promise.all([
    privacyStore.conflicts(q, pairs),
    privacyStore.directory(q, pairs),
    privacyStore.audit(q, id, pairs),
  ]);
  if (!row && verifications.length + requests.length + entries.length === 0)
    throw refuse(404, 'unknown_resident');
  const fields = (row?.fields ?? {}) as Record<string, unknown>;
  const number = text(fields, 'document_number');
  const data: CentralPrivacyExport = {
    residentId: id,
    generatedAt: now.toISOString(),
    registerHeld: row !== undefined,
    register: {
      documentType: text(fields, 'document_type') ?? 'NONE',
      documentMasked: number ? maskDocumentNumber(number) : null,
      givenNames: text(fields, 'given_names') ?? '',
      surname1: text(fields, 'surname1') ?? '',
      surname2: text(fields, 'surname2'),
      birthDate: text(fields, 'birth_date') ?? '',
      sex: text(fields, 'sex'),
      nationality: text(fields, 'nationality'),
      address: text(fields, 'address'),
      district: text(fields, 'district'),
      status: row?.status ?? '',
      deregisteredOn: row?.deregistered_on ?? null,
    },
    verifications: verifications.map((v) => ({
      id: v.id,
      network: v.network,
      handle: v.handle,
      platformUserId: v.platform_user_id,
      state: v.state,
      proofMethod: v.proof_method,
      // Central never receives the document of a verification, masked or not.
      documentMasked: '',
      createdAt: isoOf(v.updated_at) ?? '',
      verifiedAt: isoOf(v.verified_at),
      expiresAt: isoOf(v.expires_at),
      endedAt: isoOf(v.ended_at),
      endGround: v.end_ground,
      clerk: v.device_name ?? v.device_id,
    })),
    requests: requests.map((r) => ({
      id: r.id,
      network: r.network,
      handle: r.handle,
      requestedAt: isoOf(r.requested_at) ?? '',
      state: r.state,
    })),
    conflicts: conflicts.map((c) => ({
      id: c.id,
      network: c.network,
      handle: c.handle,
      role: 'holder',
      state: c.state,
      createdAt: isoOf(c.created_at) ?? '',
      resolvedAt: isoOf(c.resolved_at),
    })),
    registryEntries: entries.map((e) => {
      const party = Array.isArray(e.content.party) ? e.content.party : [];
      const at = (i: number) => (typeof party[i] === 'string' ? (party[i] as string) : null);
      const data = e.content.data;
      return {
        id: e.entry_id,
        provisionalNumber: e.provisional_number,
        officialNumber: e.official_number,
        filedAt: e.content.filed_at ?? '',
        epigrafe: e.content.epigrafe ?? '',
        addressee: e.content.addressee ?? '',
        role: 'party' as const,
        name: at(2) ?? '',
        documentMasked: at(3),
        contact: at(5),
        summary: e.content.epigrafe ?? '',
        data:
          typeof data === 'object' && data !== null && !Array.isArray(data)
            ? (data as Record<string, unknown>)
            : null,
        attachments: e.attachments.map((a) => ({ ...a, removedAt: null })),
        erasedAt: null,
      };
    }),
    failedLookups: [],
    directory: directory.map((d) => ({
      network: d.network,
      handle: d.handle,
      maskedName: d.masked_name,
      verifiedSince: isoOf(d.verified_since) ?? '',
      revokedAt: isoOf(d.revoked_at),
    })),
    audit: audit.map((a) => ({
      seq: Number(a.seq),
      at: isoOf(a.at) ?? '',
      actor: a.source === 'central' ? `central:${a.actor}` : a.actor,
      action: a.action,
      subject: a.subject,
      details: a.details,
    })),
  };
  await centralAudit(q, now, 'privacy.exported', null, {
    resident_id: id,
    by,
    verifications: data.verifications.length,
    audit: data.audit.length,
  });
  return data;
};

const stillInForce = (v: HeldVerification) => v.state === 'verified' || v.state === 'pending_proof';

/**
 * Right to erasure at central (GDPR art. 17), with the counter's rules. Erased: verification
 * personal data (one still in force is revoked first, its counter told, and the directory stops
 * answering for the handle), requests, resolved conflicts over their handles, directory rows
 * nobody holds any more (handles they had before a rename too), the subject of their Bluesky
 * records (the rkey stays for the town's delete) and the export in earlier answers. Kept: the
 * padrón row (Ley 7/1985), the registry entries they filed (Ley 39/2015, art. 16: the copy the
 * counter relies on once it erased its own), open conflicts (still to settle) and the audit
 * (central's log and the counters' chains). Audited with counts only.
 */
export const eraseAtCentral = async (
  tx: CentralTx,
  residentId: string,
  by: string,
): Promise<CentralErasureReport> => {
  const id = residentId.trim();
  const now = tx.now;
  const [row, verifications, requests, entries] = await Promise.all([
    privacyStore.registerRow(tx, id),
    privacyStore.verifications(tx, id, true),
    privacyStore.requests(tx, id),
    privacyStore.registryEntries(tx, id),
  ]);
  if (!row && verifications.length + requests.length + entries.length === 0)
    throw refuse(404, 'unknown_resident');
  const pairs = pairsOf(verifications, requests);
  const reason = translate('es', 'privacy.central.erasureReason');
  let revoked = 0;
  for (const v of verifications.filter(stillInForce)) {
    await privacyStore.endVerification(tx, v.id, now);
    await tx.emitChange({
      type: 'verification.revoked',
      entity_id: v.id,
      version: 1,
      payload: { verificationId: v.id, reason, revokedAt: now.toISOString() },
      device_id: v.device_id,
    });
    revoked += 1;
  }
  for (const p of pairs) await refreshHandle(tx, p.network, p.handle);
  const ids = verifications.map((v) => v.id);
  await privacyStore.blankBlueskyRecords(tx, ids, now);
  const former = await privacyStore.formerHandles(tx, ids);
  const directoryEntries = await privacyStore.dropRevokedDirectory(tx, [...pairs, ...former]);
  const conflicts = await privacyStore.anonymiseResolvedConflicts(tx, pairs, now);
  const openConflicts = (await privacyStore.conflicts(tx, pairs)).length;
  const auditEntries = (await privacyStore.audit(tx, id, pairs)).length + 1;
  // Earlier export answers would otherwise keep a full copy in the change feed.
  await syncStore.blankPrivacyExports(tx, id);
  const report: CentralErasureReport = {
    residentId: id,
    erased: {
      verifications: await privacyStore.anonymiseVerifications(tx, id, now),
      revoked,
      directoryEntries,
      requests: await privacyStore.anonymiseRequests(tx, id, now),
      conflicts,
    },
    kept: {
      registerRow: row !== undefined,
      registryEntries: entries.length,
      openConflicts,
      auditEntries,
    },
  };
  await centralAudit(tx, now, 'privacy.erased', null, {
    resident_id: id,
    by,
    erased: report.erased,
    kept: report.kept,
  });
  return report;
};

/** The admin commands' entry: one transaction at central. */
export const eraseInStore = (store: CentralStore, residentId: string, by: string, now: Date) =>
  store.transaction((raw) => eraseAtCentral(centralTx(raw, now), residentId, by));

/**
 * A counter's data-subject request, applied in its push: central runs its part and answers that
 * counter alone with a change it pulls. An unknown resident is answered, not rejected: the
 * counter then shows that central holds nothing about them.
 */
export const privacyAppliers: OpAppliers = {
  [PRIVACY_REQUEST_KIND]: async (tx, device, op) => {
    const parsed = PrivacyRequestOp.safeParse(op.payload);
    if (!parsed.success) throw rejectOp('invalid_payload');
    const request = parsed.data;
    const by = `${device.name}:${request.requested_by}`;
    const run = async <T>(fn: () => Promise<T>): Promise<T | null> => {
      try {
        return await fn();
      } catch (e) {
        if (e instanceof AppError && e.code === 'unknown_resident') return null;
        throw e;
      }
    };
    const exported =
      request.kind === 'export'
        ? await run(() => exportAtCentral(tx, request.resident_id, by, tx.now))
        : null;
    const erasure =
      request.kind === 'erase'
        ? await run(() => eraseAtCentral(tx, request.resident_id, by))
        : null;
    await tx.emitChange({
      type: PRIVACY_ANSWER_TYPE,
      entity_id: request.request_id,
      version: 1,
      payload: {
        request_id: request.request_id,
        resident_id: request.resident_id,
        answered_at: tx.now.toISOString(),
        export: exported,
        erasure,
      },
      device_id: device.id,
    });
  },
};
