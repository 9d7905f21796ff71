import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { diskFullError, isDiskFull } from '../platform/disk-full';
import { privateDir } from '../platform/private-files';

/**
 * Attachments live as files next to the database, each sealed with AES-256-GCM under a key
 * derived from the database key. The attachment id is the associated data, so a file swapped
 * onto another row fails to open.
 */

const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const attachmentsDir = (dataDir: string): string => join(dataDir, 'attachments');

const fileOf = (dataDir: string, id: string): string => {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new AppError('forms_attachment_not_found', { id }, 404);
  return join(attachmentsDir(dataDir), `${id}.enc`);
};

export const attachmentKey = (dbKey: Buffer): Buffer =>
  Buffer.from(
    hkdfSync('sha256', dbKey, Buffer.from('ventanilla'), Buffer.from('attachments v1'), 32),
  );

export const sealAttachment = (key: Buffer, id: string, plain: Buffer): Buffer => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(id));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT]), iv, body, cipher.getAuthTag()]);
};

export const openAttachment = (key: Buffer, id: string, sealed: Buffer): Buffer => {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT) {
    throw new AppError('forms_attachment_corrupt', { id }, 500);
  }
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(id));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(1 + IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new AppError('forms_attachment_corrupt', { id }, 500);
  }
};

/**
 * Written to a temporary name, flushed, then renamed: a crash never leaves a torn file, and a
 * failed write (a full disk) removes its temporary at once.
 */
export const writeSealed = (dataDir: string, key: Buffer, id: string, plain: Buffer): void => {
  privateDir(attachmentsDir(dataDir));
  const target = fileOf(dataDir, id);
  const tmp = `${target}.tmp`;
  try {
    writeFileSync(tmp, sealAttachment(key, id, plain), { mode: 0o600, flush: true });
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw isDiskFull(e) ? diskFullError() : e;
  }
};

export const readSealed = (dataDir: string, key: Buffer, id: string): Buffer => {
  let sealed: Buffer;
  try {
    sealed = readFileSync(fileOf(dataDir, id));
  } catch {
    throw new AppError('forms_attachment_not_found', { id }, 404);
  }
  return openAttachment(key, id, sealed);
};

export const removeSealed = (dataDir: string, id: string): void => {
  rmSync(fileOf(dataDir, id), { force: true });
};

/** Ids of the sealed files on disk (and stray temporaries), for the orphan sweep. */
export const storedAttachmentFiles = (dataDir: string): string[] => {
  try {
    return readdirSync(attachmentsDir(dataDir)).filter((f) => /\.enc(\.tmp)?$/.test(f));
  } catch {
    return [];
  }
};
