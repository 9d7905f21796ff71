import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Resident } from '../../shared/contract/residents';
import type { ResidentRecord } from './rows';

/** A stored row with the match keys and hash the screens never see. */
export interface ResidentRow extends Resident {
  document_hash: string | null;
  surnames_key: string;
  given_key: string;
  phonetic_surname1: string;
  phonetic_given: string;
  row_hash: string;
}

export const toResident = (r: ResidentRow): Resident => ({
  id: r.id,
  resident_id: r.resident_id,
  document_type: r.document_type,
  document_masked: r.document_masked,
  given_names: r.given_names,
  surname1: r.surname1,
  surname2: r.surname2,
  birth_date: r.birth_date,
  sex: r.sex,
  nationality: r.nationality,
  address: r.address,
  district: r.district,
  status: r.status,
  deregistered_on: r.deregistered_on,
  version: r.version,
});

const FIELDS = `resident_id, document_type, document_hash, document_masked, given_names, surname1,
  surname2, birth_date, sex, nationality, address, district, surnames_key, given_key,
  phonetic_surname1, phonetic_given, row_hash`;
const PARAMS = FIELDS.split(',')
  .map((f) => `@${f.trim()}`)
  .join(', ');
const SETS = FIELDS.split(',')
  .map((f) => `${f.trim()} = @${f.trim()}`)
  .join(', ');

/** Rows per multi-row INSERT: one statement step per batch is about twice as fast as one per row. */
export const INSERT_BATCH = 32;
const ROW_PLACEHOLDERS = `(${FIELDS.split(',')
  .map(() => '?')
  .join(', ')}, ?, 'active', ?)`;
const VALUES_PER_ROW = FIELDS.split(',').length + 2;

/** The record's values in FIELDS order, then version and updated_at, appended to `out`. */
const pushValues = (out: unknown[], r: ResidentRecord, version: number, at: string): void => {
  out.push(
    r.resident_id,
    r.document_type,
    r.document_hash,
    r.document_masked,
    r.given_names,
    r.surname1,
    r.surname2,
    r.birth_date,
    r.sex,
    r.nationality,
    r.address,
    r.district,
    r.surnames_key,
    r.given_key,
    r.phonetic_surname1,
    r.phonetic_given,
    r.row_hash,
    version,
    at,
  );
};

