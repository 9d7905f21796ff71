import { describe, expect, it } from 'vitest';
import { centralMigrations, migrateCentral } from '../../../src/central/db/migrate';
import { storeVariants } from '../harness';
import { centralLadder } from './ladder';

describe('central migrations', () => {
  it('run 0001, then 0004 on without gaps (no central 0002 or 0003 ever existed)', () => {
    const versions = centralMigrations.map((m) => m.version);
    expect(versions.slice(0, 2)).toEqual([1, 4]);
    expect(versions.slice(1)).toEqual(versions.slice(1).map((_, i) => i + 4));
  });

  it.each(storeVariants)(
    'go through the loader the counter uses: an unknown or newer database is refused ($name)',
    async (variant) => {
      if (variant.skip) return;
      const ladder = centralLadder(variant);
      const store = await ladder.open();
      await migrateCentral(store);
      expect(await migrateCentral(store)).toBe(centralMigrations.at(-1)?.version);
      await store.query(`UPDATE central_migrations SET name = 'renamed' WHERE version = 4`);
      await expect(migrateCentral(store)).rejects.toMatchObject({
        code: 'database_schema_mismatch',
        params: { version: 4, name: 'renamed' },
      });
      await store.query(`UPDATE central_migrations SET name = 'registry' WHERE version = 4`);
      await store.query(
        `INSERT INTO central_migrations (version, name, applied_at) VALUES (999, 'future', now())`,
      );
      await expect(migrateCentral(store)).rejects.toMatchObject({
        code: 'database_newer_than_app',
      });
    },
  );
});
