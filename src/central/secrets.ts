import { createHash, randomBytes } from 'node:crypto';

export const sha256Hex = (data: string | Buffer): string =>
  createHash('sha256').update(data).digest('hex');

/** Human-typable one-time code: 16 chars of Crockford base32 (80 bits), grouped by 4. */
export const newEnrolmentCode = (): string => {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % 32]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
};

/** Codes are typed by people: ignore case, spaces and dashes, and read O/I/L as digits. */
export const normaliseCode = (code: string): string =>
  code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

export const newStaffToken = (): string => randomBytes(32).toString('base64url');
