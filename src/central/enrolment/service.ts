import { createPublicKey } from 'node:crypto';
import type { z } from 'zod';
import type { EnrolRequest } from '../../shared/contract/sync';
import { isAppError } from '../../shared/errors';
import { auditRefusal, centralAudit } from '../audit/store';
import type { CentralStore } from '../db/store';
import { devicesStore } from '../devices/store';
import { refuse } from '../http/errors';
import { newEnrolmentCode, normaliseCode, sha256Hex } from '../secrets';
import { enrolmentStore } from './store';

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
    await enrolmentStore.insert(
      tx,
      { hash: sha256Hex(normaliseCode(code)), deviceName: name, expiresAt },
      now,
    );
    await centralAudit(tx, now, 'enrolment.code_created', null, { name, expires_at: expiresAt });
  });
  return { code, expires_at: expiresAt };
};

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
): Promise<{ device_id: string; name: string }> => {
  if (!isEd25519Spki(input.public_key)) throw refuse(400, 'bad_public_key');
  try {
    return await store.transaction(async (tx) => {
      const code = await enrolmentStore.lock(tx, sha256Hex(normaliseCode(input.code)));
      if (!code || code.used_at) throw refuse(403, 'enrolment_code_invalid');
      if (new Date(code.expires_at).getTime() <= now.getTime())
        throw refuse(403, 'enrolment_code_expired');
      const device = { id: input.device_id, name: code.device_name, publicKey: input.public_key };
      if (!(await devicesStore.insert(tx, device, now))) throw refuse(409, 'device_exists');
      await enrolmentStore.markUsed(tx, code.code_hash, input.device_id, now);
      await centralAudit(tx, now, 'device.enrolled', input.device_id, {
        name: code.device_name,
        ip,
      });
      return { device_id: input.device_id, name: code.device_name };
    });
  } catch (e) {
    // Refusals are audited outside the rolled-back transaction above, counted per address: a
    // guesser claims a new device id each time (the first is kept).
    if (isAppError(e))
      await auditRefusal(store, now, 'enrolment.refused', null, {
        reason: e.code,
        ip,
        device_id: input.device_id,
      });
    throw e;
  }
};
