import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { knownMigrations, migrate } from '../../../src/core/db/migrations';

const upTo = (version: number) => knownMigrations.filter((m) => m.version <= version);

describe('migration 0001 foundation', () => {
  const db = new Database(':memory:');
  migrate(db, upTo(1));

  it('creates STRICT tables', () => {
    const strict = db
      .prepare(
        `SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all();
    expect(strict).toEqual([
      { name: 'audit_log', strict: 1 },
      { name: 'outbox', strict: 1 },
      { name: 'schema_migrations', strict: 1 },
      { name: 'settings', strict: 1 },
      { name: 'staff', strict: 1 },
    ]);
  });

  it('rejects unknown roles', () => {
    expect(() =>
      db
        .prepare(
          `INSERT INTO staff (username, display_name, role, password_hash, created_at, updated_at) VALUES ('x', 'x', 'boss', 'h', 't', 't')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('makes the audit log append-only', () => {
    db.prepare(
      `INSERT INTO audit_log (seq, at, utc_offset_min, device, actor_name, actor_role, action, details, prev_hash, hash)
       VALUES (1, 't', 0, 'd', 'a', 'system', 'x', '{}', 'p', 'h')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit_log SET action = 'y'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  });
});
