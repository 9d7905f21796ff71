import { z } from 'zod';
import { normalizeHandle } from '../../core/verifications/networks';
import { Network, ProofMethod, VerificationState } from '../../shared/contract/verifications';
import { isAppError } from '../../shared/errors';
import { sha256Hex } from '../secrets';
import { type CentralTx, type OpAppliers, rejectOp } from '../sync/appliers';

const nullableIso = z.string().min(1).nullable().optional();

/** What a counter sends for every state a record goes through (src/core/verifications/lifecycle.ts). */
const Lifecycle = z
  .object({
    id: z.string().min(1).max(100),
    residentId: z.string().min(1).max(100),
    maskedName: z.string().max(200).nullable().optional(),
    network: Network,
    handleKey: z.string().min(1).max(300),
    state: VerificationState,
    proofMethod: ProofMethod,
    challengeCode: z.string().nullable().optional(),
    challengeExpiresAt: nullableIso,
    verifiedAt: nullableIso,
    expiresAt: nullableIso,
    endedAt: nullableIso,
    endGround: z.string().nullable().optional(),
    pendingRequestId: z.string().nullable().optional(),
  })
  .loose();

const ConflictPayload = z
  .object({
    id: z.string().min(1).max(100),
    network: Network,
    handle: z.string().min(1).max(300),
    state: z.enum(['open', 'transferred', 'rejected']),
    createdAt: z.string().min(1),
    resolvedAt: z.string().nullable().optional(),
  })
  .loose();

const FailedLookup = z
  .object({
    at: z.string().min(1),
    staff: z.string().min(1).max(200),
    reason: z.enum(['not_in_register', 'candidates_rejected']),
  })
  .loose();

/** Whatever an official types (`Ana_G`, `@ana_g`, a profile link), the directory's key for it. */
export const directoryHandle = (network: string, raw: string): string => {
  const known = Network.safeParse(network.toLowerCase());
  if (known.success) {
    try {
      return `@${normalizeHandle(known.data, raw).key}`;
    } catch (e) {
      if (!isAppError(e)) throw e;
    }
  }
  return raw.toLowerCase();
};

/** `vnt k7p 2qx`, `VNTK7P2QX` → `VNT-K7P-2QX`, the form the counter issued; null if not one. */
export const canonicalChallenge = (code: string): string | null => {
  const c = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return /^VNT[A-Z0-9]{6}$/.test(c) ? `VNT-${c.slice(3, 6)}-${c.slice(6)}` : null;
};

export const challengeSha256 = (code: string): string | null => {
  const c = canonicalChallenge(code);
  return c ? sha256Hex(c) : null;
};

const RANK: Record<z.infer<typeof VerificationState>, number> = {
  pending_proof: 0,
  verified: 1,
  revoked: 2,
  expired: 2,
  superseded: 2,
};

/**
 * The directory entry for one handle, derived from the records: the earliest verification still
 * in force holds it, so a transfer (one revoked, another verified) reads right in either order.
 */
export const refreshHandle = async (
  tx: CentralTx,
  network: string,
  handle: string,
): Promise<void> => {
  const [holder] = await tx.query<{
    masked_name: string;
    verified_at: Date | null;
    expires_at: Date | null;
  }>(
    `SELECT masked_name, verified_at, expires_at FROM handle_verifications
     WHERE network = $1 AND handle = $2 AND state = 'verified'
     ORDER BY verified_at, id LIMIT 1`,
    [network, handle],
  );
  if (holder) {
    await tx.query(
      `INSERT INTO handles (network, handle, masked_name, verified_since, revoked_at, expires_at)
       VALUES ($1, $2, $3, $4, NULL, $5)
       ON CONFLICT (network, handle) DO UPDATE SET masked_name = EXCLUDED.masked_name,
         verified_since = EXCLUDED.verified_since, revoked_at = NULL, expires_at = EXCLUDED.expires_at`,
      [network, handle, holder.masked_name, holder.verified_at ?? tx.now, holder.expires_at],
    );
  } else {
    await tx.query(
      'UPDATE handles SET revoked_at = $3 WHERE network = $1 AND handle = $2 AND revoked_at IS NULL',
      [network, handle, tx.now],
    );
  }
};

/** An online request as central stores it. */
export interface RequestRow {
  id: string;
  resident_id: string;
  network: string;
  handle: string;
  platform_user_id: string | null;
  requested_at: Date;
  version: number;
}

/** A request used at one counter is withdrawn from the others (the user keeps it as `used`). */
const useRequest = async (tx: CentralTx, requestId: string, deviceId: string): Promise<void> => {
  const [used] = await tx.query<RequestRow>(
    `UPDATE verification_requests SET state = 'used', version = version + 1, used_by_device = $2,
       updated_at = $3 WHERE id = $1 AND state = 'open'
     RETURNING id, resident_id, network, handle, platform_user_id, requested_at, version`,
    [requestId, deviceId, tx.now],
  );
  if (used) await tx.emitChange(requestChange(used, 'withdrawn'));
};

