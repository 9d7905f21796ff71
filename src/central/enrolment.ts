import { createPublicKey } from 'node:crypto';
import type { z } from 'zod';
import type { EnrolRequest } from '../shared/contract/sync';
import { auditRefusal, centralAudit } from './audit/store';
import type { CentralStore } from './db/store';
import { normaliseCode, sha256Hex } from './secrets';

export type EnrolResult =
  | { readonly ok: true; readonly device_id: string; readonly name: string }
  | { readonly ok: false; readonly status: 400 | 403 | 409; readonly error: string };

const isEd25519Spki = (base64: string): boolean => {
  try {
    return (
      createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' })
        .asymmetricKeyType === 'ed25519'
    );
  } catch {
    return false;
  }
};

/** Redeems a one-time code: registers the counter's public key under its device id. */
export const enrolDevice = async (
  store: CentralStore,
  input: z.infer<typeof EnrolRequest>,
  now: Date,
  ip: string,
): Promise<EnrolResult> => {
  if (!isEd25519Spki(input.public_key)) return { ok: false, status: 400, error: 'bad_public_key' };
  const result = await store.transaction(async (tx): Promise<EnrolResult> => {
    const [code] = await tx.query<{
      code_hash: string;
      device_name: string;
      expires_at: Date;
      used_at: Date | null;
    }>(
      'SELECT code_hash, device_name, expires_at, used_at FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE',
      [sha256Hex(normaliseCode(input.code))],
    );
    if (!code || code.used_at) return { ok: false, status: 403, error: 'enrolment_code_invalid' };
    if (new Date(code.expires_at).getTime() <= now.getTime()) {
      return { ok: false, status: 403, error: 'enrolment_code_expired' };
    }
    const inserted = await tx.query(
      `INSERT INTO devices (id, name, public_key, enrolled_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [input.device_id, code.device_name, input.public_key, now.toISOString()],
    );
    if (inserted.length === 0) return { ok: false, status: 409, error: 'device_exists' };
    await tx.query('UPDATE enrolment_codes SET used_at = $2, device_id = $3 WHERE code_hash = $1', [
      code.code_hash,
      now.toISOString(),
      input.device_id,
    ]);
    await centralAudit(tx, now, 'device.enrolled', input.device_id, { name: code.device_name, ip });
    return { ok: true, device_id: input.device_id, name: code.device_name };
  });
  // Refusals are audited outside the (rolled-forward, effect-free) transaction above.
  if (!result.ok) {
    // Counted per address: a guesser claims a new device id each time (the first is kept).
    await auditRefusal(store, now, 'enrolment.refused', null, {
      reason: result.error,
      ip,
      device_id: input.device_id,
    });
  }
  return result;
};
