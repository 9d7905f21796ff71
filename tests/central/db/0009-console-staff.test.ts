import { describe, expect, it } from 'vitest';
import { migrationStep } from '../../helpers/migration-steps';
import { storeVariants } from '../harness';
import { centralLadder } from './ladder';

const STAFF = `INSERT INTO console_staff (username, display_name, role, password_hash, created_at,
  password_changed_at) VALUES ($1, 'Ana', $2, 'h', now(), now())`;

describe.each(storeVariants)('central migration 0009 console-staff ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'gives tokens made before it no scopes, and sessions only to known staff of known roles',
    async () => {
      const store = await migrationStep(centralLadder(variant), 9, {
        seed: (old) =>
          old
            .query(
              `INSERT INTO staff_tokens (token_hash, name, created_at) VALUES ('t', 'web', now())`,
            )
            .then(() => undefined),
      });
      expect(await store.query('SELECT name, scopes FROM staff_tokens')).toEqual([
        { name: 'web', scopes: null },
      ]);
      await store.query(STAFF, ['ana', 'official']);
      await expect(store.query(STAFF, ['eva', 'mayor'])).rejects.toThrow(/check constraint/);
      await expect(
        store.query(
          `INSERT INTO console_sessions (token_hash, username, created_at, last_activity_at)
           VALUES ('s', 'nobody', now(), now())`,
        ),
      ).rejects.toThrow(/foreign key/);
      expect(await store.query('SELECT failed_attempts, locked_until FROM console_staff')).toEqual([
        { failed_attempts: 0, locked_until: null },
      ]);
    },
  );
});
