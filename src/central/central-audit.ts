import type { SqlTx } from './db/store';

/** Central's own audit actions: enrolment, revocation, refused requests, directory look-ups. */
export type CentralAuditAction =
  | 'enrolment.code_created'
  | 'enrolment.refused'
  | 'device.enrolled'
  | 'device.revoked'
  | 'auth.refused'
  | 'token.created'
  | 'token.refused'
  | 'directory.lookup'
  | 'verification.request_created'
  | 'verification.request_withdrawn'
  | 'verification.proof_confirmed'
  | 'verification.proof_refused'
  | 'verification.revoked'
  | 'register.imported'
  | 'template.published';

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