/** Prepared once per database: lookups run in microseconds at a million rows. */
export const residentsRepo = (db: Database) => {
  const s = {
    byId: db.prepare('SELECT * FROM residents WHERE id = ?'),
    byResidentId: db.prepare('SELECT * FROM residents WHERE resident_id = ?'),
    byHash: db.prepare('SELECT * FROM residents WHERE document_hash = ? LIMIT 20'),
    byBirth: db.prepare('SELECT * FROM residents WHERE birth_date = ? LIMIT ?'),
    // Covered by residents_birth_names: the names born on a date without reading their rows.
    namesBornOn: db.prepare(
      'SELECT id, surname1, surname2, given_names FROM residents WHERE birth_date = ? LIMIT 5000',
    ),
    byPhonetic: db.prepare(
      'SELECT * FROM residents WHERE phonetic_surname1 = ? AND phonetic_given = ? LIMIT 20',
    ),
    // residents_phonetic_birth: the namesakes born nearest a date, on either side of it.
    byPhoneticBornBefore: db.prepare(
      `SELECT * FROM residents WHERE phonetic_surname1 = ? AND phonetic_given = ? AND birth_date < ?
       ORDER BY birth_date DESC LIMIT ?`,
    ),
    byPhoneticBornAfter: db.prepare(
      `SELECT * FROM residents WHERE phonetic_surname1 = ? AND phonetic_given = ? AND birth_date > ?
       ORDER BY birth_date LIMIT ?`,
    ),
    bySurnamesPrefix: db.prepare(
      `SELECT * FROM residents WHERE surnames_key >= ? AND surnames_key < ?
       ORDER BY surnames_key, given_key LIMIT ?`,
    ),
    byPhoneticSurname: db.prepare(
      'SELECT * FROM residents WHERE phonetic_surname1 = ? ORDER BY phonetic_given LIMIT ?',
    ),
    importState: db.prepare(
      'SELECT id, row_hash, status, version FROM residents WHERE resident_id = ?',
    ),
    insert: db.prepare(
      `INSERT INTO residents (${FIELDS}, version, status, updated_at) VALUES (${PARAMS}, @version, 'active', @updated_at)`,
    ),
    update: db.prepare(
      `UPDATE residents SET ${SETS}, version = @version, status = 'active', deregistered_on = NULL,
       updated_at = @updated_at WHERE id = @id`,
    ),
    insertBatch: db.prepare(
      `INSERT INTO residents (${FIELDS}, version, status, updated_at) VALUES ${Array<string>(INSERT_BATCH).fill(ROW_PLACEHOLDERS).join(', ')}`,
    ),
    insertOne: db.prepare(
      `INSERT INTO residents (${FIELDS}, version, status, updated_at) VALUES ${ROW_PLACEHOLDERS}`,
    ),
    activeIds: db.prepare(`SELECT id, resident_id, version FROM residents WHERE status = 'active'`),
    deregister: db.prepare(
      `UPDATE residents SET status = 'deregistered', deregistered_on = ?, version = version + 1,
       updated_at = ? WHERE id = ?`,
    ),
  };
  const all = (st: Statement, ...args: unknown[]) => st.all(...args) as ResidentRow[];
  return {
    statements: s,
    byId: (id: number) => s.byId.get(id) as ResidentRow | undefined,
    byResidentId: (id: string) => s.byResidentId.get(id) as ResidentRow | undefined,
    byHash: (hash: string) => all(s.byHash, hash),
    byBirth: (date: string, limit = 500) => all(s.byBirth, date, limit),
    namesBornOn: (date: string) =>
      s.namesBornOn.all(date) as Array<
        Pick<ResidentRow, 'id' | 'surname1' | 'surname2' | 'given_names'>
      >,
    byPhonetic: (surname: string, given: string) => all(s.byPhonetic, surname, given),
    /** Up to `perSide` namesakes born before `date` and as many after, nearest first. */
    byPhoneticNear: (surname: string, given: string, date: string, perSide: number) => [
      ...all(s.byPhoneticBornBefore, surname, given, date, perSide),
      ...all(s.byPhoneticBornAfter, surname, given, date, perSide),
    ],
    bySurnamesPrefix: (prefix: string, limit: number) =>
      all(s.bySurnamesPrefix, prefix, `${prefix}\uffff`, limit),
    byPhoneticSurname: (key: string, limit: number) => all(s.byPhoneticSurname, key, limit),
    importState: (residentId: string) =>
      s.importState.get(residentId) as
        | { id: number; row_hash: string; status: 'active' | 'deregistered'; version: number }
        | undefined,
    insert: (r: ResidentRecord, version: number, at: string) =>
      s.insert.run({ ...r, version, updated_at: at }),
    update: (id: number, r: ResidentRecord, version: number, at: string) =>
      s.update.run({ ...r, id, version, updated_at: at }),
    /**
     * Buffers new residents and writes them INSERT_BATCH at a time; `flush` writes the rest.
     * Callers flush before reading the table again.
     */
    batchInserter: (version: number, at: string) => {
      const values: unknown[] = [];
      const flush = () => {
        if (values.length === INSERT_BATCH * VALUES_PER_ROW) s.insertBatch.run(values);
        else
          for (let i = 0; i < values.length; i += VALUES_PER_ROW)
            s.insertOne.run(values.slice(i, i + VALUES_PER_ROW));
        values.length = 0;
      };
      return {
        add: (r: ResidentRecord) => {
          pushValues(values, r, version, at);
          if (values.length === INSERT_BATCH * VALUES_PER_ROW) flush();
        },
        flush,
      };
    },
  };
};

export type ResidentsRepo = ReturnType<typeof residentsRepo>;
