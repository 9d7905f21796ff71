import {
  type AppliedMigration,
  latestVersion,
  type Migration,
  migrationStatements,
  parseMigrations,
  pendingMigrations,
} from '../../core/db/migration-loader';
import type { CentralStore } from './store';

// Bundled at build time, like the counter's migrations: one list for PGlite and PostgreSQL.
// The numbers jump from 0001 to 0004: central's first migrations took the number of the
// counter feature each belonged to when several were written at once (forms 0004, audit 0005,
// verifications 0006), so no central 0002 or 0003 ever existed. They stay as they are: the
// loader matches version and name, and renumbering would refuse databases earlier builds made.
const files = import.meta.glob<string>('./migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const centralMigrations: readonly Migration[] = parseMigrations(files);

/**
 * Applies what is missing with the counter's loader, each migration with its bookkeeping row,
 * all in one transaction under an advisory lock: two central processes starting at once on
 * one PostgreSQL must not both migrate.
 */
export const migrateCentral = async (
  store: CentralStore,
  known: readonly Migration[] = centralMigrations,
): Promise<number> => {
  await store.exec(`CREATE TABLE IF NOT EXISTS central_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7305001)');
    const applied = await tx.query<AppliedMigration>(
      'SELECT version, name FROM central_migrations ORDER BY version',
    );
    for (const m of pendingMigrations(known, applied)) {
      // Statement by statement: the extended protocol (PGlite, pg with params) takes one at a time.
      for (const statement of migrationStatements(m.sql)) await tx.query(statement);
      await tx.query(
        'INSERT INTO central_migrations (version, name, applied_at) VALUES ($1, $2, now())',
        [m.version, m.name],
      );
    }
    return latestVersion(known);
  });
};
