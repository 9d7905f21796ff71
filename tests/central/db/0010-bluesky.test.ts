import { describe, expect, it } from 'vitest';
import { migrationStep } from '../../helpers/migration-steps';
import { storeVariants } from '../harness';
import { centralLadder, seedDevice } from './ladder';

const ACCOUNT = `INSERT INTO bluesky_account (id, service, identifier, secret_ciphertext, updated_at)
  VALUES ($1, 'https://pds.example', 'town', 'sealed', now())`;
const RECORD = `INSERT INTO bluesky_records (verification_id, subject_did, handle, rkey, want, state,
  next_attempt_at, updated_at) VALUES ($1, 'did:plc:x', 'a.test', $1, $2, 'queued', now(), now())`;

describe.each(storeVariants)('central migration 0010 bluesky ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'leaves a verification made before it with no account and no misses, one town account at most, known queue states only',
    async () => {
      const store = await migrationStep(centralLadder(variant), 10, {
        seed: async (old) => {
          await seedDevice(old);
          await old.query(
            `INSERT INTO handle_verifications (id, device_id, resident_id, network, handle, state,
               proof_method, masked_name, updated_at)
             VALUES ('v-1', 'dev-1', 'R-1', 'bluesky', '@ana.test', 'verified', 'code', 'A***', now())`,
          );
        },
      });
      expect(
        await store.query(
          'SELECT platform_user_id, display_name, suspended_at, proof_misses FROM handle_verifications',
        ),
      ).toEqual([
        { platform_user_id: null, display_name: null, suspended_at: null, proof_misses: 0 },
      ]);
      await store.query(ACCOUNT, [1]);
      await expect(store.query(ACCOUNT, [2])).rejects.toThrow(/check/i);
      expect(await store.query('SELECT rename_policy FROM bluesky_account')).toEqual([
        { rename_policy: 'refresh' },
      ]);
      await store.query(RECORD, ['3kaaaaaaaaa2a', 'present']);
      await expect(store.query(RECORD, ['3kaaaaaaaaa2b', 'maybe'])).rejects.toThrow(/check/i);
    },
  );
});
