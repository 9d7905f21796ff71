import { describe, expect, it } from 'vitest';
import { migrationStep } from '../../helpers/migration-steps';
import { storeVariants } from '../harness';
import { centralLadder, seedDevice } from './ladder';

describe.each(storeVariants)('central migration 0008 attachment-blobs ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'leaves entries received before it incomplete and keeps the same bytes once',
    async () => {
      const store = await migrationStep(centralLadder(variant), 8, {
        seed: async (old) => {
          await seedDevice(old);
          await old.query(
            `INSERT INTO registry_entries (entry_id, device_id, provisional_number, year, seq,
               official_number, entry_hash, content, received_at)
             VALUES ('e1', 'dev-1', 'P-1', 2026, 1, '18111-RGE-2026-000001', 'h', '{}', now())`,
          );
        },
      });
      expect(
        await store.query('SELECT entry_id, attachments_complete_at FROM registry_entries'),
      ).toEqual([{ entry_id: 'e1', attachments_complete_at: null }]);
      const put = () =>
        store.query(
          `INSERT INTO registry_attachment_blobs (sha256, size, bytes, stored_at)
           VALUES ('s', 3, '\\x010203', now())`,
        );
      await put();
      await expect(put()).rejects.toThrow(/duplicate key/);
      const [blob] = await store.query<{ bytes: Uint8Array }>(
        'SELECT bytes FROM registry_attachment_blobs',
      );
      expect([...(blob?.bytes ?? [])]).toEqual([1, 2, 3]);
    },
  );
});
