import { z } from 'zod';
import { Network } from '../../shared/contract/verifications';
import { isAppError } from '../../shared/errors';
import { ReasonText } from '../../shared/free-text';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { normalizeHandle, normalizePlatformUserId } from './networks';
import { findVerification } from './repo';
import type { VerificationService } from './verification-service';

/** Changes that arrive from central are done by this actor in the audit log. */
export const CENTRAL: Actor = { staffId: null, username: 'central', role: 'system' };

export const ProofConfirmation = z.object({
  verificationId: z.string().min(1),
  /** The code central saw posted or sent from the handle: it must be this record's code. */
  code: z.string().min(1),
});

export const PendingRequestChange = z.object({
  id: z.string().min(1),
  residentId: z.string().min(1),
  network: Network,
  handle: z.string().min(1).max(300),
  platformUserId: z.string().nullable().optional(),
  requestedAt: z.string(),
  state: z.enum(['open', 'withdrawn']).default('open'),
});

export const CentralRevocation = z.object({
  verificationId: z.string().min(1),
  reason: ReasonText,
});

export type ProofOutcome =
  'confirmed' | 'already_verified' | 'unknown' | 'code_mismatch' | 'refused';

/**
 * Central saw the challenge code come from the handle. Idempotent. It never throws on a domain
 * refusal (an expired code, a handle verified elsewhere meanwhile): a sync page must not stall
 * on one resident's case; the outcome is in the audit log instead.
 */
export const applyProofConfirmation = (
  service: VerificationService,
  deps: CoreDeps,
  payload: unknown,
): ProofOutcome => {
  const change = ProofConfirmation.parse(payload);
  const row = findVerification(deps.db, change.verificationId);
  if (!row) return 'unknown';
  if (row.state === 'verified') return 'already_verified';
  if (row.challenge_code !== change.code) return 'code_mismatch';
  try {
    service.confirmProof(CENTRAL, change.verificationId);
    return 'confirmed';
  } catch (e) {
    if (isAppError(e)) return 'refused';
    throw e;
  }
};

export type RevocationOutcome = 'revoked' | 'already_ended' | 'unknown' | 'refused';

/**
 * The town revoked the verification at central. Goes through the desk's own revoke, so it is
 * audited as done by central and queued back like any revocation (central keeps an ended record
 * ended, so that op lands as a no-op). An ended or unknown record is left as it is.
 */
export const applyCentralRevocation = (
  service: VerificationService,
  deps: CoreDeps,
  payload: unknown,
): RevocationOutcome => {
  const change = CentralRevocation.parse(payload);
  const row = findVerification(deps.db, change.verificationId);
  if (!row) return 'unknown';
  if (row.state !== 'verified' && row.state !== 'pending_proof') return 'already_ended';
  try {
    service.revoke(CENTRAL, change.verificationId, 'decision', change.reason);
    return 'revoked';
  } catch (e) {
    if (isAppError(e)) return 'refused';
    throw e;
  }
};

/** A resident asked online; the desk offers it ready-made. Re-sent requests update in place. */
export const applyPendingRequest = (deps: CoreDeps, payload: unknown): void => {
  const change = PendingRequestChange.parse(payload);
  const handle = normalizeHandle(change.network, change.handle);
  const userId = normalizePlatformUserId(change.network, change.platformUserId);
  inTransaction(deps, () => {
    const existing = deps.db
      .prepare('SELECT state FROM verification_requests WHERE id = ?')
      .get(change.id) as { state: string } | undefined;
    // A request already used at the counter stays used.
    if (existing?.state === 'used') return;
    deps.db
      .prepare(
        `INSERT INTO verification_requests (id, resident_id, network, handle, platform_user_id,
           requested_at, received_at, state)
         VALUES (@id, @resident, @network, @handle, @userId, @requestedAt, @now, @state)
         ON CONFLICT (id) DO UPDATE SET network = @network, handle = @handle,
           platform_user_id = @userId, state = @state`,
      )
      .run({
        id: change.id,
        resident: change.residentId,
        network: change.network,
        handle: handle.display,
        userId,
        requestedAt: change.requestedAt,
        now: deps.clock.now().toISOString(),
        state: change.state,
      });
    audit(deps, {
      actor: CENTRAL,
      action: 'verification.request_received',
      subject: `request:${change.id}`,
      details: { network: change.network, handle: handle.display, state: change.state },
    });
  });
};
