import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Resident } from '../../shared/contract/residents';
import { documentKey, RECORD_FIELDS, type RecordValue, type ResidentRecord } from './rows';

/** A stored row with the match keys and hash the screens never see. */
export interface ResidentRow extends Resident {
  document_hash: string | null;
  document_key: number | null;
  surnames_key: string;
  phonetic_surname1: string;
  phonetic_given: string;
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

const FIELDS = RECORD_FIELDS.join(', ');
const PARAMS = RECORD_FIELDS.map((f) => `@${f}`).join(', ');
const SETS = RECORD_FIELDS.map((f) => `${f} = @${f}`).join(', ');

/** Rows per multi-row INSERT: one statement step per batch is about twice as fast as one per row. */
export const INSERT_BATCH = 32;
// Version and time are the same for every row of a batch: bound once, by name.
const ROW_PLACEHOLDERS = `(${RECORD_FIELDS.map(() => '?').join(', ')}, @version, 'active', @updated_at)`;
const VALUES_PER_ROW = RECORD_FIELDS.length;

/** Prepared once per database: lookups run in microseconds at a million rows. */
export const residentsRepo = (db: Database) => {
  const s = {
    byId: db.prepare('SELECT * FROM residents WHERE id = ?'),
    byResidentId: db.prepare('SELECT * FROM residents WHERE resident_id = ?'),
    // The integer key finds the rows; the whole hash decides.
    byHash: db.prepare(
      'SELECT * FROM residents WHERE document_key = ? AND document_hash = ? LIMIT 20',
    ),
    byBirth: db.prepare('SELECT * FROM residents WHERE birth_date = ? LIMIT ?'),
    // The names born on a date, before fetching the whole rows worth scoring.
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
    bySurnamesKey: db.prepare('SELECT * FROM residents WHERE surnames_key = ? LIMIT ?'),
    // Whole names: one seek in residents_surnames (surnames and the given names' phonetic key).
    byFullName: db.prepare(
      'SELECT * FROM residents WHERE surnames_key = ? AND phonetic_given = ? LIMIT ?',
    ),
    // residents_search (migration 0013): the words of the names, accents and case folded.
    searchNames: db.prepare(
      `SELECT r.* FROM residents_search JOIN residents r ON r.id = residents_search.rowid
       WHERE residents_search MATCH ? LIMIT ?`,
    ),
    byPhoneticSurname: db.prepare(
      'SELECT * FROM residents WHERE phonetic_surname1 = ? ORDER BY phonetic_given LIMIT ?',
    ),
    importState: db.prepare(
      `SELECT id, status, version, central_version, ${FIELDS} FROM residents WHERE resident_id = ?`,
    ),
    setCentralVersion: db.prepare('UPDATE residents SET central_version = ? WHERE resident_id = ?'),
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
    activeCount: db.prepare(`SELECT count(*) AS n FROM residents WHERE status = 'active'`),
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
    byHash: (hash: string) => all(s.byHash, documentKey(hash), hash),
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
    bySurnamesKey: (key: string, limit: number) => all(s.bySurnamesKey, key, limit),
    byFullName: (surnamesKey: string, phoneticGiven: string, limit: number) =>
      all(s.byFullName, surnamesKey, phoneticGiven, limit),
    searchNames: (match: string, limit: number) => all(s.searchNames, match, limit),
    byPhoneticSurname: (key: string, limit: number) => all(s.byPhoneticSurname, key, limit),
    importState: (residentId: string) =>
      s.importState.get(residentId) as
        | (ResidentRecord & {
            id: number;
            status: 'active' | 'deregistered';
            version: number;
            central_version: number | null;
          })
        | undefined,
    /** Marks a resident as central's, at central's version of it. */
    setCentralVersion: (residentId: string, version: number) =>
      s.setCentralVersion.run(version, residentId),
    insert: (r: ResidentRecord, version: number, at: string) =>
      s.insert.run({ ...r, version, updated_at: at }),
    update: (id: number, r: ResidentRecord, version: number, at: string) =>
      s.update.run({ ...r, id, version, updated_at: at }),
    /**
     * Buffers new residents and writes them INSERT_BATCH at a time; `flush` writes the rest.
     * Callers flush before reading the table again.
     */
    batchInserter: (version: number, at: string) => {
      const full = INSERT_BATCH * VALUES_PER_ROW;
      const pending: RecordValue[] = [];
      const shared = { version, updated_at: at };
      return {
        /** Rows as flat values (RECORD_FIELDS order), any number of them. */
        add: (values: readonly RecordValue[]) => {
          let k = 0;
          for (; pending.length > 0 && k < values.length; k++) {
            pending.push(values[k] ?? null);
            if (pending.length === full) {
              s.insertBatch.run(pending, shared);
              pending.length = 0;
            }
          }
          for (; k + full <= values.length; k += full)
            s.insertBatch.run(values.slice(k, k + full), shared);
          for (; k < values.length; k++) pending.push(values[k] ?? null);
        },
        flush: () => {
          for (let i = 0; i < pending.length; i += VALUES_PER_ROW)
            s.insertOne.run(pending.slice(i, i + VALUES_PER_ROW), shared);
          pending.length = 0;
        },
      };
    },
  };
};

export type ResidentsRepo = ReturnType<typeof residentsRepo>;
