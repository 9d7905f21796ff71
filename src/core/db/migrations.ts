import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

// Bundled at build time: no file reads and no eval at run time.
const files = import.meta.glob<string>('./migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const parseMigrations = (sources: Record<string, string>): Migration[] =>
  Object.entries(sources)
    .map(([path, sql]) => {
      const match = /\/(\d{4})-([a-z0-9-]+)\.sql$/.exec(path);
      if (!match?.[1] || !match[2]) throw new Error(`Badly named migration: ${path}`);
      return { version: Number(match[1]), name: match[2], sql };
    })
    .sort((a, b) => a.version - b.version);

export const knownMigrations: readonly Migration[] = parseMigrations(files);

export const latestVersion = (known: readonly Migration[] = knownMigrations): number =>
  known.at(-1)?.version ?? 0;

interface AppliedRow {
  version: number;
  name: string;
}

export const appliedMigrations = (db: Database): AppliedRow[] => {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  return db
    .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
    .all() as AppliedRow[];
};

/**
 * Applies what is missing, each migration in its own transaction. The applied list must be
 * a prefix of the known list: anything else is a database from another (newer) build.
 */
export const migrate = (
  db: Database,
  known: readonly Migration[] = knownMigrations,
  now: () => Date = () => new Date(),
): number => {
  const applied = appliedMigrations(db);
  applied.forEach((row, i) => {
    const expected = known[i];
    if (!expected) {
      throw new AppError('database_newer_than_app', {
        version: row.version,
        supported: latestVersion(known),
      });
    }
    if (expected.version !== row.version || expected.name !== row.name) {
      throw new AppError('database_schema_mismatch', { version: row.version, name: row.name });
    }
  });
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const m of known.slice(applied.length)) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, now().toISOString());
    })();
  }
  return latestVersion(known);
};
