import { type ImportReport, MASS_DEREGISTRATION_SHARE } from '../../shared/contract/residents';
import { AppError } from '../../shared/errors';
import type { Language } from '../../shared/i18n';
import {
  REGISTER_CHANGE_TYPE,
  type RegisterChangePayload,
} from '../../core/residents/register-deltas';
import { centralAudit } from '../audit/store';
import type { CentralStore, SqlTx } from '../db/store';
import { syncStore } from '../sync/store';
import { MAX_NAMED_DEREGISTRATIONS } from '../../core/residents/import';
import { type PreparedResident, readRegisterFile } from './read';
import { fullName } from '../../shared/person-name';
import { type HeldResident, registerStore } from './store';

export interface CentralImportOptions {
  readonly fileName: string;
  readonly dryRun?: boolean;
  /** Lets a real import deregister more than MASS_DEREGISTRATION_SHARE of the register. */
  readonly allowMassDeregistration?: boolean;
  readonly language?: Language;
  readonly now?: Date;
}

interface Plan {
  readonly upserts: Array<PreparedResident & { version: number }>;
  readonly unchanged: number;
  readonly imported: number;
  readonly gone: string[];
  readonly active: number;
}

// Rows per statement: large enough to cut round trips, small enough for PGlite's messages.
const CHUNK = 2_000;

const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK),
  );

/**
 * New residents start at version 1; changed or returning ones go one version up. A resident
 * whose row was rejected stays as held: only absence from the file is a baja.
 */
const plan = (
  held: readonly HeldResident[],
  file: readonly PreparedResident[],
  rejectedIds: ReadonlySet<string>,
): Plan => {
  const byId = new Map(held.map((h) => [h.resident_id, h]));
  const seen = new Set<string>(rejectedIds);
  const upserts: Plan['upserts'] = [];
  let unchanged = 0;
  let imported = 0;
  for (const r of file) {
    seen.add(r.resident_id);
    const prior = byId.get(r.resident_id);
    if (!prior) {
      imported += 1;
      upserts.push({ ...r, version: 1 });
    } else if (prior.row_hash !== r.row_hash || prior.status !== 'active') {
      upserts.push({ ...r, version: Number(prior.version) + 1 });
    } else unchanged += 1;
  }
  const active = held.filter((h) => h.status === 'active');
  const gone = active.filter((h) => !seen.has(h.resident_id)).map((h) => h.resident_id);
  return { upserts, unchanged, imported, gone, active: active.length };
};

const massDeregistration = (p: Plan): boolean =>
  p.gone.length > MASS_DEREGISTRATION_SHARE * p.active;

/** Names as the counter's dry run shows them: given names, then both surnames. */
const namesOf = async (
  q: SqlTx,
  ids: readonly string[],
): Promise<Array<{ resident_id: string; name: string }>> => {
  if (ids.length === 0) return [];
  const rows = await registerStore.fieldsOf(q, ids);
  const byId = new Map(rows.map((r) => [r.resident_id, r.fields]));
  return ids.flatMap((id) => {
    const f = byId.get(id);
    if (!f) return [];
    return [{ resident_id: id, name: fullName(f) }];
  });
};

/** Queues one `register.resident` change per row for every counter. */
const emitChanges = async (
  tx: SqlTx,
  rows: Array<{ resident_id: string; version: number; payload: RegisterChangePayload }>,
  at: string,
): Promise<void> => {
  for (const part of chunks(rows))
    await syncStore.emitMany(
      tx,
      REGISTER_CHANGE_TYPE,
      part.map((r) => ({ entity_id: r.resident_id, version: r.version, payload: r.payload })),
      at,
    );
};

const writePlan = async (tx: SqlTx, p: Plan, at: string): Promise<void> => {
  for (const part of chunks(p.upserts)) await registerStore.upsert(tx, part, at);
  await emitChanges(
    tx,
    p.upserts.map((r) => ({
      resident_id: r.resident_id,
      version: r.version,
      payload: { status: 'active', deregistered_on: null, fields: r.fields },
    })),
    at,
  );
  const today = at.slice(0, 10);
  for (const part of chunks(p.gone)) {
    // A baja carries the last fields too: a counter that never saw the resident still records it.
    const rows = await registerStore.deregister(tx, part, today, at);
    await emitChanges(
      tx,
      rows.map((r) => ({
        resident_id: r.resident_id,
        version: Number(r.version),
        payload: { status: 'deregistered', deregistered_on: today, fields: r.fields },
      })),
      at,
    );
  }
};

/**
 * `ventanilla central register import FILE`: brings central's padrón in line with a full
 * export, read and validated by the counter's importer. New, changed and returning residents
 * and every baja become `register.resident` changes, which counters pull and apply. A real
 * import is one transaction under the changes lock, so counters see all of it or none.
 */
export const importRegisterAtCentral = async (
  store: CentralStore,
  bytes: Uint8Array,
  options: CentralImportOptions,
): Promise<ImportReport> => {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const dryRun = options.dryRun ?? false;
  const file = readRegisterFile(bytes, options.language ?? 'es', now);
  const report = async (q: SqlTx, p: Plan): Promise<ImportReport> => ({
    ...file.report,
    imported: p.imported,
    updated: p.upserts.length - p.imported,
    unchanged: p.unchanged,
    deregistered: p.gone.length,
    deregistered_residents: await namesOf(q, p.gone.slice(0, MAX_NAMED_DEREGISTRATIONS)),
    mass_deregistration: massDeregistration(p),
    dry_run: dryRun,
  });
  const held = (q: SqlTx) =>
    registerStore.held(q).then((h) => plan(h, file.residents, file.rejectedIds));
  if (dryRun) return report(store, await held(store));
  return store.transaction(async (tx) => {
    // Taken before reading: two imports at once apply one after the other, each on fresh state.
    await syncStore.lockChanges(tx);
    const p = await held(tx);
    // A partial file (a test export, a wrong filter) would otherwise empty every counter's register.
    if (massDeregistration(p) && !options.allowMassDeregistration)
      throw new AppError(
        'register_mass_deregistration',
        {
          count: p.gone.length,
          active: p.active,
          percent: Math.round((p.gone.length / p.active) * 100),
          limit: MASS_DEREGISTRATION_SHARE * 100,
        },
        422,
      );
    const result = await report(tx, p);
    await writePlan(tx, p, at);
    const counts = {
      imported: result.imported,
      updated: result.updated,
      unchanged: result.unchanged,
      rejected: result.rejected,
      deregistered: result.deregistered,
    };
    await registerStore.recordImport(tx, at, options.fileName, counts);
    await centralAudit(tx, now, 'register.imported', null, { file: options.fileName, ...counts });
    return result;
  });
};
