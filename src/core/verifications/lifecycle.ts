import { v7 as uuidv7 } from 'uuid';
import type {
  DocumentEntry,
  Network,
  OverrideGround,
  ProofMethod,
} from '../../shared/contract/verifications';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps } from '../app/deps';
import { enqueue } from '../sync/outbox';
import { activeFor, getVerification, readValidityMonths, type VerificationRow } from './repo';
import { addMonths, endOfDay, newChallengeCode } from './text';

export const CHALLENGE_TTL_MS = 72 * 60 * 60_000;

/** Everything needed to create a record; also what a refused claim keeps for a later transfer. */
export interface Claim {
  readonly residentId: string;
  /** For central's directory: `directoryMaskedName` of the register's name. */
  readonly maskedName: string;
  readonly network: Network;
  readonly handle: string;
  readonly handleKey: string;
  readonly platformUserId: string | null;
  /** What the network answered for the handle, where it can be asked (Bluesky). */
  readonly account?: {
    readonly displayName: string | null;
    readonly lookup: 'resolved' | 'pending' | null;
  };
  readonly proof: ProofMethod;
  readonly document: {
    readonly type: string;
    readonly hash: string;
    readonly masked: string;
    readonly expiry: string | null;
  };
  readonly corrected: readonly string[];
  readonly startedAt: string;
  readonly clerk: { readonly id: number | null; readonly name: string };
  readonly override: {
    readonly by: string;
    readonly reason: string;
    readonly grounds: readonly OverrideGround[];
  } | null;
  readonly entry: DocumentEntry;
  readonly pendingRequestId: string | null;
  /** Set when the claim is a pending challenge whose confirmation met a verified holder. */
  readonly confirmsPendingId?: string;
}

/** What central's directory needs; never the document hash (it is keyed to this installation). */
const syncPayload = (row: VerificationRow, deviceId: string) => ({
  id: row.id,
  residentId: row.resident_id,
  maskedName: row.resident_masked_name,
  network: row.network,
  handle: row.handle,
  handleKey: row.handle_key,
  platformUserId: row.platform_user_id,
  state: row.state,
  proofMethod: row.proof_method,
  challengeCode: row.challenge_code,
  challengeExpiresAt: row.challenge_expires_at,
  documentMasked: row.document_masked,
  // Central shows an authorised record as such, as the counter does.
  overrideGrounds: JSON.parse(row.override_grounds) as string[],
  clerk: row.clerk_name,
  createdAt: row.created_at,
  verifiedAt: row.verified_at,
  expiresAt: row.expires_at,
  endedAt: row.ended_at,
  endGround: row.end_ground,
  supersededBy: row.superseded_by,
  pendingRequestId: row.pending_request_id,
  displayName: row.account_display_name,
  accountLookup: row.account_lookup,
  device: deviceId,
});

export const publish = (deps: CoreDeps, kind: string, id: string): VerificationRow => {
  const row = getVerification(deps.db, id);
  enqueue(
    deps.db,
    { kind, entityId: id, payload: syncPayload(row, deps.deviceId) },
    deps.clock.now(),
  );
  return row;
};

/**
 * A verification ends with its document, or after the configured period, whichever comes first.
 * A document a manager accepted as expired cannot end it again: the period alone counts.
 */
export const expiryFor = (
  deps: CoreDeps,
  verifiedAt: Date,
  documentExpiry: string | null,
  grounds: readonly string[] = [],
): string => {
  const byPolicy = addMonths(verifiedAt, readValidityMonths(deps.db)).toISOString();
  if (!documentExpiry || grounds.includes('document_expired')) return byPolicy;
  const byDocument = endOfDay(documentExpiry);
  return byDocument < byPolicy ? byDocument : byPolicy;
};

/** Moves an active record aside when the same resident re-verifies; it is kept, never deleted. */
export const supersede = (
  deps: CoreDeps,
  actor: Actor,
  old: VerificationRow,
  byId: string,
): void => {
  deps.db
    .prepare(
      `UPDATE verifications SET state = 'superseded', superseded_by = ?, ended_at = ?,
         end_ground = 'superseded', ended_by = ? WHERE id = ?`,
    )
    .run(byId, deps.clock.now().toISOString(), actor.username, old.id);
  audit(deps, {
    actor,
    action: 'verification.superseded',
    subject: `verification:${old.id}`,
    details: { by: byId, network: old.network, handle: old.handle },
  });
  publish(deps, 'verification.superseded', old.id);
};

