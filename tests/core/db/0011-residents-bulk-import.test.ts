import { createHmac } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { latestVersion } from '../../../src/core/db/migrations';
import { counterLadder, databaseAt } from '../../helpers/migration-steps';
import { residentsRepo } from '../../../src/core/residents/repo';
import { documentKey } from '../../../src/core/residents/rows';

const hashOf = (n: number) => createHmac('sha256', 'k').update(String(n)).digest('hex');

const columnsOf = (db: Database.Database): string[] =>
  (db.prepare('PRAGMA table_info(residents)').all() as Array<{ name: string }>).map((c) => c.name);

const indexesOf = (db: Database.Database): string[] =>
  db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'residents' ORDER BY name`,
    )
    .pluck()
    .all() as string[];

const planOf = (db: Database.Database, sql: string): string =>
  (
    db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...Array.from(sql.matchAll(/\?/g), () => 'x')) as Array<{ detail: string }>
  )
    .map((r) => r.detail)
    .join(' | ');

/** A register as 0010 left it: 40 residents, one without a document, one deregistered. */
const registerAt10 = async (): Promise<Database.Database> => {
  const db = await databaseAt(counterLadder, 10);
  const insert = db.prepare(
    `INSERT INTO residents (id, resident_id, document_type, document_hash, document_masked, given_names,
       surname1, birth_date, surnames_key, given_key, phonetic_surname1, phonetic_given, row_hash,
       version, status, deregistered_on, updated_at)
     VALUES (?, ?, ?, ?, ?, 'ANA', 'GARCÍA', '1980-01-02', 'GARCIA', 'ANA', 'GARSIA', 'ANA', 'h', ?, ?, ?, 't')`,
  );
  for (let i = 1; i <= 40; i++) {
    const gone = i === 40;
    insert.run(
      i * 10,
      `R${i}`,
      i === 1 ? 'NONE' : 'DNI',
      i === 1 ? null : hashOf(i),
      i === 1 ? null : '***4567**',
      gone ? 3 : 1,
      gone ? 'deregistered' : 'active',
      gone ? '2026-01-01' : null,
    );
  }
  return db;
};

describe('migration 0011 residents bulk import', () => {
  it('keeps every resident with its rowid, drops row_hash and given_key, derives the document key', async () => {
    const db = await registerAt10();
    const before = db
      .prepare('SELECT id, resident_id, document_hash, status, version FROM residents ORDER BY id')
      .all();
    await counterLadder.upTo(db, 11);
    expect(
      db
        .prepare(
          'SELECT id, resident_id, document_hash, status, version FROM residents ORDER BY id',
        )
        .all(),
    ).toEqual(before);
    expect(columnsOf(db)).not.toContain('row_hash');
    expect(columnsOf(db)).not.toContain('given_key');
    // SQL's digits-to-number reading gives the very key the app computes for new rows.
    const keys = db
      .prepare('SELECT document_hash AS hash, document_key AS key FROM residents ORDER BY id')
      .all() as Array<{ hash: string | null; key: number | null }>;
    expect(keys[0]).toEqual({ hash: null, key: null });
    for (const { hash, key } of keys.slice(1)) expect(key).toBe(documentKey(hash ?? ''));
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
  });

  it('turns the id constraint into a named unique index, and keeps key and hash together', async () => {
    const db = await registerAt10();
    await counterLadder.upTo(db, 11);
    expect(indexesOf(db)).toEqual([
      'residents_birth',
      'residents_document',
      'residents_phonetic_birth',
      'residents_resident_id',
      'residents_surnames',
    ]);
    const add = db.prepare(
      `INSERT INTO residents (resident_id, document_type, document_hash, document_key, given_names,
         surname1, birth_date, surnames_key, phonetic_surname1, phonetic_given, updated_at)
       VALUES (?, 'DNI', ?, ?, 'A', 'B', '1990-01-01', 'B', 'B', 'A', 't')`,
    );
    expect(() => add.run('R2', hashOf(99), documentKey(hashOf(99)))).toThrow(/UNIQUE/);
    expect(() => add.run('R99', hashOf(99), null)).toThrow(/CHECK/);
    expect(() => add.run('R99', null, 5)).toThrow(/CHECK/);
    add.run('R99', hashOf(99), documentKey(hashOf(99)));
  });

  it("serves the repo's lookups from the new indexes", async () => {
    const db = await registerAt10();
    // The repo of this build prepares against the latest schema; 0011's indexes are still in it.
    await counterLadder.upTo(db, latestVersion());
    const { statements: s } = residentsRepo(db);
    expect(planOf(db, s.byHash.source)).toMatch(
      /USING INDEX residents_document \(document_key=\?\)/,
    );
    expect(planOf(db, s.namesBornOn.source)).toMatch(
      /USING INDEX residents_birth \(birth_date=\?\)/,
    );
    expect(planOf(db, s.importState.source)).toMatch(
      /USING INDEX residents_resident_id \(resident_id=\?\)/,
    );
    expect(planOf(db, s.bySurnamesKey.source)).toMatch(/USING INDEX residents_surnames/);
    expect(planOf(db, s.byFullName.source)).toMatch(
      /USING INDEX residents_surnames \(surnames_key=\? AND phonetic_given=\?\)/,
    );
    expect(planOf(db, s.searchNames.source)).toMatch(/VIRTUAL TABLE INDEX/);
    for (const st of [s.byPhoneticBornBefore, s.byPhoneticBornAfter]) {
      const plan = planOf(db, st.source);
      expect(plan).toMatch(/USING INDEX residents_phonetic_birth/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
    // The lookup by number finds the row by its key and still compares the whole hash.
    const repo = residentsRepo(db);
    expect(repo.byHash(hashOf(7)).map((r) => r.resident_id)).toEqual(['R7']);
    const sameKeyOtherHash = `${hashOf(7).slice(0, 13)}${'0'.repeat(51)}`;
    expect(repo.byHash(sameKeyOtherHash)).toEqual([]);
  });
});
