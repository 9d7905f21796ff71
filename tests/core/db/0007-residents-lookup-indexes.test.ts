import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { counterLadder, databaseAt, migrationStep } from '../../helpers/migration-steps';

const indexesOf = (db: Database.Database): string[] =>
  db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'residents' AND sql IS NOT NULL ORDER BY name`,
    )
    .pluck()
    .all() as string[];

const addResident = (db: Database.Database, id: string, birth: string) =>
  db
    .prepare(
      `INSERT INTO residents (resident_id, document_type, given_names, surname1, surname2, birth_date,
         surnames_key, given_key, phonetic_surname1, phonetic_given, row_hash, updated_at)
       VALUES (?, 'NONE', 'ANA', 'GARCÍA', 'PÉREZ', ?, 'GARCIA PEREZ', 'ANA', 'GARSIA', 'ANA', 'x', 't')`,
    )
    .run(id, birth);

/** The plan SQLite picks for one of the repo's own prepared statements. */
const planOf = (db: Database.Database, sql: string): string =>
  (
    db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...Array.from(sql.matchAll(/\?/g), () => 'x')) as Array<{ detail: string }>
  )
    .map((r) => r.detail)
    .join(' | ');

describe('migration 0007 residents lookup indexes', () => {
  it('replaces the birth-date and phonetic indexes on a register that already has rows', async () => {
    const db = await migrationStep(counterLadder, 7, {
      seed: (old) => addResident(old, 'R1', '1980-02-03'),
    });
    expect(indexesOf(db)).toEqual([
      'residents_birth_names',
      'residents_document',
      'residents_phonetic_birth',
      'residents_surnames',
    ]);
    expect(db.prepare('SELECT resident_id FROM residents').pluck().all()).toEqual(['R1']);
  });

  it("serves the matcher's birth-date and namesake queries from the new indexes", async () => {
    const db = await databaseAt(counterLadder, 7);
    for (let i = 0; i < 50; i++) addResident(db, `R${i}`, `19${50 + (i % 40)}-01-0${1 + (i % 9)}`);
    // The matcher's queries as they were at 0007 (0011 changed the indexes and the repo since).
    const namesBornOn =
      'SELECT id, surname1, surname2, given_names FROM residents WHERE birth_date = ? LIMIT 5000';
    // The names of everyone born on a date come from the index alone, without their rows.
    expect(planOf(db, namesBornOn)).toMatch(
      /^SEARCH residents USING COVERING INDEX residents_birth_names \(birth_date=\?\)$/,
    );
    expect(planOf(db, 'SELECT * FROM residents WHERE birth_date = ? LIMIT 500')).toMatch(
      /USING INDEX residents_birth_names \(birth_date=\?\)/,
    );
    // Nearest namesakes: a range scan in index order, no sort of all of them.
    for (const [op, order] of [
      ['<', 'DESC'],
      ['>', 'ASC'],
    ]) {
      const plan = planOf(
        db,
        `SELECT * FROM residents WHERE phonetic_surname1 = ? AND phonetic_given = ? AND birth_date ${op} ?
         ORDER BY birth_date ${order} LIMIT 4`,
      );
      expect(plan).toMatch(
        /USING INDEX residents_phonetic_birth \(phonetic_surname1=\? AND phonetic_given=\? AND birth_date[<>]\?\)/,
      );
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });
});
