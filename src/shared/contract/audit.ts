import { z } from 'zod';
import { AuditAction } from './audit-actions';
import { IsoDay } from '../dates';
import { op } from './define';

/** What a manager narrows the log by; every field optional. */
export const AuditFilters = z.object({
  from: IsoDay.optional(),
  to: IsoDay.optional(),
  /** A staff username. */
  staff: z.string().trim().min(1).max(64).optional(),
  action: AuditAction.optional(),
  /** A resident's masked id, a handle, a staff subject, or `#123` for one entry number. */
  subject: z.string().trim().min(1).max(120).optional(),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export const AuditRow = z.object({
  seq: z.number().int(),
  at: z.string(),
  utcOffsetMin: z.number().int(),
  device: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  actorRole: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  /** Canonical JSON, as hashed. */
  details: z.string(),
  hash: z.string(),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const auditFailureReasons = [
  'seq_gap',
  'prev_hash_mismatch',
  'hash_mismatch',
  'truncated',
  'checkpoint_mismatch',
  'checkpoint_signature',
] as const;
export const AuditFailureReason = z.enum(auditFailureReasons);
export type AuditFailureReason = z.infer<typeof AuditFailureReason>;

/** The shape `ventanilla audit verify --json` prints. */
export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.string(),
  checkpoints: z.number().int(),
  first_bad_seq: z.number().int().optional(),
  reason: AuditFailureReason.optional(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

export const AuditStats = z.object({
  verificationsPerDay: z.array(
    z.object({ day: z.string(), clerk: z.string(), count: z.number().int() }),
  ),
  medianTimeToVerifyPerWeek: z.array(
    z.object({ week: z.string(), medianSeconds: z.number(), count: z.number().int() }),
  ),
  formsByTemplate: z.array(z.object({ template: z.string(), count: z.number().int() })),
  failedLookups: z.array(z.object({ day: z.string(), count: z.number().int() })),
  pendingProofs: z.number().int(),
  openConflicts: z.number().int(),
});
export type AuditStats = z.infer<typeof AuditStats>;

export const AuditExportFormat = z.enum(['pdf', 'csv']);

export const auditOps = {
  auditVerify: op({
    input: z.object({}),
    output: AuditVerifyResult,
    access: ['manager', 'admin'],
    mutates: false,
    local: true,
  }),
  /** Newest first. The first page of a query is audited as "audit viewed". */
  auditList: op({
    input: z.object({
      filters: AuditFilters.default({}),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(AuditRow), total: z.number().int() }),
    access: ['manager', 'admin'],
    mutates: true,
    local: true,
  }),
  auditStats: op({
    input: AuditFilters.pick({ from: true, to: true }),
    output: AuditStats,
    access: ['manager', 'admin'],
    mutates: false,
  }),
  /**
   * The file travels as base64. An export is audited as it is made; a PDF made to print is
   * audited by auditPrinted, once the page has reached the print dialog.
   */
  auditExport: op({
    input: z.object({
      format: AuditExportFormat,
      purpose: z.enum(['export', 'print']).default('export'),
      language: z.enum(['es', 'en']).default('es'),
      filters: AuditFilters.default({}),
    }),
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      base64: z.string(),
      count: z.number().int(),
    }),
    access: ['manager', 'admin'],
    mutates: true,
    local: true,
  }),
  auditPrinted: op({
    input: z.object({ filters: AuditFilters.default({}) }),
    output: z.object({}),
    access: ['manager', 'admin'],
    mutates: true,
  }),
};

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** `2026-03-02 10:00:00 +01:00`: the wall-clock time at the counter, with the offset it had. */
export const formatAuditTime = (at: string, utcOffsetMin: number): string => {
  const local = new Date(Date.parse(at) + utcOffsetMin * 60_000);
  const sign = utcOffsetMin < 0 ? '-' : '+';
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ` +
    `${sign}${pad(Math.trunc(utcOffsetMin / 60))}:${pad(utcOffsetMin % 60)}`
  );
};
