import type { KeyObject } from 'node:crypto';
import { hashDocumentNumber } from '../privacy/document-number';
import {
  type DocumentType,
  documentKind,
  hasValidLetter,
  maskDocumentNumber,
  normalizeDocumentNumber,
} from '../../shared/document-number';
import type { CanonicalColumn } from '../../shared/contract/residents';
import { parseRegisterSex } from '../../shared/register-sex';
import type { RawRow } from './csv-read';
import { memo, nameKey, phoneticKey } from './names';

/** One resident as stored: never the plain document number. */
export interface ResidentRecord {
  resident_id: string;
  document_type: DocumentType;
  document_hash: string | null;
  /** The hash's first 52 bits as a number: the indexed form (see migration 0011). */
  document_key: number | null;
  document_masked: string | null;
  given_names: string;
  surname1: string;
  surname2: string | null;
  birth_date: string;
  sex: 'M' | 'F' | 'X' | null;
  nationality: string | null;
  address: string | null;
  district: string | null;
  surnames_key: string;
  phonetic_surname1: string;
  phonetic_given: string;
}

/** Every stored column of a record, in one order for the SQL and its values. */
export const RECORD_FIELDS = [
  'resident_id',
  'document_type',
  'document_hash',
  'document_key',
  'document_masked',
  'given_names',
  'surname1',
  'surname2',
  'birth_date',
  'sex',
  'nationality',
  'address',
  'district',
  'surnames_key',
  'phonetic_surname1',
  'phonetic_given',
] as const satisfies ReadonlyArray<keyof ResidentRecord>;

/**
 * True when a re-import would store exactly what is there. The match keys count too, so a
 * newer app's name rules reach every resident on the next import.
 */
export type RecordValue = ResidentRecord[keyof ResidentRecord];

/** Appends a record's values in RECORD_FIELDS order; written out, as it runs once per row. */
export const appendValues = (out: RecordValue[], r: ResidentRecord): void => {
  out.push(
    r.resident_id,
    r.document_type,
    r.document_hash,
    r.document_key,
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
    r.phonetic_surname1,
    r.phonetic_given,
  );
};

/** The indexed form of a document hash: its first 13 hex digits, exactly as a JS number. */
export const documentKey = (hash: string): number => Number.parseInt(hash.slice(0, 13), 16);

/** One row of flat values (RECORD_FIELDS order) as a record. */
export const recordAt = (values: readonly RecordValue[], row: number): ResidentRecord => {
  const record: Record<string, RecordValue> = {};
  RECORD_FIELDS.forEach((f, i) => {
    record[f] = values[row * RECORD_FIELDS.length + i] ?? null;
  });
  return record as unknown as ResidentRecord;
};

export const sameStoredFields = (stored: ResidentRecord, record: ResidentRecord): boolean =>
  RECORD_FIELDS.every((f) => stored[f] === record[f]);

/** ISO `yyyy-mm-dd` or Spanish `dd/mm/yyyy` (also `-` or `.`); null when not a real date. */
export const parseDate = (raw: string): string | null => cachedDate(raw) || null;

const cachedDate = memo((raw: string): string => parseDateOnce(raw) ?? '');