/** Marks the record verified, superseding the resident's previous handle on that network. */
export const markVerified = (deps: CoreDeps, actor: Actor, row: VerificationRow): void => {
  const now = deps.clock.now();
  const previous = activeFor(deps.db, row.resident_id, row.network, 'verified');
  // Out of the unique index first, then linked once the new record is verified.
  if (previous) {
    deps.db.prepare(`UPDATE verifications SET state = 'superseded' WHERE id = ?`).run(previous.id);
  }
  deps.db
    .prepare(
      `UPDATE verifications SET state = 'verified', verified_at = ?, expires_at = ? WHERE id = ?`,
    )
    .run(
      now.toISOString(),
      expiryFor(deps, now, row.document_expiry, JSON.parse(row.override_grounds) as string[]),
      row.id,
    );
  if (previous) supersede(deps, actor, previous, row.id);
};

/** Inserts the record (verified or pending proof). Runs inside the caller's transaction. */
export const createRecord = (deps: CoreDeps, actor: Actor, claim: Claim): VerificationRow => {
  const now = deps.clock.now();
  const id = uuidv7();
  const challenge = claim.proof === 'challenge_code';
  const pending = activeFor(deps.db, claim.residentId, claim.network, 'pending_proof');
  if (pending)
    deps.db.prepare(`UPDATE verifications SET state = 'superseded' WHERE id = ?`).run(pending.id);
  deps.db
    .prepare(
      `INSERT INTO verifications (id, resident_id, network, handle, handle_key, platform_user_id,
         state, proof_method, challenge_code, challenge_expires_at, document_type, document_hash,
         document_masked, document_expiry, corrected_fields, override_by, override_reason,
         clerk_id, clerk_name, started_at, created_at, time_to_verify_ms, pending_request_id,
         resident_masked_name, override_grounds, entry, account_display_name, account_lookup)
       VALUES (@id, @residentId, @network, @handle, @handleKey, @platformUserId, 'pending_proof',
         @proof, @code, @codeExpires, @docType, @docHash, @docMasked, @docExpiry, @corrected,
         @overrideBy, @overrideReason, @clerkId, @clerkName, @startedAt, @now, @ttv, @requestId,
         @maskedName, @overrideGrounds, @entry, @displayName, @accountLookup)`,
    )
    .run({
      id,
      residentId: claim.residentId,
      network: claim.network,
      handle: claim.handle,
      handleKey: claim.handleKey,
      platformUserId: claim.platformUserId,
      proof: claim.proof,
      code: challenge ? newChallengeCode() : null,
      codeExpires: challenge ? new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString() : null,
      docType: claim.document.type,
      docHash: claim.document.hash,
      docMasked: claim.document.masked,
      docExpiry: claim.document.expiry,
      corrected: JSON.stringify(claim.corrected),
      overrideBy: claim.override?.by ?? null,
      overrideReason: claim.override?.reason ?? null,
      clerkId: claim.clerk.id,
      clerkName: claim.clerk.name,
      startedAt: claim.startedAt,
      now: now.toISOString(),
      // Counter time: from the card being read to the record being saved.
      ttv: Math.max(0, now.getTime() - Date.parse(claim.startedAt)),
      requestId: claim.pendingRequestId,
      maskedName: claim.maskedName,
      overrideGrounds: JSON.stringify(claim.override?.grounds ?? []),
      entry: claim.entry,
      displayName: claim.account?.displayName ?? null,
      accountLookup: claim.account?.lookup ?? null,
    });
  if (pending) supersede(deps, actor, pending, id);
  const created = getVerification(deps.db, id);
  if (!challenge) markVerified(deps, actor, created);
  if (claim.pendingRequestId) {
    deps.db
      .prepare(`UPDATE verification_requests SET state = 'used' WHERE id = ? AND state = 'open'`)
      .run(claim.pendingRequestId);
  }
  audit(deps, {
    actor,
    action: 'verification.created',
    subject: `verification:${id}`,
    details: {
      residentId: claim.residentId,
      network: claim.network,
      handle: claim.handle,
      proof: claim.proof,
      documentMasked: claim.document.masked,
      corrected: claim.corrected,
      // Typed by the clerk, not read from the card: the log says which.
      entry: claim.entry,
      override: claim.override,
    },
  });
  return publish(deps, 'verification.created', id);
};

/** Ends a record (revoked or expired) with its ground, and tells central. */
export const endRecord = (
  deps: CoreDeps,
  actor: Actor,
  row: VerificationRow,
  to: 'revoked' | 'expired',
  ground: string,
  reason: string | null,
): VerificationRow => {
  deps.db
    .prepare(
      `UPDATE verifications SET state = ?, ended_at = ?, end_ground = ?, end_reason = ?, ended_by = ?
       WHERE id = ?`,
    )
    .run(to, deps.clock.now().toISOString(), ground, reason, actor.username, row.id);
  audit(deps, {
    actor,
    action: to === 'revoked' ? 'verification.revoked' : 'verification.expired',
    subject: `verification:${row.id}`,
    details: { ground, reason, network: row.network, handle: row.handle, from: row.state },
  });
  return publish(deps, to === 'revoked' ? 'verification.revoked' : 'verification.expired', row.id);
};
