import { describe, expect, it } from 'vitest';
import { counterLadder, migrationStep } from '../../helpers/migration-steps';

describe('migration 0010 attachment upload', () => {
  it('adds the upload columns to attachments filed before it, empty, and keeps the table STRICT', async () => {
    const db = await migrationStep(counterLadder, 10, {
      seed: (old) => {
        old
          .prepare(
            `INSERT INTO registry_entries (id, year, seq, provisional_number, template_id, template_version, epigrafe,
               addressee, addressee_name, filed_at, filed_local, utc_offset_min, party_kind, party_name, data, summary,
               clerk_name, entry_hash)
             VALUES ('e', 2026, 1, 'n', 't', 1, 'e', 'a', 'A', 'x', 'x', 60, 'non_resident', 'N', '{}', 's', 'c', 'h')`,
          )
          .run();
        old
          .prepare(
            `INSERT INTO registry_attachments (id, entry_id, position, filename, media_type, size, sha256)
             VALUES ('a', 'e', 1, 'f', 'image/png', 1, 'h')`,
          )
          .run();
      },
    });
    expect(db.prepare('SELECT uploaded_at, upload_error FROM registry_attachments').get()).toEqual({
      uploaded_at: null,
      upload_error: null,
    });
    expect(() =>
      db.prepare(`UPDATE registry_attachments SET uploaded_at = x'00' WHERE id = 'a'`).run(),
    ).toThrow(/cannot store BLOB value in TEXT column/);
    expect(
      db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'registry_attachments'`).get(),
    ).toEqual({ strict: 1 });
  });
});
