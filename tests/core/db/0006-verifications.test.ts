import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { counterLadder, databaseAt } from '../../helpers/migration-steps';

const insert = (db: Database.Database, id: string, values: Record<string, string | null>) =>
  db
    .prepare(
      `INSERT INTO verifications (id, resident_id, network, handle, handle_key, platform_user_id, state,
         proof_method, document_type, document_hash, document_masked, clerk_name, started_at, created_at)
       VALUES (@id, @resident, @network, @handle, @key, @userId, @state, 'seen_on_device', 'DNI', 'h', '***4567**', 'c', 't', 't')`,
    )
    .run({
      id,
      resident: 'R-1',
      network: 'x',
      handle: '@a',
      key: 'a',
      userId: null,
      state: 'verified',
      ...values,
    });

describe('migration 0006 verifications', () => {
  it('creates STRICT tables with a 24-month default validity', async () => {
    const db = await databaseAt(counterLadder, 6);
    const names = [
      'verifications',
      'verification_conflicts',
      'verification_requests',
      'failed_lookups',
      'lookup_locks',
      'verification_policy',
    ];
    const rows = db
      .prepare(
        `SELECT name, strict FROM pragma_table_list WHERE name IN (${names.map(() => '?').join(',')}) ORDER BY name`,
      )
      .all(...names);
    expect(rows).toEqual([...names].sort().map((name) => ({ name, strict: 1 })));
    expect(db.prepare('SELECT validity_months FROM verification_policy').get()).toEqual({
      validity_months: 24,
    });
    expect(() => db.prepare('INSERT INTO verification_policy VALUES (2, 12)').run()).toThrow(
      /CHECK/,
    );
  });

  it('allows only the explicit states, networks and lookup reasons', async () => {
    const db = await databaseAt(counterLadder, 6);
    expect(() => insert(db, 's1', { state: 'active' })).toThrow(/CHECK/);
    expect(() => insert(db, 's2', { network: 'facebook' })).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO failed_lookups (at, staff_name, document_hash, document_masked, reason) VALUES ('t', 'c', 'h', 'm', 'bored')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('enforces one verified handle per network per resident and one resident per handle', async () => {
    const db = await databaseAt(counterLadder, 6);
    insert(db, 'a1', {});
    expect(() => insert(db, 'a2', { handle: '@b', key: 'b' })).toThrow(/UNIQUE/);
    expect(() => insert(db, 'a3', { resident: 'R-2' })).toThrow(/UNIQUE/);
    insert(db, 'a4', { resident: 'R-2', state: 'superseded' });
    insert(db, 'a5', { resident: 'R-2', handle: '@b', key: 'b', network: 'instagram' });
    insert(db, 'a6', { resident: 'R-3', handle: '@c', key: 'c', userId: '42' });
    expect(() =>
      insert(db, 'a7', { resident: 'R-4', handle: '@d', key: 'd', userId: '42' }),
    ).toThrow(/UNIQUE/);
  });
});
