import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { normalizeHandle, normalizePlatformUserId } from '../../core/verifications/networks';
import type { AppError } from '../../shared/errors';
import { centralAudit } from '../audit/store';
import type { CentralStore } from '../db/store';
import { refuse } from '../http/errors';
import { centralTx } from '../sync/service';
import {
  canonicalChallenge,
  challengeSha256,
  directoryHandle,
  MAX_PROOF_MISSES,
  refreshHandle,
  requestChange,
} from './rules';
import type {
  HandleAnswer,
  NewRequest,
  PendingProofs,
  ProofAnswer,
  RequestAnswer,
  RevokeAnswer,
} from './schemas';
import { setProofMisses } from './accounts-store';
import { verificationsStore } from './store';

/**
 * A resident asked online (the town's social-network integration): every counter is offered it
 * ready-made the next time it pulls. The handle is checked with the counters' own network rules,
 * whose refusal (`invalid_handle_<network>`) is thrown as it is.
 */
export const createVerificationRequest = async (
  store: CentralStore,
  input: z.infer<typeof NewRequest>,
  requestedBy: string,
  now: Date,
): Promise<z.infer<typeof RequestAnswer>> => {
  const handle = normalizeHandle(input.network, input.handle).display;
  const userId = normalizePlatformUserId(input.network, input.platform_user_id);
  const row = {
    id: uuidv7(),
    resident_id: input.resident_id,
    network: input.network,
    handle,
    platform_user_id: userId,
    requested_at: now,
    version: 1,
  };
  await store.transaction(async (raw) => {
    const tx = centralTx(raw, now);
    await verificationsStore.insertRequest(tx, row, requestedBy);
    await tx.emitChange(requestChange(row, 'open'));
    await centralAudit(tx, now, 'verification.request_created', null, {
      id: row.id,
      by: requestedBy,
      network: row.network,
      handle,
    });
  });
  return { ...row, requested_at: now.toISOString(), state: 'open' };
};

/** The resident changed their mind online: counters stop offering it (unless already used). */
export const withdrawVerificationRequest = async (
  store: CentralStore,
  id: string,
  by: string,
  now: Date,
): Promise<{ id: string; state: 'withdrawn' }> =>
  store.transaction(async (raw) => {
    const tx = centralTx(raw, now);
    const row = await verificationsStore.lockRequest(tx, id);
    if (!row) throw refuse(404, 'unknown_request');
    if (row.state === 'used') throw refuse(409, 'request_used');
    if (row.state === 'open') {
      const version = Number(row.version) + 1;
      await verificationsStore.withdrawRequest(tx, id, version, now);
      await tx.emitChange(requestChange({ ...row, version }, 'withdrawn'));
      await centralAudit(tx, now, 'verification.request_withdrawn', null, { id, by });
    }
    return { id, state: 'withdrawn' };
  });

/**
 * The town's account saw the challenge code come from the handle. Checked against the code's
 * hash central holds, then sent to the counter that issued it, which marks the record verified.
 * A refusal is audited in the transaction, which commits it, and thrown once it has.
 */
