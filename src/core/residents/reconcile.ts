import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { RegisterReconcile } from '../../shared/contract/sync';
import type { ResidentRecord } from './rows';

/** The fields a person could see differ; match keys follow from them and are left out. */
const COMPARED = [
  ['document_type', 'document_type'],
  ['document_hash', 'document_number'],
  ['given_names', 'given_names'],
  ['surname1', 'surname1'],
  ['surname2', 'surname2'],
  ['birth_date', 'birth_date'],
  ['sex', 'sex'],
  ['nationality', 'nationality'],
  ['address', 'address'],
  ['district', 'district'],
] as const satisfies ReadonlyArray<readonly [keyof ResidentRecord, string]>;

/** Most changed residents the report lists by id; the counts cover them all. */
export const RECONCILE_LISTED = 100;

/** Column names (as in the import file) where central's record differs from the stored one. */
export const differingFields = (stored: ResidentRecord, central: ResidentRecord): string[] =>
  COMPARED.filter(([field]) => stored[field] !== central[field]).map(([, column]) => column);

/** Notes what central's first word on a locally imported resident found (same row: kept once). */
export const noteReconciled = (
  db: Database,
  residentId: string,
  fields: readonly string[],
  at: string,
): void => {
  db.prepare(
    `INSERT INTO register_reconcile (resident_id, outcome, fields, at) VALUES (?, ?, ?, ?)
     ON CONFLICT (resident_id) DO NOTHING`,
  ).run(residentId, fields.length === 0 ? 'same' : 'changed', JSON.stringify(fields), at);
};

/** True once central has sent any resident: from then on the padrón comes from central only. */
export const followsCentral = (db: Database): boolean =>
  db.prepare('SELECT 1 FROM residents WHERE central_version IS NOT NULL LIMIT 1').get() !==
  undefined;

/** Rows compared so far; the sync run reports a reconcile when this grew. */
export const reconciledCount = (db: Database): number =>
  db.prepare('SELECT count(*) FROM register_reconcile').pluck().get() as number;

/**
 * The reconcile report: locally imported residents central's padrón matched or corrected, the
 * first changed ones with the columns that differed, and active residents only this counter has
 * (central never sent them: kept, for the manager to settle at central).
 */
export const reconcileReport = (db: Database): RegisterReconcile => {
  const counts = db
    .prepare(
      `SELECT coalesce(sum(outcome = 'same'), 0) AS same,
         coalesce(sum(outcome = 'changed'), 0) AS changed FROM register_reconcile`,
    )
    .get() as { same: number; changed: number };
  const onlyLocal = db
    .prepare(`SELECT count(*) FROM residents WHERE central_version IS NULL AND status = 'active'`)
    .pluck()
    .get() as number;
  const changes = (
    db
      .prepare(
        `SELECT resident_id, fields FROM register_reconcile WHERE outcome = 'changed'
         ORDER BY resident_id LIMIT ?`,
      )
      .all(RECONCILE_LISTED) as { resident_id: string; fields: string }[]
  ).map((r) => ({ residentId: r.resident_id, fields: JSON.parse(r.fields) as string[] }));
  return { ...counts, onlyLocal, changes };
};
