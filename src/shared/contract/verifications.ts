import { z } from 'zod';
import { ReasonText } from '../free-text';
import { op } from './define';
import { OcrDocument, OcrDocumentField, OcrResult } from './ocr';

/** X first: it is what most residents ask for. */
export const networks = ['x', 'bluesky', 'mastodon', 'instagram'] as const;
export const Network = z.enum(networks);
export type Network = z.infer<typeof Network>;

export const VerificationState = z.enum([
  'pending_proof',
  'verified',
  'revoked',
  'expired',
  'superseded',
]);
export type VerificationState = z.infer<typeof VerificationState>;

export const ProofMethod = z.enum(['seen_on_device', 'challenge_code']);
export type ProofMethod = z.infer<typeof ProofMethod>;

export const RevokeGround = z.enum(['resident_request', 'decision']);

/** What a manager's override at the counter can cover; each one is named on the record. */
export const OverrideGround = z.enum([
  'document_expired',
  'number_mismatch',
  'name_mismatch',
  'birth_date_mismatch',
  'not_matched',
]);
export type OverrideGround = z.infer<typeof OverrideGround>;

/** Whether the document's data came from reading the card or were typed by the clerk. */
export const DocumentEntry = z.enum(['read', 'typed']);
export type DocumentEntry = z.infer<typeof DocumentEntry>;

const isoTime = z.string();
const id = z.string().min(1).max(64);
const reason = ReasonText;

export const Verification = z.object({
  id: z.string(),
  residentId: z.string(),
  /** From the register, never from OCR text; null if the resident left the register. */
  residentName: z.string().nullable(),
  network: Network,
  handle: z.string(),
  platformUserId: z.string().nullable(),
  state: VerificationState,
  proofMethod: ProofMethod,
  challengeCode: z.string().nullable(),
  challengeExpiresAt: isoTime.nullable(),
  documentType: z.string(),
  documentMasked: z.string(),
  documentExpiry: z.string().nullable(),
  correctedFields: z.array(z.string()),
  overrideBy: z.string().nullable(),
  /** Empty unless a manager authorised the record; then what the authorisation covered. */
  overrideGrounds: z.array(OverrideGround),
  entry: DocumentEntry,
  clerkName: z.string(),
  startedAt: isoTime,
  createdAt: isoTime,
  verifiedAt: isoTime.nullable(),
  timeToVerifyMs: z.number().int().nullable(),
  expiresAt: isoTime.nullable(),
  endedAt: isoTime.nullable(),
  /** Why it ended, as a code (`resident_request`, `validity_ended`...). */
  endGround: z.string().nullable(),
  /** What staff typed when ending it (masked), if anyone did. */
  endReason: z.string().nullable(),
  supersededBy: z.string().nullable(),
  /** The account's display name when it was looked up (Bluesky), for the clerk to compare. */
  accountDisplayName: z.string().nullable(),
  /** `pending`: saved offline, the handle is looked up at the next sync. Null: not looked up. */
  accountLookup: z.enum(['resolved', 'pending']).nullable(),
});
export type Verification = z.infer<typeof Verification>;

/** The account behind a typed handle, as its network answers (only where it can be asked). */
export const AccountLookupResult = z.object({
  /** False when the network was not reached: the record can still be saved, as pending. */
  reachable: z.boolean(),
  /** Whether this network can be asked at all (Bluesky); the others are checked by eye. */
  supported: z.boolean(),
  account: z
    .object({
      userId: z.string(),
      handle: z.string(),
      displayName: z.string().nullable(),
      avatarUrl: z.string().nullable(),
    })
    .nullable(),
});
export type AccountLookupResult = z.infer<typeof AccountLookupResult>;

export const Verdict = z.enum(['strong', 'review', 'weak']);

export const Candidate = z.object({
  residentId: z.string(),
  fullName: z.string(),
  documentMasked: z.string().nullable(),
  birthDate: z.string().nullable(),
  score: z.number().min(0).max(1),
  verdict: Verdict,
  /** Machine-readable codes from the register's matcher. */
  reasons: z.array(z.string()),
  /** Handles this resident already has verified, so the clerk sees a re-verification coming. */
  verified: z.array(z.object({ network: Network, handle: z.string() })),
  /** Where the document disagrees with this resident: saving then needs a manager's override. */
  disagreements: z.array(OverrideGround),
});
export type Candidate = z.infer<typeof Candidate>;

export const MatchResult = z.object({
  outcome: z.enum(['candidates', 'not_in_register']),
  documentMasked: z.string().nullable(),
  candidates: z.array(Candidate),
});
export type MatchResult = z.infer<typeof MatchResult>;

export const PendingRequest = z.object({
  id: z.string(),
  residentId: z.string(),
  network: Network,
  handle: z.string(),
  platformUserId: z.string().nullable(),
  requestedAt: isoTime,
});
export type PendingRequest = z.infer<typeof PendingRequest>;

export const Conflict = z.object({
  id: z.string(),
  network: Network,
  handle: z.string(),
  state: z.enum(['open', 'transferred', 'rejected']),
  claimantResidentId: z.string(),
  claimantName: z.string().nullable(),
  holderResidentId: z.string(),
  holderName: z.string().nullable(),
  holderVerifiedAt: isoTime.nullable(),
  createdAt: isoTime,
  createdBy: z.string(),
  resolvedAt: isoTime.nullable(),
  resolvedBy: z.string().nullable(),
  resolutionReason: z.string().nullable(),
});
export type Conflict = z.infer<typeof Conflict>;

export const FailedLookup = z.object({
  id: z.number().int(),
  at: isoTime,
  staffName: z.string(),
  documentMasked: z.string(),
  reason: z.enum(['not_in_register', 'candidates_rejected']),
});
export type FailedLookup = z.infer<typeof FailedLookup>;

