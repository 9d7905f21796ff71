import { join } from 'node:path';
import { migrateCentral } from './db/migrate';
import { openPgStore } from './db/pg-store';
import { openPgliteStore } from './db/pglite-store';
import type { CentralStore } from './db/store';

/**
 * PostgreSQL when a URL is given, else embedded PGlite under `<dataDir>/central-db`
 * (no set-up at all). Either way the schema is brought up to date before use.
 */
export const openCentralStore = async (options: {
  readonly dataDir: string | undefined;
  readonly databaseUrl?: string | undefined;
}): Promise<CentralStore> => {
  const store = options.databaseUrl
    ? await openPgStore(options.databaseUrl)
    : await openPgliteStore(
        options.dataDir === undefined ? undefined : join(options.dataDir, 'central-db'),
      );
  try {
    await migrateCentral(store);
    return store;
  } catch (e) {
    await store.close();
    throw e;
  }
};
