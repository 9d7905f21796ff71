import { centralAudit } from './central-audit';
import type { CentralStore } from './db/store';
import { newEnrolmentCode, newStaffToken, normaliseCode, sha256Hex } from './secrets';

export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60_000;

/** What the IT person runs at central: `ventanilla central enroll-device NAME`. */
export const createEnrolmentCode = async (
  store: CentralStore,
  name: string,
  now: Date,
): Promise<{ code: string; expires_at: string }> => {
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_TTL_MS).toISOString();
  await store.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO enrolment_codes (code_hash, device_name, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [sha256Hex(normaliseCode(code)), name, now.toISOString(), expiresAt],
    );
    await centralAudit(tx, now, 'enrolment.code_created', null, { name, expires_at: expiresAt });
  });
  return { code, expires_at: expiresAt };
};

/** Takes effect on the device's next request: every request looks the device up. */
export const revokeDevice = async (
  store: CentralStore,
  deviceId: string,
  now: Date,
): Promise<boolean> =>
  store.transaction(async (tx) => {
    const rows = await tx.query(
      'UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [deviceId, now.toISOString()],
    );
    if (rows.length > 0) await centralAudit(tx, now, 'device.revoked', deviceId, {});
    return rows.length > 0;
  });

/** A bearer token for officials' directory look-ups and the device board. Shown once. */
export const createStaffToken = async (
  store: CentralStore,
  name: string,
  now: Date,
): Promise<string> => {
  const token = newStaffToken();
  await store.transaction(async (tx) => {
    await tx.query('INSERT INTO staff_tokens (token_hash, name, created_at) VALUES ($1, $2, $3)', [
      sha256Hex(token),
      name,
      now.toISOString(),
    ]);
    await centralAudit(tx, now, 'token.created', null, { name });
  });
  return token;
};
