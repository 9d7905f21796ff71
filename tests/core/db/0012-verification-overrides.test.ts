import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { knownMigrations, migrate } from '../../../src/core/db/migrations';

const upTo = (version: number) => knownMigrations.filter((m) => m.version <= version);

describe('migration 0012 verification-overrides', () => {
  it('gives older records no override grounds and a read card, and refuses an unknown entry', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(11));
    db.prepare(
      `INSERT INTO verifications (id, resident_id, network, handle, handle_key, state, proof_method,
         document_type, document_hash, document_masked, clerk_name, started_at, created_at)
       VALUES ('v1', 'R-1', 'x', '@a', 'a', 'verified', 'seen_on_device', 'DNI', 'h', '***4567**', 'c', 't', 't')`,
    ).run();
    migrate(db, upTo(12));
    expect(db.prepare('SELECT override_grounds, entry FROM verifications').get()).toEqual({
      override_grounds: '[]',
      entry: 'read',
    });
    db.prepare(`UPDATE verifications SET entry = 'typed'`).run();
    expect(() => db.prepare(`UPDATE verifications SET entry = 'guessed'`).run()).toThrow(
      /CHECK constraint/,
    );
  });
});
