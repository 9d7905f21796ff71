import { describe, expect, it } from 'vitest';
import { counterLadder, databaseAt } from '../../helpers/migration-steps';

describe('migration 0002-residents', () => {
  it('creates the register tables, their indexes and the privacy constraints', async () => {
    // As 0002 left it: 0007 replaces two of these indexes.
    const db = await databaseAt(counterLadder, 2);
    const applied = db.prepare('SELECT name FROM schema_migrations WHERE version = 2').get();
    expect(applied).toEqual({ name: 'residents' });
    const indexes = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'residents' AND sql IS NOT NULL ORDER BY name`,
      )
      .pluck()
      .all();
    expect(indexes).toEqual([
      'residents_birth',
      'residents_document',
      'residents_phonetic',
      'residents_surnames',
    ]);
    const insert = db.prepare(
      `INSERT INTO residents (resident_id, document_type, document_hash, given_names, surname1, birth_date,
         surnames_key, given_key, phonetic_surname1, phonetic_given, row_hash, updated_at)
       VALUES (?, 'DNI', ?, 'ANA', 'GARCIA', ?, 'GARCIA', 'ANA', 'GARSIA', 'ANA', 'x', '2026-01-01')`,
    );
    // A plain number where the hash goes, or a free-text date, is refused by the schema itself.
    expect(() => insert.run('1', '12345678Z', '1980-01-01')).toThrow(/CHECK/);
    expect(() => insert.run('2', 'a'.repeat(64), '01/01/1980')).toThrow(/CHECK/);
    insert.run('3', 'a'.repeat(64), '1980-01-01');
    expect(() => insert.run('3', 'b'.repeat(64), '1980-01-01')).toThrow(/UNIQUE/);
  });
});
