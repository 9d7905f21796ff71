import type { Database } from 'better-sqlite3-multiple-ciphers';
import type {
  DocumentEntry,
  Network,
  OverrideGround,
  PendingRequest,
  Verification,
  VerificationState,
} from '../../shared/contract/verifications';
import { AppError } from '../../shared/errors';
import type { ResidentsPort } from './residents-port';

export interface VerificationRow {
  readonly id: string;
  readonly resident_id: string;
  readonly network: Network;
  readonly handle: string;
  readonly handle_key: string;
  readonly platform_user_id: string | null;
  readonly state: VerificationState;
  readonly proof_method: 'seen_on_device' | 'challenge_code';
  readonly challenge_code: string | null;
  readonly challenge_expires_at: string | null;
  readonly document_type: string;
  readonly document_hash: string;
  readonly document_masked: string;
  readonly document_expiry: string | null;
  readonly corrected_fields: string;
  readonly override_by: string | null;
  readonly override_reason: string | null;
  /** JSON array of `OverrideGround`. */
  readonly override_grounds: string;
  readonly entry: DocumentEntry;
  readonly clerk_id: number | null;
  readonly clerk_name: string;
  readonly started_at: string;
  readonly created_at: string;
  readonly verified_at: string | null;
  readonly time_to_verify_ms: number | null;
  readonly expires_at: string | null;
  readonly ended_at: string | null;
  readonly end_ground: string | null;
  readonly end_reason: string | null;
  readonly ended_by: string | null;
  readonly superseded_by: string | null;
  readonly pending_request_id: string | null;
  /** Null only for records made before migration 0009. */
  readonly resident_masked_name: string | null;
  readonly account_display_name: string | null;
  readonly account_lookup: 'resolved' | 'pending' | null;
  readonly proof_misses: number;
}

export const findVerification = (db: Database, id: string): VerificationRow | undefined =>
  db.prepare('SELECT * FROM verifications WHERE id = ?').get(id) as VerificationRow | undefined;

export const getVerification = (db: Database, id: string): VerificationRow => {
  const row = findVerification(db, id);
  if (!row) throw new AppError('verification_not_found', {}, 404);
  return row;
};

/** The verified owner of a handle (or of a platform user id), if any. */
export const verifiedHolder = (
  db: Database,
  network: Network,
  handleKey: string,
  platformUserId: string | null,
): VerificationRow | undefined =>
  db
    .prepare(
      `SELECT * FROM verifications WHERE state = 'verified' AND network = ?
         AND (handle_key = ? OR (? IS NOT NULL AND platform_user_id = ?)) LIMIT 1`,
    )
    .get(network, handleKey, platformUserId, platformUserId) as VerificationRow | undefined;

export const activeFor = (
  db: Database,
  residentId: string,
  network: Network,
  state: 'verified' | 'pending_proof',
): VerificationRow | undefined =>
  db
    .prepare('SELECT * FROM verifications WHERE resident_id = ? AND network = ? AND state = ?')
    .get(residentId, network, state) as VerificationRow | undefined;

export const toVerification = (row: VerificationRow, residents: ResidentsPort): Verification => ({
  id: row.id,
  residentId: row.resident_id,
  residentName: residents.getById(row.resident_id)?.fullName ?? null,
  network: row.network,
  handle: row.handle,
  platformUserId: row.platform_user_id,
  state: row.state,
  proofMethod: row.proof_method,
  challengeCode: row.challenge_code,
  challengeExpiresAt: row.challenge_expires_at,
  documentType: row.document_type,
  documentMasked: row.document_masked,
  documentExpiry: row.document_expiry,
  correctedFields: JSON.parse(row.corrected_fields) as string[],
  overrideBy: row.override_by,
  overrideGrounds: JSON.parse(row.override_grounds) as OverrideGround[],
  entry: row.entry,
  clerkName: row.clerk_name,
  startedAt: row.started_at,
  createdAt: row.created_at,
  verifiedAt: row.verified_at,
  timeToVerifyMs: row.time_to_verify_ms,
  expiresAt: row.expires_at,
  endedAt: row.ended_at,
  endGround: row.end_ground,
  endReason: row.end_reason,
  supersededBy: row.superseded_by,
  accountDisplayName: row.account_display_name,
  accountLookup: row.account_lookup,
});

export const readValidityMonths = (db: Database): number =>
  (
    db.prepare('SELECT validity_months FROM verification_policy WHERE id = 1').get() as {
      validity_months: number;
    }
  ).validity_months;

export const setValidityMonths = (db: Database, months: number): void => {
  db.prepare('UPDATE verification_policy SET validity_months = ? WHERE id = 1').run(months);
};

