import { z } from 'zod';
import { op } from './define';

/**
 * Retention and data-subject rights (issue 9). Periods are per record type; attachments keep
 * their period in the forms configuration (`attachmentRetentionDays`) and are shown here too.
 */
export const RetentionPolicy = z.object({
  /** Scanner-folder images the watcher did not consume (app closed, crash): removed after this. */
  scannerImageMinutes: z.number().int().min(1).max(1440),
  failedLookupDays: z.number().int().min(1).max(3650),
  /** Revoked, expired or superseded verifications: personal fields anonymised after this. */
  verificationMonths: z.number().int().min(1).max(120),
  /** Attachment files, counted from central's confirmation (forms configuration). */
  attachmentDays: z.number().int().min(0).max(3650),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

export const RetentionCounts = z.object({
  scannerImages: z.number().int(),
  failedLookups: z.number().int(),
  lookupLocks: z.number().int(),
  verifications: z.number().int(),
  requests: z.number().int(),
  conflicts: z.number().int(),
  attachments: z.number().int(),
  orphanFiles: z.number().int(),
});
export type RetentionCounts = z.infer<typeof RetentionCounts>;

export const RetentionRun = z.object({
  at: z.string(),
  counts: RetentionCounts,
  auditSeq: z.number().int(),
});
export type RetentionRun = z.infer<typeof RetentionRun>;

const residentId = z.string().trim().min(1).max(64);

export const ExportedVerification = z.object({
  id: z.string(),
  network: z.string(),
  handle: z.string(),
  platformUserId: z.string().nullable(),
  state: z.string(),
  proofMethod: z.string(),
  documentMasked: z.string(),
  createdAt: z.string(),
  verifiedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endGround: z.string().nullable(),
  clerk: z.string(),
});

export const ExportedEntry = z.object({
  id: z.string(),
  provisionalNumber: z.string(),
  officialNumber: z.string().nullable(),
  filedAt: z.string(),
  epigrafe: z.string(),
  addressee: z.string(),
  role: z.enum(['party', 'representative']),
  name: z.string(),
  documentMasked: z.string().nullable(),
  contact: z.string().nullable(),
  summary: z.string(),
  /** The form's fields; only for entries where the resident is the interested party. */
  data: z.record(z.string(), z.unknown()).nullable(),
  attachments: z.array(
    z.object({ filename: z.string(), size: z.number().int(), removedAt: z.string().nullable() }),
  ),
  erasedAt: z.string().nullable(),
});

export const PrivacyExport = z.object({
  residentId: z.string(),
  generatedAt: z.string(),
  register: z.object({
    documentType: z.string(),
    documentMasked: z.string().nullable(),
    givenNames: z.string(),
    surname1: z.string(),
    surname2: z.string().nullable(),
    birthDate: z.string(),
    sex: z.string().nullable(),
    nationality: z.string().nullable(),
    address: z.string().nullable(),
    district: z.string().nullable(),
    status: z.string(),
    deregisteredOn: z.string().nullable(),
  }),
  verifications: z.array(ExportedVerification),
  requests: z.array(
    z.object({
      id: z.string(),
      network: z.string(),
      handle: z.string(),
      requestedAt: z.string(),
      state: z.string(),
    }),
  ),
  /** Handle conflicts they claimed, or whose verified holder they were. */
  conflicts: z.array(
    z.object({
      id: z.string(),
      network: z.string(),
      handle: z.string(),
      role: z.enum(['claimant', 'holder']),
      state: z.string(),
      createdAt: z.string(),
      resolvedAt: z.string().nullable(),
    }),
  ),
  registryEntries: z.array(ExportedEntry),
  failedLookups: z.array(
    z.object({ at: z.string(), staff: z.string(), reason: z.string(), documentMasked: z.string() }),
  ),
  audit: z.array(
    z.object({
      seq: z.number().int(),
      at: z.string(),
      actor: z.string(),
      action: z.string(),
      subject: z.string().nullable(),
      details: z.string(),
    }),
  ),
});
export type PrivacyExport = z.infer<typeof PrivacyExport>;

export const ErasureReport = z.object({
  residentId: z.string(),
  erased: z.object({
    verifications: z.number().int(),
    /** Of those, still in force: revoked first, so that central's directory drops them. */
    revoked: z.number().int(),
    requests: z.number().int(),
    conflicts: z.number().int(),
    failedLookups: z.number().int(),
    lookupLocks: z.number().int(),
    entryContacts: z.number().int(),
    entryContents: z.number().int(),
    attachments: z.number().int(),
  }),
  kept: z.object({
    registerRow: z.boolean(),
    registryEntries: z.number().int(),
    /** Not yet stored at central: their content stays until it is. */
    entriesAwaitingSync: z.number().int(),
    openConflicts: z.number().int(),
    auditEntries: z.number().int(),
  }),
});
export type ErasureReport = z.infer<typeof ErasureReport>;

const managers = ['manager', 'admin'] as const;

export const privacyOps = {
  privacyRetentionGet: op({
    input: z.object({}),
    output: RetentionPolicy,
    access: managers,
    mutates: false,
  }),
  privacyRetentionUpdate: op({
    input: RetentionPolicy.partial(),
    output: RetentionPolicy,
    access: managers,
    mutates: true,
  }),
  /** What the Privacy screen shows: audited as a lookup, not as an export. */
  privacyLookup: op({
    input: z.object({ residentId }),
    output: PrivacyExport,
    access: managers,
    mutates: true,
  }),
  privacyExport: op({
    input: z.object({ residentId }),
    output: PrivacyExport,
    access: managers,
    mutates: true,
  }),
  privacyExportPdf: op({
    input: z.object({ residentId, language: z.enum(['es', 'en']).default('es') }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    access: managers,
    mutates: true,
  }),
  /** The run the app makes at start-up and daily, for a counter used only from the CLI. */
  privacyRetentionRun: op({
    input: z.object({}),
    output: RetentionRun,
    access: 'local',
    mutates: true,
  }),
  privacyErase: op({
    /** The id typed twice: the screen's confirmation travels with the call. */
    input: z.object({ residentId, confirm: residentId }),
    output: ErasureReport,
    access: managers,
    mutates: true,
  }),
};
