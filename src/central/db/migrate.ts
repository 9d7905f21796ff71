import type { CentralStore } from './store';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

// Bundled at build time, like the counter's migrations: one list for PGlite and PostgreSQL.
const files = import.meta.glob<string>('./migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const centralMigrations: readonly Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /\/(\d{4})-([a-z0-9-]+)\.sql$/.exec(path);
    if (!match?.[1] || !match[2]) throw new Error(`Badly named migration: ${path}`);
    return { version: Number(match[1]), name: match[2], sql };
  })
  .sort((a, b) => a.version - b.version);

/** Our migrations hold plain DDL: no semicolons inside bodies or strings. */
const statements = (sql: string): string[] =>
  sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** Applies what is missing, each migration with its bookkeeping row in one transaction. */
export const migrateCentral = async (store: CentralStore): Promise<number> => {
  await store.exec(`CREATE TABLE IF NOT EXISTS central_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
  // Two central processes starting at once on one PostgreSQL must not both migrate.
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7305001)');
    const applied = await tx.query<{ version: number; name: string }>(
      'SELECT version, name FROM central_migrations ORDER BY version',
    );
    applied.forEach((row, i) => {
      const expected = centralMigrations[i];
      if (!expected || expected.version !== row.version || expected.name !== row.name) {
        throw new Error(
          `Central database has migration ${row.version}-${row.name} this build does not know`,
        );
      }
    });
    for (const m of centralMigrations.slice(applied.length)) {
      // Statement by statement: the extended protocol (PGlite, pg with params) takes one at a time.
      for (const statement of statements(m.sql)) await tx.query(statement);
      await tx.query(
        'INSERT INTO central_migrations (version, name, applied_at) VALUES ($1, $2, now())',
        [m.version, m.name],
      );
    }
    return centralMigrations.at(-1)?.version ?? 0;
  });
};
