import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wireCore } from '../../src/core/app/wire-core';
import { openDatabase } from '../../src/core/db/open';
import { translate } from '../../src/shared/i18n';
import { tempDir } from '../helpers/temp-dir';

/** A stand-in OS keystore: AES-GCM under a secret that belongs to the selected backend. */
const keystore = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret',
  reEncrypt: false,
  decrypts: 0,
}));

vi.mock('electron', () => {
  const secret = (backend: string) => createHash('sha256').update(`os-secret:${backend}`).digest();
  return {
    safeStorage: {
      isAsyncEncryptionAvailable: async () => keystore.available,
      getSelectedStorageBackend: () => keystore.backend,
      encryptStringAsync: async (plain: string) => {
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', secret(keystore.backend), iv);
        const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
        return Buffer.concat([iv, cipher.getAuthTag(), body]);
      },
      decryptStringAsync: async (data: Buffer) => {
        keystore.decrypts += 1;
        const decipher = createDecipheriv(
          'aes-256-gcm',
          secret(keystore.backend),
          data.subarray(0, 12),
        );
        decipher.setAuthTag(data.subarray(12, 28));
        const result = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
        return { result: result.toString('utf8'), shouldReEncrypt: keystore.reEncrypt };
      },
    },
  };
});

const { loadDesktopKeys, ALLOW_BASIC_TEXT_ENV, MIGRATE_KEYS_FLAG } =
  await import('../../src/main/key-store');

const options = (dataDir: string, extra: Partial<Parameters<typeof loadDesktopKeys>[0]> = {}) => ({
  dataDir,
  platform: 'linux' as const,
  allowBasicText: false,
  migrateKeyFile: false,
  ...extra,
});
const wrappedFile = (dir: string) => join(dir, 'ventanilla.keys.wrapped');
const plainFile = (dir: string) => join(dir, 'ventanilla.keys');
const code = (c: string) => expect.objectContaining({ code: c });

/** Opens the real encrypted database with the given keys and lists the staff usernames. */
const usernames = (dataDir: string, keys: Awaited<ReturnType<typeof loadDesktopKeys>>) => {
  const core = wireCore({ dataDir, keys, log: () => undefined });
  try {
    return core.deps.db.prepare('SELECT username FROM staff ORDER BY username').pluck().all();
  } finally {
    core.close();
  }
};

beforeEach(() => {
  Object.assign(keystore, {
    available: true,
    backend: 'gnome_libsecret',
    reEncrypt: false,
    decrypts: 0,
  });
});
afterEach(() => vi.restoreAllMocks());