const parseDateOnce = (raw: string): string | null => {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(raw);
  const es = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : es ? [es[3], es[2], es[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(m) - 1 ||
    date.getUTCDate() !== Number(d)
  ) {
    return null;
  }
  return date.toISOString().slice(0, 10);
};

const TYPE_CODES: Record<string, DocumentType> = {
  '1': 'DNI',
  DNI: 'DNI',
  NIF: 'DNI',
  '2': 'PASSPORT',
  P: 'PASSPORT',
  PAS: 'PASSPORT',
  PASAPORTE: 'PASSPORT',
  PASSPORT: 'PASSPORT',
  '3': 'NIE',
  NIE: 'NIE',
  TIE: 'NIE',
  X: 'NIE',
  TARJETA_EXTRANJERO: 'NIE',
};

const documentTypeOf = (declared: string | undefined, normalized: string): DocumentType => {
  const kind = documentKind(normalized);
  if (kind !== 'OTHER') return kind; // the number's shape is more reliable than the type code
  const code = (declared ?? '').toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const type = TYPE_CODES[code];
  return type === 'DNI' || type === 'NIE' ? 'OTHER' : (type ?? 'OTHER');
};

export interface RowRejection {
  readonly code: string;
  readonly params?: Record<string, string | number>;
}

const clean = (v: string | undefined): string | null => {
  if (!v) return null;
  // Most fields have no runs of blanks: skip the regex replace for them.
  const s = /\s\s|[\t\r\n]/.test(v) ? v.replace(/\s+/g, ' ').trim() : v.trim();
  return s ? s : null;
};

export interface RowContext {
  /** A KeyObject when hashing many rows: each HMAC then skips re-importing the key. */
  readonly hmacKey: Buffer | KeyObject;
  readonly today: string;
  readonly spanishSexLetters: boolean;
}

/**
 * Longest value each column may hold, in UTF-16 units. Real registers stay far below; the
 * bound keeps a hostile or corrupt file from storing values that every screen, search and PDF
 * then has to carry.
 */
export const FIELD_LIMITS: Readonly<Record<CanonicalColumn, number>> = {
  resident_id: 64,
  document_type: 40,
  document_number: 40,
  given_names: 100,
  surname1: 100,
  surname2: 100,
  birth_date: 40,
  sex: 20,
  nationality: 60,
  address: 200,
  district: 100,
};

// Tabs and line breaks are blanks (`clean` folds them); NUL and the other controls are not text.
const hasControl = (value: string): boolean => {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
};

const badField = (raw: RawRow): RowRejection | null => {
  for (const field in raw) {
    const column = field as CanonicalColumn;
    const value = raw[column];
    if (value === undefined) continue;
    if (value.length > FIELD_LIMITS[column]) {
      return { code: 'row_field_too_long', params: { field: column, max: FIELD_LIMITS[column] } };
    }
    if (hasControl(value)) return { code: 'row_control_character', params: { field: column } };
  }
  return null;
};

/** Validates one raw row into what is stored, or says why it is rejected. */
export const toRecord = (raw: RawRow, ctx: RowContext): ResidentRecord | RowRejection => {
  const bad = badField(raw);
  if (bad) return bad;
  const residentId = clean(raw.resident_id);
  const given = clean(raw.given_names);
  const surname1 = clean(raw.surname1);
  if (!residentId) return { code: 'row_missing_field', params: { field: 'resident_id' } };
  if (!given) return { code: 'row_missing_field', params: { field: 'given_names' } };
  if (!surname1) return { code: 'row_missing_field', params: { field: 'surname1' } };
  if (!raw.birth_date) return { code: 'row_missing_field', params: { field: 'birth_date' } };
  const birth = parseDate(raw.birth_date);
  if (!birth || birth > ctx.today || birth < '1890-01-01') {
    return { code: 'row_bad_date', params: { value: raw.birth_date } };
  }
  const number = clean(raw.document_number);
  let documentType: DocumentType = 'NONE';
  let hash: string | null = null;
  let masked: string | null = null;
  if (number) {
    const normalized = normalizeDocumentNumber(number);
    documentType = documentTypeOf(raw.document_type, normalized);
    if ((documentType === 'DNI' || documentType === 'NIE') && !hasValidLetter(normalized)) {
      return {
        code: 'row_bad_document_letter',
        params: { masked: maskDocumentNumber(normalized) },
      };
    }
    if (!/^[A-Z0-9]{4,20}$/.test(normalized)) {
      return { code: 'row_bad_document', params: { masked: maskDocumentNumber(normalized) } };
    }
    hash = hashDocumentNumber(ctx.hmacKey, normalized);
    masked = maskDocumentNumber(normalized);
  }
  const surname2 = clean(raw.surname2);
  return {
    resident_id: residentId,
    document_type: documentType,
    document_hash: hash,
    document_key: hash ? documentKey(hash) : null,
    document_masked: masked,
    given_names: given,
    surname1,
    surname2,
    birth_date: birth,
    sex: parseRegisterSex(raw.sex, ctx.spanishSexLetters),
    nationality: clean(raw.nationality)?.toUpperCase() ?? null,
    address: clean(raw.address),
    district: clean(raw.district),
    surnames_key: nameKey(`${surname1} ${surname2 ?? ''}`),
    phonetic_surname1: phoneticKey(surname1),
    phonetic_given: phoneticKey(given),
  };
};

export const isRejection = (r: ResidentRecord | RowRejection): r is RowRejection => 'code' in r;
