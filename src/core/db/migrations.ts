import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  type AppliedMigration,
  latestVersion as latestOf,
  type Migration,
  parseMigrations,
  pendingMigrations,
} from './migration-loader';

export { type Migration, parseMigrations } from './migration-loader';

// Bundled at build time: no file reads and no eval at run time.
const files = import.meta.glob<string>('./migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const knownMigrations: readonly Migration[] = parseMigrations(files);

export const latestVersion = (known: readonly Migration[] = knownMigrations): number =>
  latestOf(known);

export const appliedMigrations = (db: Database): AppliedMigration[] => {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  return db
    .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
    .all() as AppliedMigration[];
};

/** Applies what is missing (see `pendingMigrations`), each migration in its own transaction. */
export const migrate = (
  db: Database,
  known: readonly Migration[] = knownMigrations,
  now: () => Date = () => new Date(),
): number => {
  const pending = pendingMigrations(known, appliedMigrations(db));
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, now().toISOString());
    })();
  }
  return latestVersion(known);
};
