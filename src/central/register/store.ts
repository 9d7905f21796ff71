import type { RegisterChangePayload } from '../../core/residents/register-deltas';
import type { SqlTx } from '../db/store';

export interface HeldResident {
  resident_id: string;
  version: number;
  status: 'active' | 'deregistered';
  row_hash: string;
}

export interface ResidentUpsert {
  readonly resident_id: string;
  readonly version: number;
  readonly row_hash: string;
  readonly fields: unknown;
}

export interface ImportCounts {
  readonly imported: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly deregistered: number;
}

/** Central's padrón (`register_residents`) and the history of its imports. */
export const registerStore = {
  held: (q: SqlTx): Promise<HeldResident[]> =>
    q.query<HeldResident>('SELECT resident_id, version, status, row_hash FROM register_residents'),
  fieldsOf: (q: SqlTx, ids: readonly string[]) =>
    q.query<{ resident_id: string; fields: Record<string, string | undefined> }>(
      'SELECT resident_id, fields FROM register_residents WHERE resident_id = ANY($1::text[])',
      [ids],
    ),
  /** New, changed and returning residents, active from now. */
  upsert: async (tx: SqlTx, rows: readonly ResidentUpsert[], at: string): Promise<void> => {
    await tx.query(
      `INSERT INTO register_residents (resident_id, version, status, deregistered_on, row_hash, fields, updated_at)
       SELECT u.id, u.version, 'active', NULL, u.hash, u.fields::jsonb, $1
       FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[]) AS u(id, version, hash, fields)
       ON CONFLICT (resident_id) DO UPDATE SET version = excluded.version, status = 'active',
         deregistered_on = NULL, row_hash = excluded.row_hash, fields = excluded.fields,
         updated_at = excluded.updated_at`,
      [
        at,
        rows.map((r) => r.resident_id),
        rows.map((r) => r.version),
        rows.map((r) => r.row_hash),
        rows.map((r) => JSON.stringify(r.fields)),
      ],
    );
  },
  /** Bajas on `today`, one version up; answers each with its last fields. */
  deregister: (tx: SqlTx, ids: readonly string[], today: string, at: string) =>
    tx.query<{ resident_id: string; version: number; fields: RegisterChangePayload['fields'] }>(
      `UPDATE register_residents SET status = 'deregistered', deregistered_on = $1,
         version = version + 1, updated_at = $2
       WHERE resident_id = ANY($3::text[]) RETURNING resident_id, version, fields`,
      [today, at, ids],
    ),
  recordImport: async (
    tx: SqlTx,
    at: string,
    fileName: string,
    counts: ImportCounts,
  ): Promise<void> => {
    await tx.query(
      `INSERT INTO register_imports (at, file_name, imported, updated, unchanged, rejected, deregistered)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        at,
        fileName,
        counts.imported,
        counts.updated,
        counts.unchanged,
        counts.rejected,
        counts.deregistered,
      ],
    );
  },
};
