import { describe, expect, it } from 'vitest';
import { migrationStep } from '../../helpers/migration-steps';
import { storeVariants } from '../harness';
import { centralLadder, seedDevice } from './ladder';

const record = (state: string) => [`v-${state}`, state];
const INSERT = `INSERT INTO handle_verifications (id, device_id, resident_id, network, handle, state,
  proof_method, masked_name, updated_at) VALUES ($1, 'dev-1', 'R-1', 'x', '@a', $2, 'seen_on_device', 'J***', now())`;

describe.each(storeVariants)('central migration 0006 verifications ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'keeps a directory entry made before it (no expiry) and allows only known record states',
    async () => {
      const store = await migrationStep(centralLadder(variant), 6, {
        seed: async (old) => {
          await seedDevice(old);
          await old.query(
            `INSERT INTO handles (network, handle, masked_name, verified_since)
             VALUES ('x', '@a', 'J***', '2026-01-02T03:04:05Z')`,
          );
        },
      });
      expect(
        await store.query<{ handle: string; expires_at: Date | null }>(
          'SELECT handle, expires_at FROM handles',
        ),
      ).toEqual([{ handle: '@a', expires_at: null }]);
      await store.query(INSERT, record('verified'));
      await expect(store.query(INSERT, record('guessed'))).rejects.toThrow(/check constraint/);
      await expect(
        store.query(
          `INSERT INTO verification_requests (id, resident_id, network, handle, requested_at,
             requested_by, state, version, updated_at)
           VALUES ('r1', 'R-1', 'x', '@a', now(), 'cli', 'lost', 1, now())`,
        ),
      ).rejects.toThrow(/check constraint/);
    },
  );
});
