import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { knownMigrations, migrate } from '../../../src/core/db/migrations';

const upTo = (version: number) => knownMigrations.filter((m) => m.version <= version);

describe('migration 0009 verification-directory', () => {
  it('adds the masked name for central, empty on records made before it', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(6));
    db.prepare(
      `INSERT INTO verifications (id, resident_id, network, handle, handle_key, state, proof_method,
         document_type, document_hash, document_masked, clerk_name, started_at, created_at)
       VALUES ('v1', 'R-1', 'x', '@a', 'a', 'verified', 'seen_on_device', 'DNI', 'h', '***4567**', 'c', 't', 't')`,
    ).run();
    migrate(db, upTo(9));
    expect(db.prepare('SELECT version FROM schema_migrations WHERE version = 9').get()).toEqual({
      version: 9,
    });
    expect(db.prepare('SELECT resident_masked_name FROM verifications').get()).toEqual({
      resident_masked_name: null,
    });
    db.prepare(`UPDATE verifications SET resident_masked_name = 'A*** G***'`).run();
    expect(db.prepare('SELECT resident_masked_name FROM verifications').pluck().get()).toBe(
      'A*** G***',
    );
  });
});
