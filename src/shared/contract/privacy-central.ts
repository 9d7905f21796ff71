import { z } from 'zod';
import { op } from './define';
import { PrivacyExport } from './privacy';

/**
 * A data subject's rights at central. Central holds its own part (the padrón copy, the
 * verification records and the directory built from them, requests, conflicts, audit
 * references): the counter asks for it through sync, or staff run it at central's CLI.
 */

/** What central holds, in the counter's export shape plus central's directory rows. */
export const CentralPrivacyExport = PrivacyExport.extend({
  directory: z.array(
    z.object({
      network: z.string(),
      handle: z.string(),
      maskedName: z.string(),
      verifiedSince: z.string(),
      revokedAt: z.string().nullable(),
    }),
  ),
  /** Central's padrón row is missing: central never received this resident. */
  registerHeld: z.boolean(),
});
export type CentralPrivacyExport = z.infer<typeof CentralPrivacyExport>;

export const CentralErasureReport = z.object({
  residentId: z.string(),
  erased: z.object({
    verifications: z.number().int(),
    /** Of those, still in force: revoked first, and their counters told. */
    revoked: z.number().int(),
    directoryEntries: z.number().int(),
    requests: z.number().int(),
    conflicts: z.number().int(),
  }),
  kept: z.object({
    /** The padrón (Ley 7/1985): central's copy stays as the town imported it. */
    registerRow: z.boolean(),
    /** The general registry (Ley 39/2015, art. 16): entries as filed, their hash proves the receipt. */
    registryEntries: z.number().int(),
    openConflicts: z.number().int(),
    /** Central's own audit and the counters' chains: the accountability record. */
    auditEntries: z.number().int(),
  }),
});
export type CentralErasureReport = z.infer<typeof CentralErasureReport>;

export const PRIVACY_REQUEST_KIND = 'privacy.request';
export const PRIVACY_ANSWER_TYPE = 'privacy.answer';

/** The outbox op a counter queues for central. */
export const PrivacyRequestOp = z.object({
  request_id: z.uuid(),
  resident_id: z.string().trim().min(1).max(64),
  kind: z.enum(['export', 'erase']),
  requested_by: z.string().max(120),
});
export type PrivacyRequestOp = z.infer<typeof PrivacyRequestOp>;

/** Central's answer, pulled by the counter that asked. */
export const PrivacyAnswer = z.object({
  request_id: z.string(),
  resident_id: z.string(),
  answered_at: z.string(),
  export: CentralPrivacyExport.nullable(),
  erasure: CentralErasureReport.nullable(),
});
export type PrivacyAnswer = z.infer<typeof PrivacyAnswer>;

/** A request as the counter's Privacy screen lists it, with central's part once it came. */
export const CentralRequest = z.object({
  id: z.string(),
  residentId: z.string(),
  kind: z.enum(['export', 'erase']),
  requestedAt: z.string(),
  requestedBy: z.string(),
  answeredAt: z.string().nullable(),
  export: CentralPrivacyExport.nullable(),
  erasure: CentralErasureReport.nullable(),
});
export type CentralRequest = z.infer<typeof CentralRequest>;

const residentId = z.string().trim().min(1).max(64);
const managers = ['manager', 'admin'] as const;

export const privacyCentralOps = {
  /** Queues the request for central; an erasure carries the id typed twice, as at the counter. */
  privacyCentralRequest: op({
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('export'), residentId }),
      z.object({ kind: z.literal('erase'), residentId, confirm: residentId }),
    ]),
    output: z.object({ id: z.string() }),
    access: managers,
    mutates: true,
  }),
  privacyCentralRequests: op({
    input: z.object({ residentId }),
    output: z.object({ items: z.array(CentralRequest) }),
    access: managers,
    mutates: false,
  }),
};
