import type { FastifyInstance, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { normalizeHandle, normalizePlatformUserId } from '../core/verifications/networks';
import { Network } from '../shared/contract/verifications';
import { isAppError } from '../shared/errors';
import { ReasonText } from '../shared/free-text';
import {
  canonicalChallenge,
  challengeSha256,
  refreshHandle,
  type RequestRow,
  requestChange,
} from './appliers/verifications';
import { centralAudit } from './audit/store';
import type { CentralStore } from './db/store';
import { centralTx } from './sync/service';
import { errorSender } from './http/errors';
import type { Guards } from './http/guards';

export const NewRequest = z.object({
  resident_id: z.string().min(1).max(100),
  network: Network,
  handle: z.string().min(1).max(300),
  platform_user_id: z.string().max(200).nullable().optional(),
});

export const RequestAnswer = z.object({
  id: z.string(),
  resident_id: z.string(),
  network: Network,
  handle: z.string(),
  requested_at: z.string(),
  state: z.enum(['open', 'used', 'withdrawn']),
});

const ProofBody = z.object({ code: z.string().min(1).max(40) });
/** The same reason as at the counter (bounded, personal data masked), which records it as sent. */
export const RevokeBody = z.object({ reason: ReasonText });
export const RevokeAnswer = z.object({
  verification_id: z.string(),
  status: z.enum(['revoked', 'already_revoked']),
});
const IdParams = z.object({ id: z.string().min(1).max(100) });
const ProofAnswer = z.object({
  verification_id: z.string(),
  status: z.enum(['confirmed', 'already_confirmed']),
});
const PendingProofs = z.object({
  proofs: z.array(
    z.object({
      id: z.string(),
      network: z.string(),
      handle: z.string(),
      challenge_expires_at: z.string().nullable(),
    }),
  ),
});

type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly status: number; readonly error: string };

/**
 * A resident asked online (the town's social-network integration): every counter is offered it
 * ready-made the next time it pulls. The handle is checked with the counters' own network rules.
 */
export const createVerificationRequest = async (
  store: CentralStore,
  input: z.infer<typeof NewRequest>,
  requestedBy: string,
  now: Date,
): Promise<Outcome<z.infer<typeof RequestAnswer>>> => {
  let handle: string;
  let userId: string | null;
  try {
    handle = normalizeHandle(input.network, input.handle).display;
    userId = normalizePlatformUserId(input.network, input.platform_user_id);
  } catch (e) {
    if (isAppError(e)) return { ok: false, status: 400, error: e.code };
    throw e;
  }
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
    await tx.query(
      `INSERT INTO verification_requests (id, resident_id, network, handle, platform_user_id,
         requested_at, requested_by, state, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', 1, $6)`,
      [row.id, row.resident_id, row.network, handle, userId, now.toISOString(), requestedBy],
    );
    await tx.emitChange(requestChange(row, 'open'));
    await centralAudit(tx, now, 'verification.request_created', null, {
      id: row.id,
      by: requestedBy,
      network: row.network,
      handle,
    });
  });
  return {
    ok: true,
    value: { ...row, requested_at: now.toISOString(), state: 'open' },
  };
};

