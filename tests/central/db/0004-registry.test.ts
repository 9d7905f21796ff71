import { describe, expect, it } from 'vitest';
import { migrationStep } from '../../helpers/migration-steps';
import { storeVariants } from '../harness';
import { centralLadder, seedDevice } from './ladder';

const entry = (id: string, seq: number, number: string, device = 'dev-1') => [
  id,
  device,
  `P-${id}`,
  2026,
  seq,
  number,
  'h',
  '{}',
];
const INSERT = `INSERT INTO registry_entries (entry_id, device_id, provisional_number, year, seq,
  official_number, entry_hash, content, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`;

describe.each(storeVariants)('central migration 0004 registry ($name)', (variant) => {
  it.skipIf(variant.skip)(
    "keeps each year's official numbers unique and tied to an enrolled device",
    async () => {
      const store = await migrationStep(centralLadder(variant), 4, {
        seed: (old) => seedDevice(old),
      });
      await store.query(INSERT, entry('e1', 1, '18111-RGE-2026-000001'));
      await expect(store.query(INSERT, entry('e2', 1, '18111-RGE-2026-000002'))).rejects.toThrow(
        /duplicate key/,
      );
      await expect(store.query(INSERT, entry('e3', 2, '18111-RGE-2026-000001'))).rejects.toThrow(
        /duplicate key/,
      );
      await expect(
        store.query(INSERT, entry('e4', 3, '18111-RGE-2026-000003', 'nobody')),
      ).rejects.toThrow(/foreign key/);
      expect(await store.query('SELECT * FROM registry_year_counters')).toEqual([]);
    },
  );
});