export const confirmProof = async (
  store: CentralStore,
  id: string,
  code: string,
  by: string,
  now: Date,
): Promise<z.infer<typeof ProofAnswer>> => {
  const outcome = await store.transaction(
    async (raw): Promise<{ answer: z.infer<typeof ProofAnswer> } | { refused: AppError }> => {
      const tx = centralTx(raw, now);
      const v = await verificationsStore.lockProof(tx, id);
      const refused = async (e: AppError) => {
        await centralAudit(tx, now, 'verification.proof_refused', v?.device_id ?? null, {
          id,
          by,
          error: e.code,
        });
        return { refused: e };
      };
      if (!v?.challenge_sha256) return refused(refuse(404, 'unknown_verification'));
      const canonical = canonicalChallenge(code);
      const matches = canonical !== null && challengeSha256(canonical) === v.challenge_sha256;
      const open = v.state === 'pending_proof' && !v.proof_confirmed_at;
      if (open && v.proof_misses >= MAX_PROOF_MISSES)
        return refused(refuse(409, 'proof_attempts_exhausted'));
      if (!matches) {
        if (!open) return refused(refuse(422, 'code_mismatch'));
        // A typed code counts like one found in the account's posts: the row lock orders them.
        const misses = v.proof_misses + 1;
        await setProofMisses(tx, id, misses);
        return refused(
          misses >= MAX_PROOF_MISSES
            ? refuse(409, 'proof_attempts_exhausted')
            : refuse(422, 'code_mismatch'),
        );
      }
      if (v.proof_confirmed_at || v.state === 'verified')
        return { answer: { verification_id: id, status: 'already_confirmed' } };
      if (v.state !== 'pending_proof') return refused(refuse(409, 'not_pending_proof'));
      if (v.challenge_expires_at && new Date(v.challenge_expires_at) <= now)
        return refused(refuse(409, 'challenge_expired'));
      await verificationsStore.markProofConfirmed(tx, id, now);
      await tx.emitChange({
        type: 'verification.proof_confirmed',
        entity_id: id,
        version: 1,
        payload: { verificationId: id, code: canonical },
        device_id: v.device_id,
      });
      await centralAudit(tx, now, 'verification.proof_confirmed', v.device_id, { id, by });
      return { answer: { verification_id: id, status: 'confirmed' } };
    },
  );
  if ('refused' in outcome) throw outcome.refused;
  return outcome.answer;
};

/**
 * The town revokes a verification itself (the platform reported the account taken over, say):
 * the directory drops the handle at once, and the counter that issued it is told on its next
 * pull. Revoking twice answers `already_revoked`; a record that ended otherwise stays as it is.
 */
export const revokeVerification = async (
  store: CentralStore,
  id: string,
  reason: string,
  by: string,
  now: Date,
): Promise<z.infer<typeof RevokeAnswer>> =>
  store.transaction(async (raw) => {
    const tx = centralTx(raw, now);
    const v = await verificationsStore.lockRecord(tx, id);
    if (!v) throw refuse(404, 'unknown_verification');
    if (v.state === 'revoked') return { verification_id: id, status: 'already_revoked' };
    if (v.state !== 'verified' && v.state !== 'pending_proof') throw refuse(409, 'already_ended');
    await verificationsStore.revokeRecord(tx, id, now);
    await refreshHandle(tx, v.network, v.handle);
    await tx.emitChange({
      type: 'verification.revoked',
      entity_id: id,
      version: 1,
      payload: { verificationId: id, reason, revokedAt: now.toISOString() },
      device_id: v.device_id,
    });
    await centralAudit(tx, now, 'verification.revoked', v.device_id, { id, by, reason });
    return { verification_id: id, status: 'revoked' };
  });

/** Challenges waiting for the town's account to see their code. */
export const pendingProofs = async (
  store: CentralStore,
  now: Date,
): Promise<z.infer<typeof PendingProofs>> => ({
  proofs: (await verificationsStore.pendingProofs(store, now, MAX_PROOF_MISSES)).map((r) => ({
    ...r,
    challenge_expires_at: r.challenge_expires_at
      ? new Date(r.challenge_expires_at).toISOString()
      : null,
  })),
});

/**
 * An official asks whether a handle is verified. Who asked about whom is itself personal data
 * worth an audit trail.
 */
export const lookUpHandle = async (
  store: CentralStore,
  network: string,
  handle: string,
  official: string,
  now: Date,
): Promise<z.infer<typeof HandleAnswer>> => {
  const row = await verificationsStore.lookUp(
    store,
    network.toLowerCase(),
    directoryHandle(network, handle),
    now,
  );
  await centralAudit(store, now, 'directory.lookup', null, {
    official,
    network,
    handle,
    found: Boolean(row),
  });
  return row
    ? {
        verified: true,
        since: new Date(row.verified_since).toISOString(),
        masked_name: row.masked_name,
      }
    : { verified: false };
};
