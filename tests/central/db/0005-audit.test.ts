import { describe, expect, it } from 'vitest';
import { migrationStep } from '../../helpers/migration-steps';
import { storeVariants } from '../harness';
import { centralLadder, seedDevice } from './ladder';

describe.each(storeVariants)('central migration 0005 audit ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'holds one chain per device and each of its entries once; the flag starts unset',
    async () => {
      const store = await migrationStep(centralLadder(variant), 5, {
        seed: (old) => seedDevice(old),
      });
      await store.query(
        `INSERT INTO audit_chains (device_id, size, head_hash) VALUES ('dev-1', 0, '')`,
      );
      expect(
        await store.query('SELECT flag_problem, flag_seq, flagged_at FROM audit_chains'),
      ).toEqual([{ flag_problem: null, flag_seq: null, flagged_at: null }]);
      const add = () =>
        store.query(
          `INSERT INTO audit_entries (device_id, seq, hash, entry, received_at)
           VALUES ('dev-1', 1, 'h', '{}', now())`,
        );
      await add();
      await expect(add()).rejects.toThrow(/duplicate key/);
      await expect(
        store.query(
          `INSERT INTO audit_chains (device_id, size, head_hash) VALUES ('nobody', 0, '')`,
        ),
      ).rejects.toThrow(/foreign key/);
    },
  );
});
