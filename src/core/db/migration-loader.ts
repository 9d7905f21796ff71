import { AppError } from '../../shared/errors';

/**
 * The one migration loader, for the counter's SQLite and central's PGlite/PostgreSQL: how
 * files are named and ordered, and which of them a database still needs. Each engine runs the
 * pending ones itself (a synchronous transaction per migration on SQLite, one locked async
 * transaction on PostgreSQL).
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export interface AppliedMigration {
  readonly version: number;
  readonly name: string;
}

/** `./migrations/NNNN-name.sql` sources (bundled with `import.meta.glob`), in version order. */
export const parseMigrations = (sources: Record<string, string>): Migration[] =>
  Object.entries(sources)
    .map(([path, sql]) => {
      const match = /\/(\d{4})-([a-z0-9-]+)\.sql$/.exec(path);
      if (!match?.[1] || !match[2]) throw new Error(`Badly named migration: ${path}`);
      return { version: Number(match[1]), name: match[2], sql };
    })
    .sort((a, b) => a.version - b.version);

export const latestVersion = (known: readonly Migration[]): number => known.at(-1)?.version ?? 0;

/**
 * What is left to apply. The applied list must be a prefix of the known list: anything else is
 * a database from another (newer) build, refused before anything changes.
 */
export const pendingMigrations = (
  known: readonly Migration[],
  applied: readonly AppliedMigration[],
): readonly Migration[] => {
  applied.forEach((row, i) => {
    const expected = known[i];
    if (!expected) {
      throw new AppError('database_newer_than_app', {
        version: row.version,
        supported: latestVersion(known),
      });
    }
    if (expected.version !== Number(row.version) || expected.name !== row.name) {
      throw new AppError('database_schema_mismatch', { version: row.version, name: row.name });
    }
  });
  return known.slice(applied.length);
};

/**
 * Statements of a migration one by one, for drivers that take one per call (PG's extended
 * protocol). Our migrations hold plain DDL: no semicolons inside bodies or strings.
 */
export const migrationStatements = (sql: string): string[] =>
  sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
