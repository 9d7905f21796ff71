import { describe, expect, it } from 'vitest';
import { counterLadder, migrationStep } from '../../helpers/migration-steps';

describe('migration 0014 attachment upload discard', () => {
  it('adds an empty discard mark to attachments filed before it, keeping their upload state', async () => {
    const db = await migrationStep(counterLadder, 14, {
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
            `INSERT INTO registry_attachments (id, entry_id, position, filename, media_type, size, sha256, upload_error)
             VALUES ('a', 'e', 1, 'f', 'image/png', 1, 'h', 'attachment_hash_mismatch')`,
          )
          .run();
      },
    });
    expect(
      db.prepare('SELECT upload_error, upload_discarded_at FROM registry_attachments').get(),
    ).toEqual({ upload_error: 'attachment_hash_mismatch', upload_discarded_at: null });
    expect(() =>
      db
        .prepare(`UPDATE registry_attachments SET upload_discarded_at = x'00' WHERE id = 'a'`)
        .run(),
    ).toThrow(/cannot store BLOB value in TEXT column/);
  });
});
