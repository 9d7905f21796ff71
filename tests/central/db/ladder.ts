import { onTestFinished } from 'vitest';
import { centralMigrations, migrateCentral } from '../../../src/central/db/migrate';
import type { CentralStore } from '../../../src/central/db/store';
import type { MigrationLadder } from '../../helpers/migration-steps';
import type { StoreVariant } from '../harness';

/** Central's ladder on one store variant (PGlite in memory, or a PostgreSQL schema of its own). */
export const centralLadder = (variant: StoreVariant): MigrationLadder<CentralStore> => ({
  open: async () => {
    const store = await variant.open();
    onTestFinished(() => store.close());
    return store;
  },
  upTo: async (store, version) => {
    await migrateCentral(
      store,
      centralMigrations.filter((m) => m.version <= version),
    );
  },
});

/** A device row, as every central table that names a counter needs one. */
export const seedDevice = async (store: CentralStore, id = 'dev-1'): Promise<void> => {
  await store.query(
    `INSERT INTO devices (id, name, public_key, enrolled_at) VALUES ($1, 'Mostrador 1', 'k', now())`,
    [id],
  );
};
