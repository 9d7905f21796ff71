import type { CanonicalColumn, ImportReport } from '../../shared/contract/residents';
import { AppError } from '../../shared/errors';
import { type Language, translateError } from '../../shared/i18n';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { decodeRegister, type Delimiter, detectDelimiter, readRegister } from './csv-read';
import type { ResidentsRepo } from './repo';
import { isRejection, toRecord } from './rows';

export interface ImportOptions {
  readonly actor: Actor;
  readonly fileName: string;
  readonly dryRun?: boolean;
  /** Header → canonical column, overriding the automatic aliases. */
  readonly mapping?: Readonly<Record<string, CanonicalColumn>>;
  /** Language of the per-row messages in the report. */
  readonly language?: Language;
  /** 0..1 while the file is read; may throw to abandon the import (nothing is kept). */
  readonly onProgress?: (fraction: number) => void;
}

// The report lists rejected rows up to this many; the count is always exact.
export const MAX_REPORTED_ERRORS = 1000;

/** Spanish exports write H for men and M for women; if any row says H, `M` means mujer. */
const usesSpanishSexLetters = (text: string, delimiter: Delimiter): boolean => {
  const d = delimiter === '\t' ? '\\t' : delimiter;
  return new RegExp(`(^|${d})"?[Hh]"?(?=${d}|\\r?$)`, 'm').test(text);
};

/**
 * A first import into an empty register builds its indexes once at the end, several times
 * faster than growing them row by row. Inside the import transaction, so a failure restores them.
 */
const dropIndexesIfEmpty = (deps: CoreDeps): string[] => {
  if (deps.db.prepare('SELECT 1 FROM residents LIMIT 1').get()) return [];
  const indexes = deps.db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'residents' AND sql IS NOT NULL`,
    )
    .all() as Array<{ name: string; sql: string }>;
  for (const i of indexes) deps.db.exec(`DROP INDEX "${i.name}"`);
  return indexes.map((i) => i.sql);
};

// A large first import re-reads the whole table once per index it builds at the end; with the
// table still in the page cache that is ~10% less work at 600k rows. Only for the import: the
// cache grows as pages are used and shrinks back when the previous size is restored.
const IMPORT_CACHE_KIB = 512 * 1024;

const withImportCache = <T>(deps: CoreDeps, fn: () => T): T => {
  const before = Number(deps.db.pragma('cache_size', { simple: true }));
  if (before > -IMPORT_CACHE_KIB) deps.db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return fn();
  } finally {
    deps.db.pragma(`cache_size = ${before}`);
  }
};

/**
 * Reads a full register export and brings the local copy in line with it: new residents
 * inserted, changed ones updated, absent ones marked deregistered (never deleted). A real
 * import is one transaction with its audit entry, so any failure leaves the old register.
 */
export const importRegister = (
  deps: CoreDeps,
  repo: ResidentsRepo,
  bytes: Uint8Array,
  options: ImportOptions,
): ImportReport => {
  const dryRun = options.dryRun ?? false;
  const language = options.language ?? 'es';
  const decoded = decodeRegister(bytes);
  const delimiter = detectDelimiter(decoded.text);
  const now = deps.clock.now();
  const at = now.toISOString();
  const today = at.slice(0, 10);
  const ctx = {
    hmacKey: deps.keys.hmacKey,
    today,
    spanishSexLetters: usesSpanishSexLetters(decoded.text, delimiter),
  };

  const run = (): ImportReport => {
    const rebuild = dryRun ? [] : dropIndexesIfEmpty(deps);
    const inserter = repo.batchInserter(1, at);
    const seen = new Set<string>();
    const errors: ImportReport['errors'] = [];
    let imported = 0;
    let updated = 0;
    let unchanged = 0;
    let rejected = 0;
    const reject = (line: number, code: string, params?: Record<string, string | number>) => {
      rejected += 1;
      if (errors.length < MAX_REPORTED_ERRORS) {
        const message = translateError(language, { code, params });
        errors.push(params ? { line, code, params, message } : { line, code, message });
      }
    };
    const parsed = readRegister(
      decoded,
      (raw, line) => {
        const record = toRecord(raw, ctx);
        if (isRejection(record)) return reject(line, record.code, record.params);
        if (seen.has(record.resident_id)) {
          return reject(line, 'row_duplicate_id', { id: record.resident_id });
        }
        seen.add(record.resident_id);
        // An empty register has nothing to compare with: skip the per-row lookup.
        const state = rebuild.length > 0 ? undefined : repo.importState(record.resident_id);
        if (!state) {
          imported += 1;
          if (!dryRun) inserter.add(record);
        } else if (state.row_hash !== record.row_hash || state.status !== 'active') {
          updated += 1;
          if (!dryRun) repo.update(state.id, record, state.version + 1, at);
        } else {
          unchanged += 1;
        }
      },
      { mapping: options.mapping, onProgress: options.onProgress },
    );
    inserter.flush();
    // An empty or wholly broken file must not deregister the whole town.
    if (seen.size === 0) throw new AppError('register_no_valid_rows', { rejected }, 422);
    const gone: number[] = [];
    // A register that was empty has no one to deregister.
    const scan = rebuild.length > 0 ? [] : repo.statements.activeIds.iterate();
    for (const row of scan as Iterable<{ id: number; resident_id: string }>) {
      if (!seen.has(row.resident_id)) gone.push(row.id);
    }
    if (!dryRun) for (const id of gone) repo.statements.deregister.run(today, at, id);
    for (const sql of rebuild) deps.db.exec(sql);
    const report: ImportReport = {
      imported,
      updated,
      unchanged,
      rejected,
      deregistered: gone.length,
      errors,
      dry_run: dryRun,
      encoding: parsed.encoding,
      delimiter: parsed.delimiter,
      columns: parsed.columns,
    };
    if (!dryRun) {
      const counts = { imported, updated, unchanged, rejected, deregistered: gone.length };
      deps.db
        .prepare(
          `INSERT INTO register_imports (at, actor_name, file_name, imported, updated, unchanged, rejected, deregistered)
           VALUES (@at, @actor, @file, @imported, @updated, @unchanged, @rejected, @deregistered)`,
        )
        .run({ at, actor: options.actor.username, file: options.fileName, ...counts });
      audit(deps, {
        actor: options.actor,
        action: 'register.imported',
        subject: `register:${options.fileName}`,
        details: { ...counts, encoding: parsed.encoding, rows: parsed.rows },
      });
    }
    return report;
  };

  return dryRun ? run() : withImportCache(deps, () => inTransaction(deps, run));
};
