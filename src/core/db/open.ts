import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor, { type Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import { diskFullError, isDiskFull } from '../platform/disk-full';
import { privateFile, tightenIfPresent } from '../platform/private-files';
import { createKeyFile, type InstallationKeys, readKeyFile, wrappedKeyFilePath } from './keys';
import { knownMigrations, migrate, type Migration } from './migrations';

export const DB_FILE = 'ventanilla.db';

export interface OpenedDatabase {
  readonly db: Database;
  readonly keys: InstallationKeys;
  readonly path: string;
  readonly schemaVersion: number;
}

export const ensureWritableDir = (dir: string): void => {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // A real write: permission bits say nothing when running as root or on a read-only mount.
    const probe = join(dir, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch {
    throw new AppError('data_dir_not_writable', { path: dir });
  }
};

/** SQLCipher 4 format, so standard SQLCipher tools open the file with the key. */
export const applyKey = (db: Database, key: Buffer): void => {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
};

const loadKeys = (dataDir: string, dbExists: boolean): InstallationKeys => {
  const keys = readKeyFile(dataDir);
  if (keys) return keys;
  // The desktop app moved the keys into the OS keystore: only it can open this folder now.
  if (existsSync(wrappedKeyFilePath(dataDir)))
    throw new AppError('keys_wrapped_by_desktop', { path: dataDir });
  // A database without its key is unreadable: never invent a new key for it.
  if (dbExists) throw new AppError('key_file_missing', { path: dataDir });
  return createKeyFile(dataDir);
};

/** Opens (creating if needed) the encrypted database, then brings its schema up to date. */
export const openDatabase = (
  dataDir: string,
  // `keys` comes from the desktop key store; without it the key file in dataDir is used.
  options: { migrations?: readonly Migration[]; keys?: InstallationKeys } = {},
): OpenedDatabase => {
  ensureWritableDir(dataDir);
  const path = join(dataDir, DB_FILE);
  const keys = options.keys ?? loadKeys(dataDir, existsSync(path));
  // SQLite gives its -wal and -shm files the database file's mode: make that 0600 first.
  privateFile(path);
  for (const suffix of ['-wal', '-shm', '-journal']) tightenIfPresent(`${path}${suffix}`);
  const db = new DatabaseConstructor(path);
  try {
    applyKey(db, keys.dbKey);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      // A full disk fails this first read too (SQLite cannot map its -shm file): say so, not "wrong key".
      if (isDiskFull(e)) throw diskFullError();
      throw new AppError('database_key_mismatch', { path });
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const schemaVersion = migrate(db, options.migrations ?? knownMigrations);
    return { db, keys, path, schemaVersion };
  } catch (e) {
    db.close();
    throw e;
  }
};

/** True when the file does not start with the plain SQLite header. */
export const isEncryptedFile = (header: Buffer): boolean =>
  !header.subarray(0, 16).equals(Buffer.from('SQLite format 3\0', 'latin1'));