describe('desktop key store (OS keystore via safeStorage, mocked)', () => {
  it('creates wrapped keys on first run and unwraps the same keys later', async () => {
    const dir = tempDir();
    const keys = await loadDesktopKeys(options(dir));
    expect(existsSync(plainFile(dir))).toBe(false);
    const stored = readFileSync(wrappedFile(dir), 'utf8');
    expect(JSON.parse(stored)).toMatchObject({ version: 1, backend: 'gnome_libsecret' });
    expect(stored).not.toContain(keys.dbKey.toString('hex'));
    expect(stored).not.toContain(keys.hmacKey.toString('hex'));
    const again = await loadDesktopKeys(options(dir));
    expect(again.dbKey.equals(keys.dbKey) && again.hmacKey.equals(keys.hmacKey)).toBe(true);
    // The real encrypted database opens with them, and the CLI's key-file path says why it cannot.
    expect(usernames(dir, again)).toEqual([]);
    expect(() => openDatabase(dir)).toThrow(code('keys_wrapped_by_desktop'));
  });

  it('refuses the Linux basic_text backend unless the kiosk setting allows it', async () => {
    const dir = tempDir();
    keystore.backend = 'basic_text';
    await expect(loadDesktopKeys(options(dir))).rejects.toEqual(code('keystore_basic_text'));
    // The refusal names the real cause even when the keystore also reports itself unavailable.
    keystore.available = false;
    await expect(loadDesktopKeys(options(dir))).rejects.toEqual(code('keystore_basic_text'));
    keystore.available = true;
    expect(existsSync(wrappedFile(dir))).toBe(false);
    const keys = await loadDesktopKeys(options(dir, { allowBasicText: true }));
    expect(JSON.parse(readFileSync(wrappedFile(dir), 'utf8')).backend).toBe('basic_text');
    expect(keys.dbKey).toHaveLength(32);
    expect(
      translate('en', 'errors.keystore_basic_text', { setting: ALLOW_BASIC_TEXT_ENV }),
    ).toContain('VENTANILLA_ALLOW_BASIC_TEXT_KEYSTORE=1');
  });

  it('records the backend and stops before decrypting when it changes', async () => {
    const dir = tempDir();
    await loadDesktopKeys(options(dir));
    const before = readFileSync(wrappedFile(dir));
    keystore.backend = 'kwallet5';
    keystore.decrypts = 0;
    await expect(loadDesktopKeys(options(dir))).rejects.toEqual(code('keystore_backend_changed'));
    expect(keystore.decrypts).toBe(0);
    expect(readFileSync(wrappedFile(dir)).equals(before)).toBe(true);
    keystore.backend = 'gnome_libsecret';
    await expect(loadDesktopKeys(options(dir))).resolves.toBeDefined();
  });

  it('refuses an unavailable keystore and an unwrappable file, changing nothing', async () => {
    const dir = tempDir();
    keystore.available = false;
    await expect(loadDesktopKeys(options(dir))).rejects.toEqual(code('keystore_unavailable'));
    keystore.available = true;
    await loadDesktopKeys(options(dir, { platform: 'win32' }));
    expect(JSON.parse(readFileSync(wrappedFile(dir), 'utf8')).backend).toBe('dpapi');
    const record = JSON.parse(readFileSync(wrappedFile(dir), 'utf8'));
    record.wrapped = randomBytes(80).toString('base64');
    writeFileSync(wrappedFile(dir), JSON.stringify(record));
    await expect(loadDesktopKeys(options(dir, { platform: 'win32' }))).rejects.toEqual(
      code('keystore_unwrap_failed'),
    );
    writeFileSync(wrappedFile(dir), '{"version":1');
    await expect(loadDesktopKeys(options(dir, { platform: 'win32' }))).rejects.toEqual(
      code('keystore_file_corrupt'),
    );
  });

  it('re-wraps when the keystore asks for it', async () => {
    const dir = tempDir();
    const keys = await loadDesktopKeys(options(dir));
    const before = readFileSync(wrappedFile(dir), 'utf8');
    keystore.reEncrypt = true;
    const again = await loadDesktopKeys(options(dir));
    expect(again.dbKey.equals(keys.dbKey)).toBe(true);
    expect(readFileSync(wrappedFile(dir), 'utf8')).not.toBe(before);
  });

  it('migrates the plain key file in one step and leaves no plain key behind', async () => {
    const dir = tempDir();
    // The CLI / dev set-up: plain key file and a database with data in it.
    const cli = wireCore({ dataDir: dir, log: () => undefined });
    cli.deps.db
      .prepare(
        "INSERT INTO staff (username, display_name, role, password_hash, created_at, updated_at) VALUES ('ana', 'Ana', 'clerk', 'x', '2026-01-01', '2026-01-01')",
      )
      .run();
    cli.close();
    const plain = readFileSync(plainFile(dir), 'utf8');

    await expect(loadDesktopKeys(options(dir))).rejects.toEqual(code('keystore_migration_needed'));
    expect(readFileSync(plainFile(dir), 'utf8')).toBe(plain);
    expect(
      translate('es', 'errors.keystore_migration_needed', {
        path: plainFile(dir),
        flag: MIGRATE_KEYS_FLAG,
      }),
    ).toContain('--migrate-keys');

    const keys = await loadDesktopKeys(options(dir, { migrateKeyFile: true }));
    expect(existsSync(plainFile(dir))).toBe(false);
    expect(existsSync(wrappedFile(dir))).toBe(true);
    expect(JSON.parse(plain).dbKey).toBe(keys.dbKey.toString('hex'));
    expect(usernames(dir, keys)).toEqual(['ana']);
  });

  it('finishes an interrupted migration, but never deletes a plain key that differs', async () => {
    const dir = tempDir();
    const keys = await loadDesktopKeys(options(dir));
    const body = (db: Buffer) =>
      JSON.stringify({
        version: 1,
        dbKey: db.toString('hex'),
        hmacKey: keys.hmacKey.toString('hex'),
      });
    writeFileSync(plainFile(dir), body(keys.dbKey), { mode: 0o600 });
    await loadDesktopKeys(options(dir));
    expect(existsSync(plainFile(dir))).toBe(false);

    writeFileSync(plainFile(dir), body(randomBytes(32)), { mode: 0o600 });
    await expect(loadDesktopKeys(options(dir))).rejects.toEqual(code('keystore_conflict'));
    expect(existsSync(plainFile(dir))).toBe(true);
  });

  it('never invents keys for an existing database', async () => {
    const dir = tempDir();
    const keys = await loadDesktopKeys(options(dir));
    usernames(dir, keys);
    rmSync(wrappedFile(dir));
    await expect(loadDesktopKeys(options(dir))).rejects.toEqual(code('key_file_missing'));
    expect(existsSync(wrappedFile(dir))).toBe(false);
  });

  it('has Spanish and English text for every key store error', () => {
    for (const c of [
      'keystore_unavailable',
      'keystore_basic_text',
      'keystore_backend_changed',
      'keystore_file_corrupt',
      'keystore_unwrap_failed',
      'keystore_conflict',
      'keystore_migration_needed',
      'keys_wrapped_by_desktop',
    ]) {
      for (const lang of ['es', 'en'] as const) {
        expect(translate(lang, `errors.${c}`), `${lang} ${c}`).not.toBe(`errors.${c}`);
      }
    }
  });
});
