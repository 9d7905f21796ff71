import type { CentralStore, SqlTx } from '../db/store';

/** Central's own audit actions: enrolment, revocation, refused requests, directory look-ups. */
export type CentralAuditAction =
  | 'enrolment.code_created'
  | 'enrolment.refused'
  | 'device.enrolled'
  | 'device.revoked'
  | 'auth.refused'
  | 'token.created'
  | 'token.refused'
  | 'rate.limited'
  | 'directory.lookup'
  | 'verification.request_created'
  | 'verification.request_withdrawn'
  | 'verification.proof_confirmed'
  | 'verification.proof_refused'
  | 'verification.revoked'
  | 'register.imported'
  | 'template.published'
  | 'console.staff_added'
  | 'console.sign_in'
  | 'console.sign_in_failed'
  | 'console.account_locked'
  | 'console.sign_out'
  | 'console.password_changed'
  | 'conflict.resolved'
  | 'privacy.exported'
  | 'privacy.erased'
  | 'bluesky.account_set'
  | 'bluesky.account_resolved'
  | 'bluesky.proof_missed'
  | 'bluesky.published'
  | 'bluesky.withdrawn'
  | 'bluesky.publish_failed'
  | 'bluesky.handle_changed'
  | 'bluesky.handle_unconfirmed'
  | 'bluesky.display_name_changed'
  | 'bluesky.account_gone'
  | 'bluesky.account_back';

export const centralAudit = async (
  q: SqlTx,
  at: Date,
  action: CentralAuditAction,
  deviceId: string | null,
  detail: Record<string, unknown>,
): Promise<void> => {
  await q.query(
    'INSERT INTO central_audit (at, action, device_id, detail) VALUES ($1, $2, $3, $4)',
    [at.toISOString(), action, deviceId, JSON.stringify(detail)],
  );
};

export type RefusalAction = 'auth.refused' | 'token.refused' | 'enrolment.refused' | 'rate.limited';

/** Refusals from one source (address, device, reason) share one audit row per window. */
export const REFUSAL_AUDIT_WINDOW_MS = 60_000;
// Second key of the two-key advisory lock, serialising writers of one source's row.
const REFUSAL_LOCK = 7305003;

/**
 * Audits a refused request as a count: the window's first refusal from a source is a row
 * (`count: 1`), later ones add to its `count` and `last_at`. A flood leaves a few rows, not one
 * per request, and still says how many there were.
 */
export const auditRefusal = (
  store: CentralStore,
  at: Date,
  action: RefusalAction,
  deviceId: string | null,
  detail: Record<string, unknown> & { readonly ip: string; readonly reason?: string },
): Promise<void> =>
  store.transaction(async (tx) => {
    const reason = detail.reason ?? null;
    const windowStart = new Date(at.getTime() - (at.getTime() % REFUSAL_AUDIT_WINDOW_MS));
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      REFUSAL_LOCK,
      JSON.stringify([action, detail.ip, deviceId, reason]),
    ]);
    const counted = await tx.query(
      `UPDATE central_audit SET detail = detail || jsonb_build_object(
         'count', coalesce((detail->>'count')::int, 1) + 1, 'last_at', $6::text)
       WHERE id = (SELECT id FROM central_audit WHERE action = $1 AND at >= $2
         AND device_id IS NOT DISTINCT FROM $3 AND detail->>'ip' = $4
         AND detail->>'reason' IS NOT DISTINCT FROM $5 ORDER BY id DESC LIMIT 1)
       RETURNING id`,
      [action, windowStart.toISOString(), deviceId, detail.ip, reason, at.toISOString()],
    );
    if (counted.length === 0) await centralAudit(tx, at, action, deviceId, { ...detail, count: 1 });
  });
