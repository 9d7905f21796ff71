import { createSecretKey } from 'node:crypto';
import type { CanonicalColumn } from '../../shared/contract/residents';
import { usesSpanishSexLetters } from '../../shared/register-sex';
import { decodeRegister, detectDelimiter, type ParsedRegister, readRegister } from './csv-read';
import { appendValues, isRejection, type RecordValue, toRecord } from './rows';

/** What reading a register needs: the file, the installation's HMAC key and today's date. */
export interface RecordSourceInput {
  readonly bytes: Uint8Array;
  readonly hmacKey: Buffer;
  readonly today: string;
  /** Header → canonical column, overriding the automatic aliases. */
  readonly mapping?: Readonly<Record<string, CanonicalColumn>> | undefined;
}

export interface RejectedRow {
  readonly line: number;
  readonly code: string;
  readonly params?: Record<string, string | number> | undefined;
  /** The row's inscription id when it could be read: that resident is kept, not deregistered. */
  readonly resident_id?: string | undefined;
}

/**
 * Rows in file order, a thousand or so at a time. Accepted rows travel as flat values
 * (RECORD_FIELDS order), which cross threads and reach SQLite without a per-row object.
 */
export interface RecordBatch {
  readonly values: RecordValue[];
  readonly rejections: RejectedRow[];
  /** Share of the file read so far, when it moved. */
  readonly fraction: number | null;
}

/** 32 inserts of INSERT_BATCH rows each. */
export const ROWS_PER_BATCH = 1024;

/**
 * Decodes, parses and validates every row of a register file in this thread. A resident id
 * seen before in the file is rejected here, so the first row for it is the one kept.
 */
export const readRecordBatches = (
  input: RecordSourceInput,
  onBatch: (batch: RecordBatch) => void,
): ParsedRegister => {
  const decoded = decodeRegister(input.bytes);
  const ctx = {
    hmacKey: createSecretKey(input.hmacKey),
    today: input.today,
    spanishSexLetters: usesSpanishSexLetters(decoded.text, detectDelimiter(decoded.text)),
  };
  const seen = new Set<string>();
  let values: RecordValue[] = [];
  let rejections: RejectedRow[] = [];
  let fraction: number | null = null;
  let rows = 0;
  const flush = () => {
    onBatch({ values, rejections, fraction });
    values = [];
    rejections = [];
    fraction = null;
    rows = 0;
  };
  const parsed = readRegister(
    decoded,
    (raw, line) => {
      const record = toRecord(raw, ctx);
      if (isRejection(record)) {
        const id = raw.resident_id;
        rejections.push(id ? { line, ...record, resident_id: id } : { line, ...record });
      } else if (seen.has(record.resident_id)) {
        rejections.push({ line, code: 'row_duplicate_id', params: { id: record.resident_id } });
      } else {
        seen.add(record.resident_id);
        appendValues(values, record);
      }
      rows += 1;
      if (rows === ROWS_PER_BATCH) flush();
    },
    {
      mapping: input.mapping,
      onProgress: (f) => {
        fraction = f;
      },
    },
  );
  if (rows > 0 || fraction !== null) flush();
  return parsed;
};
