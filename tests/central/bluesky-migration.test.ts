import { describe, expect, it } from 'vitest';
import { migrateCentral } from '../../src/central/db/migrate';
import { openPgliteStore } from '../../src/central/db/pglite-store';

describe('central migration 0010 bluesky', () => {
  it('adds the account columns, one town account at most, and refuses unknown queue states', async () => {
    const store = await openPgliteStore(undefined);
    try {
      await migrateCentral(store);
      const columns = await store.query<{ column_name: string; column_default: string | null }>(
        `SELECT column_name, column_default FROM information_schema.columns
         WHERE table_name = 'handle_verifications'
           AND column_name IN ('platform_user_id', 'display_name', 'suspended_at', 'proof_misses')
         ORDER BY column_name`,
      );
      expect(columns.map((c) => c.column_name)).toEqual([
        'display_name',
        'platform_user_id',
        'proof_misses',
        'suspended_at',
      ]);
      expect(columns.find((c) => c.column_name === 'proof_misses')?.column_default).toBe('0');
      const account = (id: number) =>
        store.query(
          `INSERT INTO bluesky_account (id, service, identifier, secret_ciphertext, updated_at)
           VALUES ($1, 'https://pds.example', 'town', 'sealed', now())`,
          [id],
        );
      await account(1);
      await expect(account(2)).rejects.toThrow(/check/i);
      const record = (want: string, rkey: string) =>
        store.query(
          `INSERT INTO bluesky_records (verification_id, subject_did, handle, rkey, want, state,
             next_attempt_at, updated_at)
           VALUES ($1, 'did:plc:x', 'a.test', $1, $2, 'queued', now(), now())`,
          [rkey, want],
        );
      await record('present', '3kaaaaaaaaa2a');
      await expect(record('maybe', '3kaaaaaaaaa2b')).rejects.toThrow(/check/i);
      const [policy] = await store.query<{ rename_policy: string }>(
        'SELECT rename_policy FROM bluesky_account',
      );
      expect(policy?.rename_policy).toBe('refresh');
    } finally {
      await store.close();
    }
  });
});
