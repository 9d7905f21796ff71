import { randomBytes } from 'node:crypto';
import type { ImportReport } from '../../shared/contract/residents';
import { AppError } from '../../shared/errors';
import { type Language, translateError } from '../../shared/i18n';
import { canonicalJson } from '../../core/audit/canonical-json';
import { normalizeDocumentNumber } from '../../shared/document-number';
import { usesSpanishSexLetters } from '../../shared/register-sex';
import {
  decodeRegister,
  detectDelimiter,
  type RawRow,
  readRegister,
} from '../../core/residents/csv-read';
import { MAX_REPORTED_ERRORS } from '../../core/residents/import';
import { isRejection, type ResidentRecord, toRecord } from '../../core/residents/rows';
import { sha256Hex } from '../secrets';

/** One valid resident of the file: the fields a counter receives, and their hash. */
export interface PreparedResident {
  readonly resident_id: string;
  readonly fields: RawRow;
  readonly row_hash: string;
}

export interface ReadFile {
  readonly residents: PreparedResident[];
  /** Ids of rejected rows that name a resident: a row that fails its checks is not a departure. */
  readonly rejectedIds: ReadonlySet<string>;
  /** The report without the database comparison (imported/updated/... are filled in later). */
  readonly report: Pick<ImportReport, 'rejected' | 'errors' | 'encoding' | 'delimiter' | 'columns'>;
}

/**
 * What a counter's own importer needs to rebuild the same record: the validated values, with
 * the plain number (normalised) instead of this server's hash, and the sex already decoded.
 */
const fieldsOf = (r: ResidentRecord, number: string | null): RawRow => {
  const fields: RawRow = {
    given_names: r.given_names,
    surname1: r.surname1,
    birth_date: r.birth_date,
  };
  if (number !== null) {
    fields.document_number = number;
    fields.document_type = r.document_type;
  }
  if (r.surname2 !== null) fields.surname2 = r.surname2;
  if (r.sex !== null) fields.sex = r.sex;
  if (r.nationality !== null) fields.nationality = r.nationality;
  if (r.address !== null) fields.address = r.address;
  if (r.district !== null) fields.district = r.district;
  return fields;
};

/**
 * Reads and validates a register export with the counter's own parser and row rules
 * (`src/core/residents`), so a file is accepted or refused the same way at both ends.
 */
export const readRegisterFile = (bytes: Uint8Array, language: Language, now: Date): ReadFile => {
  const decoded = decodeRegister(bytes);
  // Only to run the shared row rules: the hash made with it is thrown away. H/M is decided
  // on the whole file by the counter's own rule, so both ends read M alike.
  const ctx = {
    hmacKey: randomBytes(32),
    today: now.toISOString().slice(0, 10),
    spanishSexLetters: usesSpanishSexLetters(decoded.text, detectDelimiter(decoded.text)),
  };
  const seen = new Set<string>();
  const rejectedIds = new Set<string>();
  const rows: Array<{ record: ResidentRecord; number: string | null }> = [];
  const errors: ImportReport['errors'] = [];
  let rejected = 0;
  const reject = (line: number, code: string, params?: Record<string, string | number>) => {
    rejected += 1;
    if (errors.length < MAX_REPORTED_ERRORS) {
      const message = translateError(language, { code, params });
      errors.push(params ? { line, code, params, message } : { line, code, message });
    }
  };
  const parsed = readRegister(decoded, (raw, line) => {
    const record = toRecord(raw, ctx);
    if (isRejection(record)) {
      const id = raw.resident_id?.trim();
      if (id) rejectedIds.add(id);
      return reject(line, record.code, record.params);
    }
    if (seen.has(record.resident_id))
      return reject(line, 'row_duplicate_id', { id: record.resident_id });
    seen.add(record.resident_id);
    const number =
      record.document_hash === null ? null : normalizeDocumentNumber(raw.document_number ?? '');
    rows.push({ record, number });
  });
  // An empty or wholly broken file must not deregister the whole town.
  if (rows.length === 0) throw new AppError('register_no_valid_rows', { rejected }, 422);
  const residents = rows.map(({ record, number }) => {
    const fields = fieldsOf(record, number);
    return {
      resident_id: record.resident_id,
      fields,
      row_hash: sha256Hex(canonicalJson(fields)),
    };
  });
  return {
    residents,
    rejectedIds,
    report: {
      rejected,
      errors,
      encoding: parsed.encoding,
      delimiter: parsed.delimiter,
      columns: parsed.columns,
    },
  };
};
