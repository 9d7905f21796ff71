import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { counterLadder, migrationStep } from '../../helpers/migration-steps';

/** Migration 0013 over a register as 0012 left it: three residents with accented, compound names. */
const searchOverRegisterAt12 = (): Promise<Database.Database> =>
  migrationStep(counterLadder, 13, { seed: registerAt12 });

const registerAt12 = (db: Database.Database): void => {
  const insert = db.prepare(
    `INSERT INTO residents (id, resident_id, document_type, given_names, surname1, surname2,
       birth_date, surnames_key, phonetic_surname1, phonetic_given, updated_at)
     VALUES (?, ?, 'NONE', ?, ?, ?, '1980-01-02', 'K', 'K', 'K', 't')`,
  );
  insert.run(10, 'R1', 'José Antonio', 'García', 'López');
  insert.run(20, 'R2', 'María Teresa', 'Núñez', null);
  insert.run(30, 'R3', 'Ana', 'de la Fuente', 'Ibáñez');
};

const ids = (db: Database.Database, match: string): number[] =>
  db
    .prepare('SELECT rowid FROM residents_search WHERE residents_search MATCH ? ORDER BY rowid')
    .pluck()
    .all(match) as number[];

describe('migration 0013 residents search', () => {
  it('is available in this SQLite build', () => {
    const db = new Database(':memory:');
    expect(db.prepare(`SELECT sqlite_compileoption_used('ENABLE_FTS5')`).pluck().get()).toBe(1);
  });

  it('indexes the residents already there, accents and case folded', async () => {
    const db = await searchOverRegisterAt12();
    expect(ids(db, '"jose" "antonio" "garcia" "lopez"')).toEqual([10]);
    expect(ids(db, '"MARIA" "teresa"')).toEqual([20]);
    expect(ids(db, '"nunez"')).toEqual([20]);
    expect(ids(db, '"ibanez"')).toEqual([30]);
    expect(ids(db, '"fue"*')).toEqual([30]);
    expect(ids(db, '"teresa" "garcia"')).toEqual([]);
    // Only the names are indexed: an address or an id is not a name.
    expect(ids(db, '"r1"')).toEqual([]);
  });

  it('keeps the index in step with inserts, name changes and deletes', async () => {
    const db = await searchOverRegisterAt12();
    db.prepare(
      `INSERT INTO residents (id, resident_id, document_type, given_names, surname1, birth_date,
         surnames_key, phonetic_surname1, phonetic_given, updated_at)
       VALUES (40, 'R4', 'NONE', 'Iñaki', 'Muñoz', '1990-01-01', 'K', 'K', 'K', 't')`,
    ).run();
    expect(ids(db, '"inaki"')).toEqual([40]);
    db.prepare(`UPDATE residents SET given_names = 'Teresa' WHERE id = 10`).run();
    expect(ids(db, '"jose"')).toEqual([]);
    expect(ids(db, '"teresa"')).toEqual([10, 20]);
    // A status change leaves the names (and the index) alone.
    db.prepare(`UPDATE residents SET status = 'deregistered' WHERE id = 20`).run();
    expect(ids(db, '"teresa"')).toEqual([10, 20]);
    db.prepare('DELETE FROM residents WHERE id = 30').run();
    expect(ids(db, '"fuente"')).toEqual([]);
    const check = db.prepare(
      `INSERT INTO residents_search (residents_search) VALUES ('integrity-check')`,
    );
    expect(() => check.run()).not.toThrow();
  });
});