/** Verified records past their expiry, and challenges past their 72 h. */
export const dueToEnd = (db: Database, now: string): VerificationRow[] =>
  db
    .prepare(
      `SELECT * FROM verifications
       WHERE (state = 'verified' AND expires_at <= ?)
          OR (state = 'pending_proof' AND challenge_expires_at <= ?)`,
    )
    .all(now, now) as VerificationRow[];

export const verifiedHandlesOf = (
  db: Database,
  residentId: string,
): { network: Network; handle: string }[] =>
  db
    .prepare(
      `SELECT network, handle FROM verifications WHERE resident_id = ? AND state = 'verified'`,
    )
    .all(residentId) as { network: Network; handle: string }[];

export const historyOf = (db: Database, residentId: string): VerificationRow[] =>
  db
    .prepare('SELECT * FROM verifications WHERE resident_id = ? ORDER BY created_at DESC, id DESC')
    .all(residentId) as VerificationRow[];

export const recentRows = (db: Database, limit: number): VerificationRow[] =>
  db
    .prepare('SELECT * FROM verifications ORDER BY created_at DESC, id DESC LIMIT ?')
    .all(limit) as VerificationRow[];

export const openRequestsOf = (db: Database, residentId: string): PendingRequest[] =>
  db
    .prepare(
      `SELECT id, resident_id AS residentId, network, handle, platform_user_id AS platformUserId,
         requested_at AS requestedAt
       FROM verification_requests WHERE resident_id = ? AND state = 'open' ORDER BY requested_at DESC`,
    )
    .all(residentId) as PendingRequest[];

/** The figures of the day since `since`: records verified, times to verify, proofs pending. */
export const dayFigures = (db: Database, since: string) => {
  const { done } = db
    .prepare('SELECT count(*) AS done FROM verifications WHERE verified_at >= ?')
    .get(since) as { done: number };
  const times = db
    .prepare(
      'SELECT time_to_verify_ms FROM verifications WHERE created_at >= ? AND time_to_verify_ms IS NOT NULL',
    )
    .pluck()
    .all(since) as number[];
  const pending = db
    .prepare(`SELECT count(*) FROM verifications WHERE state = 'pending_proof'`)
    .pluck()
    .get() as number;
  return { done, times, pending };
};

/** An online request as the privacy export lists it. */
export interface RequestRow {
  readonly id: string;
  readonly network: string;
  readonly handle: string;
  readonly requested_at: string;
  readonly state: string;
}

export interface ConflictRow {
  readonly id: string;
  readonly network: string;
  readonly handle: string;
  readonly claimant_resident_id: string;
  readonly state: string;
  readonly created_at: string;
  readonly resolved_at: string | null;
}

/** Everything the verification desk holds about one resident, oldest first (access, erasure). */
export const residentVerificationRecords = (
  db: Database,
  residentId: string,
): { verifications: VerificationRow[]; requests: RequestRow[]; conflicts: ConflictRow[] } => {
  const verifications = db
    .prepare('SELECT * FROM verifications WHERE resident_id = ? ORDER BY created_at, id')
    .all(residentId) as VerificationRow[];
  const requests = db
    .prepare(
      `SELECT id, network, handle, requested_at, state FROM verification_requests
       WHERE resident_id = ? ORDER BY requested_at, id`,
    )
    .all(residentId) as RequestRow[];
  // A conflict is theirs as the claimant, or as the holder of the contested verification.
  const conflicts = db
    .prepare(
      `SELECT id, network, handle, claimant_resident_id, state, created_at, resolved_at
       FROM verification_conflicts WHERE claimant_resident_id = @id
         OR holder_verification_id IN (SELECT value FROM json_each(@ids))
       ORDER BY created_at, id`,
    )
    .all({
      id: residentId,
      ids: JSON.stringify(verifications.map((v) => v.id)),
    }) as ConflictRow[];
  return { verifications, requests, conflicts };
};

/** Time to verify of the records created in [from, to), for the audit statistics. */
export const timesToVerify = (
  db: Database,
  range: { from: string | number | null; to: string | number | null },
): { at: string; ms: number }[] =>
  db
    .prepare(
      `SELECT created_at AS at, time_to_verify_ms AS ms FROM verifications
       WHERE (@from IS NULL OR created_at >= @from) AND (@to IS NULL OR created_at < @to)`,
    )
    .all(range) as { at: string; ms: number }[];

/** What is still open at the desk: proofs awaited and conflicts to resolve. */
export const openWork = (db: Database): { pendingProofs: number; openConflicts: number } => ({
  pendingProofs: db
    .prepare(`SELECT count(*) FROM verifications WHERE state = 'pending_proof'`)
    .pluck()
    .get() as number,
  openConflicts: db
    .prepare(`SELECT count(*) FROM verification_conflicts WHERE state = 'open'`)
    .pluck()
    .get() as number,
});
