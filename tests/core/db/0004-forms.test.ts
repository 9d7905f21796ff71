import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { counterLadder, databaseAt } from '../../helpers/migration-steps';

const entry = (
  id: string,
  seq: number,
  number = `18111-M01-2026-${String(seq).padStart(6, '0')}`,
) => ({
  id,
  seq,
  number,
});

const insert = (db: Database.Database, e: ReturnType<typeof entry>) =>
  db
    .prepare(
      `INSERT INTO registry_entries (id, year, seq, provisional_number, template_id, template_version, epigrafe,
         addressee, addressee_name, filed_at, filed_local, utc_offset_min, party_kind, party_name, data, summary,
         clerk_name, entry_hash)
       VALUES (@id, 2026, @seq, @number, 't', 1, 'e', 'a', 'A', 'x', 'x', 60, 'non_resident', 'N', '{}', 's', 'c', 'h')`,
    )
    .run(e);

describe('migration 0004 forms', () => {
  it('creates STRICT tables for templates, counters, entries and attachments', async () => {
    const db = await databaseAt(counterLadder, 4);
    const tables = db
      .prepare(
        `SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name IN
        ('form_templates', 'registry_counters', 'registry_entries', 'registry_attachments') ORDER BY name`,
      )
      .all();
    expect(tables).toEqual([
      { name: 'form_templates', strict: 1 },
      { name: 'registry_attachments', strict: 1 },
      { name: 'registry_counters', strict: 1 },
      { name: 'registry_entries', strict: 1 },
    ]);
  });

  it('refuses a repeated sequence or number, and deleting an entry', async () => {
    const db = await databaseAt(counterLadder, 4);
    insert(db, entry('a', 1));
    expect(() => insert(db, entry('b', 1, 'other'))).toThrow(/UNIQUE/);
    expect(() => insert(db, entry('c', 2, '18111-M01-2026-000001'))).toThrow(/UNIQUE/);
    expect(() => db.prepare(`DELETE FROM registry_entries`).run()).toThrow(/never deleted/);
  });

  it('ties attachments to an existing entry', async () => {
    const db = await databaseAt(counterLadder, 4);
    expect(() =>
      db
        .prepare(
          `INSERT INTO registry_attachments (id, entry_id, position, filename, media_type, size, sha256)
                  VALUES ('x', 'missing', 1, 'f', 'image/png', 1, 'h')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
