import { describe, expect, it } from 'vitest';
import { counterLadder, databaseAt } from '../../helpers/migration-steps';

describe('migration 0001 foundation', () => {
  it('creates STRICT tables', async () => {
    const db = await databaseAt(counterLadder, 1);
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

  it('rejects unknown roles', async () => {
    const db = await databaseAt(counterLadder, 1);
    expect(() =>
      db
        .prepare(
          `INSERT INTO staff (username, display_name, role, password_hash, created_at, updated_at) VALUES ('x', 'x', 'boss', 'h', 't', 't')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('makes the audit log append-only', async () => {
    const db = await databaseAt(counterLadder, 1);
    db.prepare(
      `INSERT INTO audit_log (seq, at, utc_offset_min, device, actor_name, actor_role, action, details, prev_hash, hash)
       VALUES (1, 't', 0, 'd', 'a', 'system', 'x', '{}', 'p', 'h')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit_log SET action = 'y'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  });
});
