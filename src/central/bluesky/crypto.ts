import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key the town's app password is sealed with, in central's data folder (0600), never in the
 * database: a database dump or a PostgreSQL replica alone does not give the account away.
 */
export const blueskyKey = (dataDir: string): Buffer => {
  const path = join(dataDir, 'bluesky.key');
  if (!existsSync(path)) writeFileSync(path, randomBytes(32), { mode: 0o600, flag: 'wx' });
  const key = readFileSync(path);
  if (key.length !== 32) throw new Error(`${path} is not a 32-byte key`);
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
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
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
