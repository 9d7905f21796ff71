import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE } from '../../../src/core/db/keys';
import { DB_FILE, openDatabase } from '../../../src/core/db/open';
import { createOcrService } from '../../../src/core/ocr/ocr-service';
import { scannerInbox } from '../../../src/core/verifications/scanner-inbox';
import { translateError } from '../../../src/shared/i18n';
import { tempDir } from '../../helpers/temp-dir';
import { testCore } from '../../helpers/test-core';

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('data folder permissions', () => {
  it('refuses a key file others can read, naming the fix, and changes nothing', () => {
    const dir = tempDir();
    openDatabase(dir).db.close();
    const keyFile = join(dir, KEY_FILE);
    const before = readFileSync(keyFile);
    for (const open of [0o644, 0o640, 0o604]) {
      chmodSync(keyFile, open);
      expect(() => openDatabase(dir)).toThrow(
        expect.objectContaining({
          code: 'key_file_too_open',
          params: { path: keyFile, mode: open.toString(8) },
        }),
      );
      expect(mode(keyFile)).toBe(open);
    }
    expect(readFileSync(keyFile)).toEqual(before);
    const params = { path: keyFile, mode: '644' };
    expect(translateError('es', { code: 'key_file_too_open', params })).toContain(
      `chmod 600 ${keyFile}`,
    );
    expect(translateError('en', { code: 'key_file_too_open', params })).toContain(
      `chmod 600 ${keyFile}`,
    );
    chmodSync(keyFile, 0o600);
    openDatabase(dir).db.close();
  });

  it('creates the database and its WAL files 0600, and tightens an existing 0644 one', () => {
    const t = testCore();
    const db = join(t.dataDir, DB_FILE);
    expect(mode(db)).toBe(0o600);
    expect(mode(`${db}-wal`)).toBe(0o600);
    expect(mode(`${db}-shm`)).toBe(0o600);
    t.core.close();
    chmodSync(db, 0o644);
    openDatabase(t.dataDir).db.close();
    expect(mode(db)).toBe(0o600);
  });

  it('keeps the OCR cache and the scanner inbox 0700, tightening folders left 0755', async () => {
    const t = testCore();
    const cacheDir = join(t.dataDir, 'ocr-cache');
    const fresh = createOcrService({ cacheDir });
    await fresh.close();
    expect(mode(cacheDir)).toBe(0o700);
    chmodSync(cacheDir, 0o755);
    const ocr = createOcrService({ cacheDir });
    expect(mode(cacheDir)).toBe(0o700);

    const scanner = join(t.dataDir, 'scanner');
    mkdirSync(scanner, { mode: 0o755 });
    chmodSync(scanner, 0o755);
    const inbox = scannerInbox(t.core.deps, () => ocr);
    await inbox.ready();
    await inbox.close();
    await ocr.close();
    expect(mode(scanner)).toBe(0o700);
  });
});
