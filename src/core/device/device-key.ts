import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { putSetting, settingValue } from '../settings/store';

export interface DeviceKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** SPKI DER, base64: what central stores at enrolment. */
  readonly publicKeyBase64: string;
}

const SETTING = 'device_signing_key';

/**
 * This counter's Ed25519 key: signs sync requests and audit checkpoints. Created on first use
 * and kept in the (encrypted) database, so it never sits on disk in the clear.
 */
export const deviceKey = (db: Database): DeviceKey => {
  const stored = settingValue(db, SETTING);
  let privateKey: KeyObject;
  if (typeof stored === 'string') {
    privateKey = createPrivateKey({
      key: Buffer.from(stored, 'base64'),
      format: 'der',
      type: 'pkcs8',
    });
  } else {
    privateKey = generateKeyPairSync('ed25519').privateKey;
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    putSetting(db, SETTING, der);
  }
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
};

export const signWithDeviceKey = (key: DeviceKey, message: Buffer | string): string =>
  sign(null, Buffer.from(message), key.privateKey).toString('base64');
