import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { DB_FILE, applyKey, openDatabase } from '../../../src/core/db/open';
import { KEY_FILE } from '../../../src/core/db/keys';
import {
  knownMigrations,
  latestVersion,
  migrate,
  parseMigrations,
} from '../../../src/core/db/migrations';
import { tempDir } from '../../helpers/temp-dir';

describe('encrypted database', () => {
  it('is not readable as plain SQLite, and opens with SQLCipher 4 and the key', () => {
    const dir = tempDir();
    const { db, keys } = openDatabase(dir);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('probe', '"x"')`).run();
    db.close();
    expect(readFileSync(join(dir, DB_FILE)).subarray(0, 16).toString('latin1')).not.toBe(
      'SQLite format 3\0',
    );
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);

    const plain = new Database(join(dir, DB_FILE));
    expect(() => plain.prepare('SELECT * FROM sqlite_master').all()).toThrow(/not a database/);
    plain.close();

    // What a standard SQLCipher tool does with the key: cipher sqlcipher, legacy 4, raw key.
    const tool = new Database(join(dir, DB_FILE));
    applyKey(tool, keys.dbKey);
    expect(tool.prepare(`SELECT value FROM settings WHERE key = 'probe'`).get()).toEqual({
      value: '"x"',
    });
    expect(tool.pragma('journal_mode', { simple: true })).toBe('wal');
    tool.close();
  });

  it('uses WAL, full sync and foreign keys', () => {
    const { db } = openDatabase(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a corrupt key file and leaves it and the database untouched', () => {
    const dir = tempDir();
    openDatabase(dir).db.close();
    writeFileSync(join(dir, KEY_FILE), '{"version":1,"dbKey":"short"}');
    const before = readFileSync(join(dir, DB_FILE));
    expect(() => openDatabase(dir)).toThrow(expect.objectContaining({ code: 'key_file_corrupt' }));
    expect(readFileSync(join(dir, KEY_FILE), 'utf8')).toBe('{"version":1,"dbKey":"short"}');
    expect(readFileSync(join(dir, DB_FILE)).equals(before)).toBe(true);
  });

  it('never invents a new key for an existing database', () => {
    const dir = tempDir();
    openDatabase(dir).db.close();
    const keyFile = join(dir, KEY_FILE);
    writeFileSync(keyFile + '.bak', readFileSync(keyFile));
    writeFileSync(keyFile, '');
    expect(() => openDatabase(dir)).toThrow(expect.objectContaining({ code: 'key_file_corrupt' }));
  });

  it('reports a wrong key clearly', () => {
    const dir = tempDir();
    openDatabase(dir).db.close();
    const keys = JSON.parse(readFileSync(join(dir, KEY_FILE), 'utf8')) as Record<string, string>;
    writeFileSync(join(dir, KEY_FILE), JSON.stringify({ ...keys, dbKey: 'ab'.repeat(32) }));
    expect(() => openDatabase(dir)).toThrow(
      expect.objectContaining({ code: 'database_key_mismatch' }),
    );
  });

  it('refuses a data directory it cannot write', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), '');
    expect(() => openDatabase(join(dir, 'a-file', 'sub'))).toThrow(
      expect.objectContaining({ code: 'data_dir_not_writable' }),
    );
  });
});

describe('migrations', () => {
  it('are numbered without gaps and apply in order', () => {
    expect(knownMigrations.map((m) => m.version)).toEqual(knownMigrations.map((_, i) => i + 1));
  });

  it('refuse a database from a newer app, changing nothing', () => {
    const dir = tempDir();
    const { db } = openDatabase(dir);
    db.prepare(
      `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')`,
    ).run();
    db.close();
    expect(() => openDatabase(dir)).toThrow(
      expect.objectContaining({
        code: 'database_newer_than_app',
        params: { version: 999, supported: latestVersion() },
      }),
    );
  });

  it('require the applied list to be a prefix of the known list', () => {
    const db = new Database(':memory:');
    const v1 = parseMigrations({ './migrations/0001-a.sql': 'CREATE TABLE a (x INTEGER) STRICT;' });
    const renamed = parseMigrations({
      './migrations/0001-b.sql': 'CREATE TABLE b (x INTEGER) STRICT;',
    });
    expect(migrate(db, v1)).toBe(1);
    expect(() => migrate(db, renamed)).toThrow(
      expect.objectContaining({ code: 'database_schema_mismatch' }),
    );
  });

  it('roll back a failing migration completely', () => {
    const db = new Database(':memory:');
    const bad = parseMigrations({
      './migrations/0001-a.sql': 'CREATE TABLE a (x INTEGER) STRICT;',
      './migrations/0002-b.sql':
        'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);',
    });
    expect(() => migrate(db, bad)).toThrow();
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all();
    expect(tables).toEqual(['a', 'schema_migrations']);
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1]);
  });
});
