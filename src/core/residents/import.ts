import {
  type CanonicalColumn,
  type ImportReport,
  MASS_DEREGISTRATION_SHARE,
} from '../../shared/contract/residents';
import { AppError } from '../../shared/errors';
import { type Language, translateError } from '../../shared/i18n';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { type RecordBatch, readRecordBatches, type RecordSourceInput } from './record-source';
import { readRecordBatchesInWorker } from './record-worker';
import type { ResidentsRepo } from './repo';
import { followsCentral } from './reconcile';
import { RECORD_FIELDS, recordAt, sameStoredFields } from './rows';
import { fullName } from '../../shared/person-name';

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
  /** The built worker script that reads the file in parallel; without it, this thread reads. */
  readonly worker?: URL | undefined;
  /** Lets a real import deregister more than MASS_DEREGISTRATION_SHARE of the register. */
  readonly allowMassDeregistration?: boolean | undefined;
}

// The report lists rejected rows up to this many; the count is always exact.
export const MAX_REPORTED_ERRORS = 1000;
// The dry run names this many of the residents it would deregister; the count is always exact.
export const MAX_NAMED_DEREGISTRATIONS = 1000;

/**
 * A first import into an empty register builds its indexes once at the end, several times
 * faster than growing them row by row; the same for the name search, which its insert trigger
 * fills ~8x slower than one rebuild. Inside the import transaction, so a failure restores them.
 */
const dropIndexes = (deps: CoreDeps): string[] => {
  const objects = deps.db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE type IN ('index', 'trigger') AND tbl_name = 'residents' AND sql IS NOT NULL`,
    )
    .all() as Array<{ type: string; name: string; sql: string }>;
  for (const o of objects)
    deps.db.exec(`DROP ${o.type === 'index' ? 'INDEX' : 'TRIGGER'} "${o.name}"`);
  return [
    ...objects.map((o) => o.sql),
    `INSERT INTO residents_search (residents_search) VALUES ('rebuild')`,
  ];
};

const registerIsEmpty = (deps: CoreDeps): boolean =>
  !deps.db.prepare('SELECT 1 FROM residents LIMIT 1').get();

// A large first import re-reads the whole table once per index it builds at the end; with the
// table still in the page cache that is ~10% less work at 600k rows. Only for the import: the
// cache grows as pages are used and shrinks back when the previous size is restored.
const IMPORT_CACHE_KIB = 512 * 1024;

/**
 * Settings for the length of one import. A first import goes through a rollback journal
 * instead of the WAL: the WAL passes every page through the cipher three times (log, then
 * checkpoint read and write), while a rollback journal only saves the few pages that existed
 * and the new pages are encrypted once, straight into the file.
 */
const withImportSettings = <T>(deps: CoreDeps, fn: () => T): T => {
  const db = deps.db;
  const cache = Number(db.pragma('cache_size', { simple: true }));
  // Refused (the mode stays 'wal') while another connection has the file open: then the
  // import simply runs in WAL.
  const leftWal =
    registerIsEmpty(deps) &&
    db.pragma('journal_mode', { simple: true }) === 'wal' &&
    db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  if (cache > -IMPORT_CACHE_KIB) db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return fn();
  } finally {
    if (leftWal) db.pragma('journal_mode = WAL');
    db.pragma(`cache_size = ${cache}`);
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
  // Two sources would fight over the same rows: once central sends the padrón, it alone does.
  if (followsCentral(deps.db)) throw new AppError('register_follows_central', {}, 409);
  const dryRun = options.dryRun ?? false;
  const language = options.language ?? 'es';
  const at = deps.clock.now().toISOString();
  const today = at.slice(0, 10);
  const input: RecordSourceInput = {
    bytes,
    hmacKey: deps.keys.hmacKey,
    today,
    mapping: options.mapping,
  };

  const run = (): ImportReport => {
    // An empty register has no one to compare with or deregister: its rows go straight in.
    const empty = registerIsEmpty(deps);
    // The share is of the register as it was: counted after the file's rows went in, a file of
    // many new residents would let it deregister every old one.
    const active = empty
      ? 0
      : ((repo.statements.activeCount.get() as { n: number } | undefined)?.n ?? 0);
    const rebuild = empty && !dryRun ? dropIndexes(deps) : [];
    const inserter = repo.batchInserter(1, at);
    // Residents the file lists, valid or not: a rejected row is a row to fix, not a departure.
    const seen = new Set<string>();
    const errors: ImportReport['errors'] = [];
    let imported = 0;
    let updated = 0;
    let unchanged = 0;
    let rejected = 0;
    const onBatch = (batch: RecordBatch) => {
      for (const { line, code, params, resident_id: id } of batch.rejections) {
        rejected += 1;
        if (id) seen.add(id);
        if (errors.length < MAX_REPORTED_ERRORS) {
          const message = translateError(language, { code, params });
          errors.push(params ? { line, code, params, message } : { line, code, message });
        }
      }
      const rows = batch.values.length / RECORD_FIELDS.length;
      if (empty) {
        imported += rows;
        if (!dryRun) inserter.add(batch.values);
      } else {
        for (let i = 0; i < rows; i++) {
          const record = recordAt(batch.values, i);
          seen.add(record.resident_id);
          const state = repo.importState(record.resident_id);
          if (!state) {
            imported += 1;
            if (!dryRun)
              inserter.add(
                batch.values.slice(i * RECORD_FIELDS.length, (i + 1) * RECORD_FIELDS.length),
              );
          } else if (!sameStoredFields(state, record) || state.status !== 'active') {
            updated += 1;
            if (!dryRun) repo.update(state.id, record, state.version + 1, at);
          } else {
            unchanged += 1;
          }
        }
      }
      if (batch.fraction !== null) options.onProgress?.(batch.fraction);
    };
    const parsed =
      (options.worker && readRecordBatchesInWorker(options.worker, input, onBatch)) ??
      readRecordBatches(input, onBatch);
    inserter.flush();
    // An empty or wholly broken file must not deregister the whole town.
    if (imported + updated + unchanged === 0)
      throw new AppError('register_no_valid_rows', { rejected }, 422);
    const gone: number[] = [];
    const scan = empty ? [] : repo.statements.activeIds.iterate();
    for (const row of scan as Iterable<{ id: number; resident_id: string }>) {
      if (!seen.has(row.resident_id)) gone.push(row.id);
    }
    // A partial file (a test export, a wrong filter) would otherwise empty the register.
    const massDeregistration = gone.length > MASS_DEREGISTRATION_SHARE * active;
    if (massDeregistration && !dryRun && !options.allowMassDeregistration) {
      throw new AppError(
        'register_mass_deregistration',
        {
          count: gone.length,
          active,
          percent: Math.round((gone.length / active) * 100),
          limit: MASS_DEREGISTRATION_SHARE * 100,
        },
        422,
      );
    }
    const named = gone.slice(0, MAX_NAMED_DEREGISTRATIONS).flatMap((id) => {
      const r = repo.byId(id);
      return r ? [{ resident_id: r.resident_id, name: fullName(r) }] : [];
    });
    if (!dryRun) for (const id of gone) repo.statements.deregister.run(today, at, id);
    for (const sql of rebuild) deps.db.exec(sql);
    const report: ImportReport = {
      imported,
      updated,
      unchanged,
      rejected,
      deregistered: gone.length,
      errors,
      deregistered_residents: named,
      mass_deregistration: massDeregistration,
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

  return dryRun ? run() : withImportSettings(deps, () => inTransaction(deps, run));
};
