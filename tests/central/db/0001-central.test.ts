import { describe, expect, it } from 'vitest';
import { migrationStep } from '../../helpers/migration-steps';
import { storeVariants } from '../harness';
import { centralLadder, seedDevice } from './ladder';

describe.each(storeVariants)('central migration 0001 central ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'creates devices, codes, dedup, changes, nonces, tokens, handles and the audit log',
    async () => {
      const store = await migrationStep(centralLadder(variant), 1);
      await seedDevice(store);
      // A code can only name an enrolled device; a nonce is seen once per device.
      await expect(
        store.query(
          `INSERT INTO enrolment_codes (code_hash, device_name, created_at, expires_at, device_id)
           VALUES ('h', 'n', now(), now(), 'nobody')`,
        ),
      ).rejects.toThrow(/foreign key/);
      await store.query(`INSERT INTO request_nonces VALUES ('dev-1', 'n1', now())`);
      await expect(
        store.query(`INSERT INTO request_nonces VALUES ('dev-1', 'n1', now())`),
      ).rejects.toThrow(/duplicate key/);
      const seqs = [];
      for (const id of ['a', 'b'])
        seqs.push(
          ...(await store.query<{ seq: number }>(
            `INSERT INTO changes (type, entity_id, version, payload, created_at)
             VALUES ('t', $1, 1, '{}', now()) RETURNING seq`,
            [id],
          )),
        );
      expect(seqs.map((r) => Number(r.seq))).toEqual([1, 2]);
      for (const table of ['applied_ops', 'staff_tokens', 'handles', 'central_audit'])
        expect(await store.query(`SELECT * FROM ${table}`)).toEqual([]);
    },
  );
});