/** The resident changed their mind online: counters stop offering it (unless already used). */
export const withdrawVerificationRequest = async (
  store: CentralStore,
  id: string,
  by: string,
  now: Date,
): Promise<Outcome<{ id: string; state: 'withdrawn' }>> =>
  store.transaction(async (raw) => {
    const tx = centralTx(raw, now);
    const [row] = await tx.query<RequestRow & { state: string }>(
      `SELECT id, resident_id, network, handle, platform_user_id, requested_at, version, state
       FROM verification_requests WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) return { ok: false, status: 404, error: 'unknown_request' };
    if (row.state === 'used') return { ok: false, status: 409, error: 'request_used' };
    if (row.state === 'open') {
      const version = Number(row.version) + 1;
      await tx.query(
        `UPDATE verification_requests SET state = 'withdrawn', version = $2, updated_at = $3
         WHERE id = $1`,
        [id, version, now.toISOString()],
      );
      await tx.emitChange(requestChange({ ...row, version }, 'withdrawn'));
      await centralAudit(tx, now, 'verification.request_withdrawn', null, { id, by });
    }
    return { ok: true, value: { id, state: 'withdrawn' } };
  });

/**
 * The town's account saw the challenge code come from the handle. Checked against the code's
 * hash central holds, then sent to the counter that issued it, which marks the record verified.
 */
export const confirmProof = async (
  store: CentralStore,
  id: string,
  code: string,
  by: string,
  now: Date,
): Promise<Outcome<z.infer<typeof ProofAnswer>>> =>
  store.transaction(async (raw) => {
    const tx = centralTx(raw, now);
    const [v] = await tx.query<{
      device_id: string;
      state: string;
      challenge_sha256: string | null;
      challenge_expires_at: Date | null;
      proof_confirmed_at: Date | null;
    }>(
      `SELECT device_id, state, challenge_sha256, challenge_expires_at, proof_confirmed_at
       FROM handle_verifications WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const refuse = async (status: number, error: string): Promise<Outcome<never>> => {
      await centralAudit(tx, now, 'verification.proof_refused', v?.device_id ?? null, {
        id,
        by,
        error,
      });
      return { ok: false, status, error };
    };
    if (!v?.challenge_sha256) return refuse(404, 'unknown_verification');
    const canonical = canonicalChallenge(code);
    if (!canonical || challengeSha256(canonical) !== v.challenge_sha256)
      return refuse(422, 'code_mismatch');
    if (v.proof_confirmed_at || v.state === 'verified')
      return { ok: true, value: { verification_id: id, status: 'already_confirmed' } };
    if (v.state !== 'pending_proof') return refuse(409, 'not_pending_proof');
    if (v.challenge_expires_at && new Date(v.challenge_expires_at) <= now)
      return refuse(409, 'challenge_expired');
    await tx.query('UPDATE handle_verifications SET proof_confirmed_at = $2 WHERE id = $1', [
      id,
      now.toISOString(),
    ]);
    await tx.emitChange({
      type: 'verification.proof_confirmed',
      entity_id: id,
      version: 1,
      payload: { verificationId: id, code: canonical },
      device_id: v.device_id,
    });
    await centralAudit(tx, now, 'verification.proof_confirmed', v.device_id, { id, by });
    return { ok: true, value: { verification_id: id, status: 'confirmed' } };
  });

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
): Promise<Outcome<z.infer<typeof RevokeAnswer>>> =>
  store.transaction(async (raw) => {
    const tx = centralTx(raw, now);
    const [v] = await tx.query<{
      device_id: string;
      state: string;
      network: string;
      handle: string;
    }>(
      'SELECT device_id, state, network, handle FROM handle_verifications WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!v) return { ok: false, status: 404, error: 'unknown_verification' };
    if (v.state === 'revoked')
      return { ok: true, value: { verification_id: id, status: 'already_revoked' } };
    if (v.state !== 'verified' && v.state !== 'pending_proof')
      return { ok: false, status: 409, error: 'already_ended' };
    await tx.query(
      `UPDATE handle_verifications SET state = 'revoked', ended_at = $2, end_ground = 'decision',
         updated_at = $2 WHERE id = $1`,
      [id, now.toISOString()],
    );
    await refreshHandle(tx, v.network, v.handle);
    await tx.emitChange({
      type: 'verification.revoked',
      entity_id: id,
      version: 1,
      payload: { verificationId: id, reason, revokedAt: now.toISOString() },
      device_id: v.device_id,
    });
    await centralAudit(tx, now, 'verification.revoked', v.device_id, { id, by, reason });
    return { ok: true, value: { verification_id: id, status: 'revoked' } };
  });

/**
 * The town's social-network integration: online requests, challenge proofs, the list of
 * challenges waiting for one, and revocations decided at central. Staff token, like the directory.
 */
export const verificationRoutes = (
  app: FastifyInstance,
  options: { readonly store: CentralStore; readonly now: () => Date; readonly guards: Guards },
): void => {
  const { store, now } = options;
  const fail = errorSender(now);
  const body = <S extends z.ZodType>(schema: S, req: FastifyRequest): z.infer<S> | undefined => {
    try {
      const parsed = schema.safeParse(JSON.parse(typeof req.body === 'string' ? req.body : ''));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };
  const staff = options.guards.staffToken;

  app.post('/v1/verifications/requests', async (req, reply) => {
    const by = await staff(req, reply);
    if (!by) return reply;
    const input = body(NewRequest, req);
    if (!input) return fail(reply, 400, 'invalid_request');
    const result = await createVerificationRequest(store, input, by, now());
    if (!result.ok) return fail(reply, result.status, result.error);
    return reply.code(201).send(RequestAnswer.parse(result.value));
  });

  app.delete('/v1/verifications/requests/:id', async (req, reply) => {
    const by = await staff(req, reply);
    if (!by) return reply;
    const params = IdParams.safeParse(req.params);
    if (!params.success) return fail(reply, 400, 'invalid_request');
    const result = await withdrawVerificationRequest(store, params.data.id, by, now());
    return result.ok ? result.value : fail(reply, result.status, result.error);
  });

  app.get('/v1/verifications/pending-proofs', async (req, reply) => {
    if (!(await staff(req, reply))) return reply;
    const rows = await store.query<{
      id: string;
      network: string;
      handle: string;
      challenge_expires_at: Date | null;
    }>(
      `SELECT id, network, handle, challenge_expires_at FROM handle_verifications
       WHERE state = 'pending_proof' AND proof_confirmed_at IS NULL
         AND (challenge_expires_at IS NULL OR challenge_expires_at > $1)
       ORDER BY challenge_expires_at LIMIT 1000`,
      [now().toISOString()],
    );
    return PendingProofs.parse({
      proofs: rows.map((r) => ({
        ...r,
        challenge_expires_at: r.challenge_expires_at
          ? new Date(r.challenge_expires_at).toISOString()
          : null,
      })),
    });
  });

  app.post('/v1/verifications/:id/proof', async (req, reply) => {
    const by = await staff(req, reply);
    if (!by) return reply;
    const params = IdParams.safeParse(req.params);
    const input = body(ProofBody, req);
    if (!params.success || !input) return fail(reply, 400, 'invalid_request');
    const result = await confirmProof(store, params.data.id, input.code, by, now());
    return result.ok ? ProofAnswer.parse(result.value) : fail(reply, result.status, result.error);
  });

  app.post('/v1/verifications/:id/revoke', async (req, reply) => {
    const by = await staff(req, reply);
    if (!by) return reply;
    const params = IdParams.safeParse(req.params);
    const input = body(RevokeBody, req);
    if (!params.success || !input) return fail(reply, 400, 'invalid_request');
    const result = await revokeVerification(store, params.data.id, input.reason, by, now());
    return result.ok ? RevokeAnswer.parse(result.value) : fail(reply, result.status, result.error);
  });
};
