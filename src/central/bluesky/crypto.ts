import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openToOthers } from '../../core/platform/private-files';
import { AppError } from '../../shared/errors';

/**
 * The key the town's app password is sealed with, in central's data folder (0600), never in the
 * database: a database dump or a PostgreSQL replica alone does not give the account away.
 */
export const blueskyKey = (dataDir: string): Buffer => {
  const path = join(dataDir, 'bluesky.key');
  if (!existsSync(path)) writeFileSync(path, randomBytes(32), { mode: 0o600, flag: 'wx' });
  // As the counter's key file: refused rather than quietly fixed, the key may have been copied.
  const mode = statSync(path).mode & 0o777;
  if (openToOthers(mode)) throw new AppError('key_file_too_open', { path, mode: mode.toString(8) });
  const key = readFileSync(path);
  if (key.length !== 32) throw new AppError('key_file_corrupt', { path });
  return key;
};

/** AES-256-GCM: `iv.tag.ciphertext`, base64url parts. */
export const seal = (key: Buffer, plain: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
};

export const unseal = (key: Buffer, sealed: string): string => {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !body) throw new Error('sealed secret is malformed');
  // A tag shorter than 16 bytes would be accepted otherwise, and is far easier to forge.
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
};

const S32 = '234567abcdefghijklmnopqrstuvwxyz';

/** A record key in AT Protocol's TID form (microseconds since 1970 and a random clock id). */
export const newTid = (now: Date): string => {
  const micros = BigInt(now.getTime()) * 1000n + BigInt(randomBytes(2).readUInt16BE() % 1000);
  let n = (micros << 10n) | BigInt(randomBytes(2).readUInt16BE() & 0x3ff);
  let out = '';
  for (let i = 0; i < 13; i += 1) {
    out = (S32[Number(n & 31n)] ?? '2') + out;
    n >>= 5n;
  }
  return out;
};