export const TodayStats = z.object({
  done: z.number().int(),
  medianMs: z.number().int().nullable(),
  pendingProofs: z.number().int(),
  conflictsWaiting: z.number().int(),
});
export type TodayStats = z.infer<typeof TodayStats>;

const base64 = z
  .string()
  .max(40 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

export const SaveVerificationInput = z.object({
  residentId: id,
  /** The reviewed document: OCR output with the clerk's edits applied. */
  document: OcrDocument,
  corrected: z.array(OcrDocumentField).max(20).default([]),
  entry: DocumentEntry.default('read'),
  network: Network,
  handle: z.string().trim().min(1).max(300),
  platformUserId: z.string().trim().max(250).optional(),
  proof: ProofMethod,
  /** When the card was read; the core clamps it to a sane window. */
  startedAt: isoTime,
  pendingRequestId: id.optional(),
  /** An expired document, or data that disagree with the resident, need a manager present. */
  override: z
    .object({
      username: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(256),
      reason,
    })
    .optional(),
});
export type SaveVerificationInput = z.infer<typeof SaveVerificationInput>;

const desk = ['clerk', 'manager', 'admin'] as const;
const managers = ['manager', 'admin'] as const;

export const verificationOps = {
  verifyReadImage: op({
    input: z
      .object({ front: base64.optional(), back: base64.optional() })
      .refine((v) => Boolean(v.front ?? v.back), { message: 'image' }),
    output: z.object({ result: OcrResult, startedAt: isoTime }),
    access: desk,
    mutates: false,
    maxInputBytes: 25 * 1024 * 1024,
  }),
  /**
   * Starts the OCR workers in the background when the desk opens, so the first card reads warm.
   * Answers at once; `ready` tells whether the workers are up (a later call answers true).
   */
  verifyWarmUp: op({
    input: z.object({}),
    output: z.object({ ready: z.boolean() }),
    access: desk,
    mutates: false,
  }),
  /** The newest card from the watched scanner folder, already read; null when none came in. */
  verifyScannerNext: op({
    input: z.object({}),
    output: z.object({
      card: z
        .discriminatedUnion('ok', [
          z.object({ ok: z.literal(true), result: OcrResult, startedAt: isoTime }),
          z.object({
            ok: z.literal(false),
            code: z.string(),
            params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          }),
        ])
        .nullable(),
    }),
    access: desk,
    mutates: false,
  }),
  verifyMatch: op({
    input: z.object({ document: OcrDocument, entry: DocumentEntry.default('read') }),
    output: MatchResult,
    access: desk,
    mutates: true,
  }),
  verifyRejectCandidates: op({
    input: z.object({ document: OcrDocument }),
    output: z.object({}),
    access: desk,
    mutates: true,
  }),
  verifyPendingRequests: op({
    input: z.object({ residentId: id }),
    output: z.array(PendingRequest),
    access: desk,
    mutates: false,
  }),
  verifySave: op({
    input: SaveVerificationInput,
    output: Verification,
    access: desk,
    mutates: true,
  }),
  /** Handle → account (DID, display name, avatar), before saving; never saves anything. */
  verifyLookupAccount: op({
    input: z.object({ network: Network, handle: z.string().trim().min(1).max(300) }),
    output: AccountLookupResult,
    access: desk,
    mutates: false,
  }),
  /** Searches the account's own posts for the record's one-time code; verifies it if found. */
  verifyCheckProof: op({
    input: z.object({ id }),
    output: z.object({
      outcome: z.enum(['confirmed', 'not_found', 'other_code', 'unreachable']),
      verification: Verification,
    }),
    access: desk,
    mutates: true,
  }),
  verifyConfirmProof: op({
    input: z.object({ id }),
    output: Verification,
    access: desk,
    mutates: true,
  }),
  verifyRevoke: op({
    input: z.object({ id, ground: RevokeGround, reason }),
    output: Verification,
    access: desk,
    mutates: true,
  }),
  verifyGet: op({ input: z.object({ id }), output: Verification, access: desk, mutates: false }),
  verifyHistory: op({
    input: z.object({ residentId: id }),
    output: z.array(Verification),
    access: desk,
    mutates: false,
  }),
  verifyRecent: op({
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.array(Verification),
    access: desk,
    mutates: false,
  }),
  verifyToday: op({ input: z.object({}), output: TodayStats, access: desk, mutates: false }),
  verifyReceipt: op({
    input: z.object({ id, language: z.enum(['es', 'en']) }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    access: desk,
    mutates: false,
  }),
  /** Desktop: Electron's print dialog, answered `desktop: true`. Elsewhere the page prints it. */
  verifyPrintReceipt: op({
    input: z.object({ id, language: z.enum(['es', 'en']) }),
    output: z.object({ desktop: z.boolean(), printed: z.boolean() }),
    access: desk,
    mutates: false,
  }),
  verifyConflicts: op({
    input: z.object({ state: z.enum(['open', 'all']).default('open') }),
    output: z.array(Conflict),
    access: managers,
    mutates: false,
  }),
  verifyResolveConflict: op({
    input: z.object({ id, decision: z.enum(['transfer', 'reject']), reason }),
    output: Conflict,
    access: managers,
    mutates: true,
  }),
  verifyFailedLookups: op({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(FailedLookup),
    access: managers,
    mutates: false,
  }),
  verifyPolicy: op({
    input: z.object({ validityMonths: z.number().int().min(1).max(120).optional() }),
    output: z.object({ validityMonths: z.number().int() }),
    access: managers,
    mutates: true,
  }),
};
