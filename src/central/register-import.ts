import { type ImportReport, MASS_DEREGISTRATION_SHARE } from '../shared/contract/residents';
import { AppError } from '../shared/errors';
import type { Language } from '../shared/i18n';
import {
  REGISTER_CHANGE_TYPE,
  type RegisterChangePayload,
} from '../core/residents/register-deltas';
import { centralAudit } from './audit/store';
import type { CentralStore, SqlTx } from './db/store';
import { syncStore } from './sync/store';
import { MAX_NAMED_DEREGISTRATIONS } from '../core/residents/import';
import { type PreparedResident, readRegisterFile } from './register-read';
import { fullName } from '../shared/person-name';

export interface CentralImportOptions {
  readonly fileName: string;
  readonly dryRun?: boolean;
  /** Lets a real import deregister more than MASS_DEREGISTRATION_SHARE of the register. */
  readonly allowMassDeregistration?: boolean;
  readonly language?: Language;
  readonly now?: Date;
}

interface HeldResident {
  resident_id: string;
  version: number;
  status: 'active' | 'deregistered';
  row_hash: string;
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
  const rows = await q.query<{ resident_id: string; fields: Record<string, string | undefined> }>(
    'SELECT resident_id, fields FROM register_residents WHERE resident_id = ANY($1::text[])',
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.resident_id, r.fields]));
  return ids.flatMap((id) => {
    const f = byId.get(id);
    if (!f) return [];
    return [{ resident_id: id, name: fullName(f) }];
  });
};

const readHeld = (q: SqlTx): Promise<HeldResident[]> =>
  q.query<HeldResident>('SELECT resident_id, version, status, row_hash FROM register_residents');

/** Queues one `register.resident` change per row for every counter. */
const emitChanges = async (
  tx: SqlTx,
  rows: Array<{ resident_id: string; version: number; payload: RegisterChangePayload }>,
  at: string,
): Promise<void> => {
  for (const part of chunks(rows)) {
    await tx.query(
      `INSERT INTO changes (type, entity_id, version, payload, device_id, created_at)
       SELECT $1, u.id, u.version, u.payload::jsonb, NULL, $2
       FROM unnest($3::text[], $4::bigint[], $5::text[]) WITH ORDINALITY AS u(id, version, payload, n)
       ORDER BY u.n`,
      [
        REGISTER_CHANGE_TYPE,
        at,
        part.map((r) => r.resident_id),
        part.map((r) => r.version),
        part.map((r) => JSON.stringify(r.payload)),
      ],
    );
  }
};

const writePlan = async (tx: SqlTx, p: Plan, at: string): Promise<void> => {
  for (const part of chunks(p.upserts)) {
    await tx.query(
      `INSERT INTO register_residents (resident_id, version, status, deregistered_on, row_hash, fields, updated_at)
       SELECT u.id, u.version, 'active', NULL, u.hash, u.fields::jsonb, $1
       FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[]) AS u(id, version, hash, fields)
       ON CONFLICT (resident_id) DO UPDATE SET version = excluded.version, status = 'active',
         deregistered_on = NULL, row_hash = excluded.row_hash, fields = excluded.fields,
         updated_at = excluded.updated_at`,
      [
        at,
        part.map((r) => r.resident_id),
        part.map((r) => r.version),
        part.map((r) => r.row_hash),
        part.map((r) => JSON.stringify(r.fields)),
      ],
    );
  }
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
    const rows = await tx.query<{
      resident_id: string;
      version: number;
      fields: RegisterChangePayload['fields'];
    }>(
      `UPDATE register_residents SET status = 'deregistered', deregistered_on = $1,
         version = version + 1, updated_at = $2
       WHERE resident_id = ANY($3::text[]) RETURNING resident_id, version, fields`,
      [today, at, part],
    );
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
  const held = (q: SqlTx) => readHeld(q).then((h) => plan(h, file.residents, file.rejectedIds));
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
    await tx.query(
      `INSERT INTO register_imports (at, file_name, imported, updated, unchanged, rejected, deregistered)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        at,
        options.fileName,
        counts.imported,
        counts.updated,
        counts.unchanged,
        counts.rejected,
        counts.deregistered,
      ],
    );
    await centralAudit(tx, now, 'register.imported', null, { file: options.fileName, ...counts });
    return result;
  });
};
