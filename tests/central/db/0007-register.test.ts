import { describe, expect, it } from 'vitest';
import { migrationStep } from '../../helpers/migration-steps';
import { storeVariants } from '../harness';
import { centralLadder } from './ladder';

const INSERT = `INSERT INTO register_residents (resident_id, version, status, row_hash, fields, updated_at)
  VALUES ($1, 1, $2, 'h', '{}', now())`;

describe.each(storeVariants)('central migration 0007 register ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'holds one row per resident, active or deregistered, and an empty import history',
    async () => {
      const store = await migrationStep(centralLadder(variant), 7);
      await store.query(INSERT, ['R-1', 'active']);
      await store.query(INSERT, ['R-2', 'deregistered']);
      await expect(store.query(INSERT, ['R-1', 'active'])).rejects.toThrow(/duplicate key/);
      await expect(store.query(INSERT, ['R-3', 'moved'])).rejects.toThrow(/check constraint/);
      expect(await store.query('SELECT * FROM register_imports')).toEqual([]);
    },
  );
});
