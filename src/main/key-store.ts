import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';
import {
  type InstallationKeys,
  keyFilePath,
  readKeyFile,
  wrappedKeyFilePath,
} from '../core/db/keys';
import { DB_FILE, ensureWritableDir } from '../core/db/open';
import { AppError } from '../shared/errors';

/** The documented kiosk switch: Linux counters without a desktop keyring may opt in. */
export const ALLOW_BASIC_TEXT_ENV = 'VENTANILLA_ALLOW_BASIC_TEXT_KEYSTORE';
/** The one documented migration step: start the desktop app once with this flag. */
export const MIGRATE_KEYS_FLAG = '--migrate-keys';

export interface KeyStoreOptions {
  readonly dataDir: string;
  readonly platform: NodeJS.Platform;
  /** Linux `basic_text` wraps with a constant password: allowed only for documented kiosks. */
  readonly allowBasicText: boolean;
  /** Move an existing plain key file (CLI / dev set-up) into the keystore. */
  readonly migrateKeyFile: boolean;
}

const WrappedFile = z.object({
  version: z.literal(1),
  backend: z.string().min(1),
  wrapped: z.base64(),
});

const PlainKeys = z.object({
  dbKey: z.string().regex(/^[0-9a-f]{64}$/),
  hmacKey: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Which keystore wraps the keys; on Linux the choice depends on the desktop session. */
const currentBackend = (platform: NodeJS.Platform): string => {
  if (platform === 'linux') return safeStorage.getSelectedStorageBackend();
  return platform === 'win32' ? 'dpapi' : platform === 'darwin' ? 'keychain' : platform;
};

const sameKeys = (a: InstallationKeys, b: InstallationKeys): boolean =>
  timingSafeEqual(a.dbKey, b.dbKey) && timingSafeEqual(a.hmacKey, b.hmacKey);

/** tmp + fsync + rename: a crash leaves the old file or the new one, never half of one. */
const writeAtomically = (path: string, body: string): void => {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, body);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
};

/** Overwrites before unlinking; best effort on SSDs and copy-on-write filesystems (see README). */
const destroyPlainKeyFile = (path: string): void => {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(statSync(path).size));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  rmSync(path);
};

const wrap = async (keys: InstallationKeys, backend: string): Promise<string> => {
  const plain = JSON.stringify({
    dbKey: keys.dbKey.toString('hex'),
    hmacKey: keys.hmacKey.toString('hex'),
  });
  const wrapped = await safeStorage.encryptStringAsync(plain);
  return JSON.stringify({ version: 1, backend, wrapped: wrapped.toString('base64') });
};

const unwrap = async (
  path: string,
  backend: string,
): Promise<{ keys: InstallationKeys; rewrap: boolean }> => {
  let record;
  try {
    record = WrappedFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    throw new AppError('keystore_file_corrupt', { path });
  }
  if (!record.success) throw new AppError('keystore_file_corrupt', { path });
  // Another backend would "decrypt" with the wrong key: stop before producing garbage.
  if (record.data.backend !== backend)
    throw new AppError('keystore_backend_changed', {
      recorded: record.data.backend,
      current: backend,
    });
  let result;
  try {
    result = await safeStorage.decryptStringAsync(Buffer.from(record.data.wrapped, 'base64'));
  } catch {
    throw new AppError('keystore_unwrap_failed', { path });
  }
  let keys;
  try {
    keys = PlainKeys.safeParse(JSON.parse(result.result));
  } catch {
    throw new AppError('keystore_unwrap_failed', { path });
  }
  if (!keys.success) throw new AppError('keystore_unwrap_failed', { path });
  return {
    keys: {
      dbKey: Buffer.from(keys.data.dbKey, 'hex'),
      hmacKey: Buffer.from(keys.data.hmacKey, 'hex'),
    },
    rewrap: result.shouldReEncrypt,
  };
};

/** Wraps, writes, and reads back before anything relies on the new file. */
const storeWrapped = async (path: string, keys: InstallationKeys, backend: string) => {
  writeAtomically(path, await wrap(keys, backend));
  const check = await unwrap(path, backend);
  if (!sameKeys(check.keys, keys)) throw new AppError('keystore_unwrap_failed', { path });
};

/**
 * The desktop app's keys: unwrapped from `ventanilla.keys.wrapped` by the OS keystore
 * (DPAPI, Keychain, libsecret/KWallet), created on first run, or migrated from the plain
 * key file on request. Call after `app` is ready.
 */
export const loadDesktopKeys = async (options: KeyStoreOptions): Promise<InstallationKeys> => {
  const { dataDir, platform } = options;
  ensureWritableDir(dataDir);
  // Asking first also initialises the async encryptor, which settles the Linux backend.
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const backend = currentBackend(platform);
  if (backend === 'basic_text' && !options.allowBasicText)
    throw new AppError('keystore_basic_text', { setting: ALLOW_BASIC_TEXT_ENV });
  if (!available || backend === 'unknown') throw new AppError('keystore_unavailable');

  const wrappedPath = wrappedKeyFilePath(dataDir);
  const plainPath = keyFilePath(dataDir);
  if (existsSync(wrappedPath)) {
    const { keys, rewrap } = await unwrap(wrappedPath, backend);
    if (existsSync(plainPath)) {
      // Only an interrupted migration leaves both; anything else needs a person to look.
      const plain = readKeyFile(dataDir);
      if (!plain || !sameKeys(plain, keys))
        throw new AppError('keystore_conflict', { path: plainPath });
      destroyPlainKeyFile(plainPath);
    }
    if (rewrap) await storeWrapped(wrappedPath, keys, backend);
    return keys;
  }
  if (existsSync(plainPath)) {
    if (!options.migrateKeyFile)
      throw new AppError('keystore_migration_needed', { path: plainPath, flag: MIGRATE_KEYS_FLAG });
    const keys = readKeyFile(dataDir);
    if (!keys) throw new AppError('key_file_corrupt', { path: plainPath });
    await storeWrapped(wrappedPath, keys, backend);
    destroyPlainKeyFile(plainPath);
    return keys;
  }
  // A database without its key is unreadable: never invent a new key for it.
  if (existsSync(join(dataDir, DB_FILE))) throw new AppError('key_file_missing', { path: dataDir });
  const keys = { dbKey: randomBytes(32), hmacKey: randomBytes(32) };
  await storeWrapped(wrappedPath, keys, backend);
  return keys;
};
