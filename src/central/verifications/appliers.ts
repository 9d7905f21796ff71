import { z } from 'zod';
import { Network, ProofMethod, VerificationState } from '../../shared/contract/verifications';
import { type CentralTx, type OpAppliers, rejectOp } from '../sync/appliers';
import { challengeSha256, refreshHandle, requestChange } from './rules';
import { verificationsStore } from './store';

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
    /** The account's immutable id (a Bluesky DID) and display name, once looked up. */
    platformUserId: z.string().max(250).nullable().optional(),
    displayName: z.string().max(640).nullable().optional(),
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

const RANK: Record<z.infer<typeof VerificationState>, number> = {
  pending_proof: 0,
  verified: 1,
  revoked: 2,
  expired: 2,
  superseded: 2,
};

/** A request used at one counter is withdrawn from the others (the user keeps it as `used`). */
const useRequest = async (tx: CentralTx, requestId: string, deviceId: string): Promise<void> => {
  const used = await verificationsStore.useRequest(tx, requestId, deviceId, tx.now);
  if (used) await tx.emitChange(requestChange(used, 'withdrawn'));
};

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
  const network = await verificationsStore.otherHolder(tx, id, residentId, handle);
  if (!network) return;
  await verificationsStore.insertCentralConflict(
    tx,
    { id: `central:${id}`, deviceId, network, handle },
    tx.now,
  );
};

const applyLifecycle: OpAppliers[string] = async (tx, device, op) => {
  const parsed = Lifecycle.safeParse(op.payload);
  if (!parsed.success) throw rejectOp('invalid_payload');
  const v = parsed.data;
  const handle = `@${v.handleKey.toLowerCase()}`;
  const current = await verificationsStore.lockRecord(tx, v.id);
  if (current && current.device_id !== device.id) throw rejectOp('verification_not_yours');
  const rank = current ? RANK[current.state as keyof typeof RANK] : undefined;
  // An ended record stays ended, and a state never goes back (a replayed older op).
  if (rank !== undefined && (rank === 2 || rank > RANK[v.state])) return;
  await verificationsStore.upsertRecord(
    tx,
    device.id,
    {
      id: v.id,
      residentId: v.residentId,
      network: v.network,
      handle,
      state: v.state,
      proofMethod: v.proofMethod,
      maskedName: v.maskedName ?? null,
      challengeSha256: v.challengeCode ? challengeSha256(v.challengeCode) : null,
      challengeExpiresAt: v.challengeExpiresAt ?? null,
      verifiedAt: v.verifiedAt ?? null,
      expiresAt: v.expiresAt ?? null,
      endedAt: v.endedAt ?? null,
      endGround: v.endGround ?? null,
      pendingRequestId: v.pendingRequestId ?? null,
      platformUserId: v.platformUserId ?? null,
      displayName: v.displayName ?? null,
    },
    tx.now,
  );
  if (v.pendingRequestId && RANK[v.state] < 2) await useRequest(tx, v.pendingRequestId, device.id);
  if (v.state === 'verified') await crossCounterConflict(tx, device.id, v.id, v.residentId, handle);
  await refreshHandle(tx, v.network, handle);
  // Central follows a renamed account by its DID: the handle it holds now may be another one.
  const held = await verificationsStore.handleOf(tx, v.id);
  if (held && held !== handle) await refreshHandle(tx, v.network, held);
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
  'verification.account_resolved': applyLifecycle,
  'verification.conflict': async (tx, device, op) => {
    const parsed = ConflictPayload.safeParse(op.payload);
    if (!parsed.success) throw rejectOp('invalid_payload');
    const c = parsed.data;
    const mine = await verificationsStore.upsertConflict(
      tx,
      device.id,
      { ...c, handle: c.handle.toLowerCase(), resolvedAt: c.resolvedAt ?? null },
      tx.now,
    );
    if (!mine) throw rejectOp('conflict_not_yours');
  },
  'verification.failed_lookup': async (tx, device, op) => {
    const parsed = FailedLookup.safeParse(op.payload);
    if (!parsed.success) throw rejectOp('invalid_payload');
    const f = parsed.data;
    // The masked number stays at the counter: statistics need who, when and why only.
    await verificationsStore.insertFailedLookup(tx, device.id, op.entity_id, f);
  },
};
