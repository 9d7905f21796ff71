import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { onTestFinished } from 'vitest';
import { knownMigrations, migrate } from '../../src/core/db/migrations';

/**
 * One database's migrations, seen as a ladder a test can climb one rung at a time. The counter
 * (SQLite) and central (PGlite/PostgreSQL) each provide one; the step helpers below serve both.
 */
export interface MigrationLadder<Db> {
  /** A fresh, empty database, closed after the current test (so: call it inside a test). */
  open(): Db | Promise<Db>;
  /** Applies the known migrations up to and including `version`. */
  upTo(db: Db, version: number): void | Promise<void>;
}

/** A database with migrations 1..`version` applied. */
export const databaseAt = async <Db>(ladder: MigrationLadder<Db>, version: number): Promise<Db> => {
  const db = await ladder.open();
  await ladder.upTo(db, version);
  return db;
};

/**
 * The one shape of a migration test: a database at `version - 1`, rows put there as the
 * previous build would have (`seed`), then migration `version`, then what must hold (`check`).
 * Returns the migrated database for further checks.
 */
export const migrationStep = async <Db>(
  ladder: MigrationLadder<Db>,
  version: number,
  steps: { seed?: (db: Db) => unknown; check?: (db: Db) => unknown } = {},
): Promise<Db> => {
  const db = await databaseAt(ladder, version - 1);
  await steps.seed?.(db);
  await ladder.upTo(db, version);
  await steps.check?.(db);
  return db;
};

/**
 * The counter's ladder: a real SQLite file in a temp dir with the pragmas `openDatabase` sets
 * (WAL, foreign keys), without encryption, which no migration depends on.
 */
export const counterLadder: MigrationLadder<Database.Database> = {
  open: () => {
    const dir = mkdtempSync(join(tmpdir(), 'ventanilla-migration-'));
    const db = new Database(join(dir, 'migration.db'));
    onTestFinished(() => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    return db;
  },
  upTo: (db, version) => {
    migrate(
      db,
      knownMigrations.filter((m) => m.version <= version),
    );
  },
};