/** The `verification.request` change counters apply (src/core/verifications/sync-appliers.ts). */
export const requestChange = (r: RequestRow, state: 'open' | 'withdrawn') => ({
  type: 'verification.request',
  entity_id: r.id,
  version: Number(r.version),
  payload: {
    id: r.id,
    residentId: r.resident_id,
    network: r.network,
    handle: r.handle,
    platformUserId: r.platform_user_id,
    requestedAt: new Date(r.requested_at).toISOString(),
    state,
  },
});

/**
 * Counters do not see each other's records, so only central notices one handle verified for two
 * residents at two counters. The earlier holder stays in the directory; the case is kept with
 * the conflicts, for the town to sort out (an id of its own, so no counter's conflict is touched).
 */
const crossCounterConflict = async (
  tx: CentralTx,
  deviceId: string,
  id: string,
  residentId: string,
  handle: string,
): Promise<void> => {
  const [other] = await tx.query<{ network: string }>(
    `SELECT network FROM handle_verifications WHERE handle = $1 AND state = 'verified'
       AND resident_id <> $2 AND id <> $3
       AND network = (SELECT network FROM handle_verifications WHERE id = $3) LIMIT 1`,
    [handle, residentId, id],
  );
  if (!other) return;
  await tx.query(
    `INSERT INTO verification_conflicts (id, device_id, network, handle, state, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'open', $5, $5) ON CONFLICT (id) DO NOTHING`,
    [`central:${id}`, deviceId, other.network, handle, tx.now],
  );
};

const applyLifecycle: OpAppliers[string] = async (tx, device, op) => {
  const parsed = Lifecycle.safeParse(op.payload);
  if (!parsed.success) throw rejectOp('invalid_payload');
  const v = parsed.data;
  const handle = `@${v.handleKey.toLowerCase()}`;
  const [current] = await tx.query<{ device_id: string; state: keyof typeof RANK }>(
    'SELECT device_id, state FROM handle_verifications WHERE id = $1 FOR UPDATE',
    [v.id],
  );
  if (current && current.device_id !== device.id) throw rejectOp('verification_not_yours');
  // An ended record stays ended, and a state never goes back (a replayed older op).
  if (current && (RANK[current.state] === 2 || RANK[current.state] > RANK[v.state])) return;
  await tx.query(
    `INSERT INTO handle_verifications (id, device_id, resident_id, network, handle, state,
       proof_method, masked_name, challenge_sha256, challenge_expires_at, verified_at, expires_at,
       ended_at, end_ground, pending_request_id, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, '***'), $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state,
       masked_name = COALESCE($8, handle_verifications.masked_name),
       challenge_sha256 = EXCLUDED.challenge_sha256, challenge_expires_at = EXCLUDED.challenge_expires_at,
       verified_at = EXCLUDED.verified_at, expires_at = EXCLUDED.expires_at,
       ended_at = EXCLUDED.ended_at, end_ground = EXCLUDED.end_ground, updated_at = EXCLUDED.updated_at`,
    [
      v.id,
      device.id,
      v.residentId,
      v.network,
      handle,
      v.state,
      v.proofMethod,
      v.maskedName ?? null,
      v.challengeCode ? challengeSha256(v.challengeCode) : null,
      v.challengeExpiresAt ?? null,
      v.verifiedAt ?? null,
      v.expiresAt ?? null,
      v.endedAt ?? null,
      v.endGround ?? null,
      v.pendingRequestId ?? null,
      tx.now,
    ],
  );
  if (v.pendingRequestId && RANK[v.state] < 2) await useRequest(tx, v.pendingRequestId, device.id);
  if (v.state === 'verified') await crossCounterConflict(tx, device.id, v.id, v.residentId, handle);
  await refreshHandle(tx, v.network, handle);
};

/**
 * Central's side of the verification desk. Every lifecycle op carries the record's whole state,
 * so one applier serves them all; the directory is recomputed from the records each time.
 */
export const verificationAppliers: OpAppliers = {
  'verification.created': applyLifecycle,
  'verification.verified': applyLifecycle,
  'verification.superseded': applyLifecycle,
  'verification.revoked': applyLifecycle,
  'verification.expired': applyLifecycle,
  'verification.conflict': async (tx, device, op) => {
    const parsed = ConflictPayload.safeParse(op.payload);
    if (!parsed.success) throw rejectOp('invalid_payload');
    const c = parsed.data;
    const rows = await tx.query(
      `INSERT INTO verification_conflicts (id, device_id, network, handle, state, created_at,
         resolved_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, resolved_at = EXCLUDED.resolved_at,
         updated_at = EXCLUDED.updated_at
       WHERE verification_conflicts.device_id = EXCLUDED.device_id
       RETURNING id`,
      [
        c.id,
        device.id,
        c.network,
        c.handle.toLowerCase(),
        c.state,
        c.createdAt,
        c.resolvedAt ?? null,
        tx.now,
      ],
    );
    if (rows.length === 0) throw rejectOp('conflict_not_yours');
  },
  'verification.failed_lookup': async (tx, device, op) => {
    const parsed = FailedLookup.safeParse(op.payload);
    if (!parsed.success) throw rejectOp('invalid_payload');
    const f = parsed.data;
    // The masked number stays at the counter: statistics need who, when and why only.
    await tx.query(
      `INSERT INTO verification_failed_lookups (device_id, entity_id, at, staff, reason)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [device.id, op.entity_id, f.at, f.staff, f.reason],
    );
  },
};
