import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { openToOthers } from '../platform/private-files';

export const KEY_FILE = 'ventanilla.keys';
/** Written by the desktop app: the same keys, wrapped by the OS keystore (src/main/key-store.ts). */
export const WRAPPED_KEY_FILE = 'ventanilla.keys.wrapped';

/** The database key and the HMAC key for document numbers: 32 random bytes each. */
export interface InstallationKeys {
  readonly dbKey: Buffer;
  readonly hmacKey: Buffer;
}

const KeyFile = z.object({
  version: z.literal(1),
  dbKey: z.string().regex(/^[0-9a-f]{64}$/),
  hmacKey: z.string().regex(/^[0-9a-f]{64}$/),
});

export const keyFilePath = (dataDir: string): string => join(dataDir, KEY_FILE);
export const wrappedKeyFilePath = (dataDir: string): string => join(dataDir, WRAPPED_KEY_FILE);

export const readKeyFile = (dataDir: string): InstallationKeys | null => {
  const path = keyFilePath(dataDir);
  if (!existsSync(path)) return null;
  let parsed;
  try {
    parsed = KeyFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    throw new AppError('key_file_corrupt', { path });
  }
  if (!parsed.success) throw new AppError('key_file_corrupt', { path });
  // As ssh does with a private key: refuse rather than quietly fix, since the keys may
  // already have been copied and the administrator has to know.
  const mode = statSync(path).mode & 0o777;
  if (openToOthers(mode)) throw new AppError('key_file_too_open', { path, mode: mode.toString(8) });
  return {
    dbKey: Buffer.from(parsed.data.dbKey, 'hex'),
    hmacKey: Buffer.from(parsed.data.hmacKey, 'hex'),
  };
};

/** Creates the key file (0600) only if there is none; never replaces an existing one. */
export const createKeyFile = (dataDir: string): InstallationKeys => {
  const keys = { dbKey: randomBytes(32), hmacKey: randomBytes(32) };
  const body = JSON.stringify({
    version: 1,
    dbKey: keys.dbKey.toString('hex'),
    hmacKey: keys.hmacKey.toString('hex'),
  });
  writeFileSync(keyFilePath(dataDir), body, { mode: 0o600, flag: 'wx' });
  chmodSync(keyFilePath(dataDir), 0o600);
  return keys;
};
