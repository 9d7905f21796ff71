import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { CanonicalColumn } from '../../shared/contract/residents';
import { AppError } from '../../shared/errors';

export type Encoding = 'utf-8' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t';

const hasUtf8Bom = (b: Uint8Array): boolean => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * UTF-8 when the bytes are valid UTF-8; otherwise Spanish Excel's 1252. A UTF-8 BOM is dropped
 * first: some tools add one to a 1252 body, and decoded as 1252 it would glue «ï»¿» to the
 * first header.
 */
export const decodeRegister = (bytes: Uint8Array): { text: string; encoding: Encoding } => {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(body), 'win1252'), encoding: 'windows-1252' };
  }
};

/** The delimiter that splits the header row most often (quoted text does not count). */
export const detectDelimiter = (text: string): Delimiter => {
  const end = text.search(/\r?\n/);
  const header = (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts: Array<[Delimiter, number]> = [',', ';', '\t'].map((d) => [
    d as Delimiter,
    header.split(d).length - 1,
  ]);
  counts.sort((a, b) => b[1] - a[1]);
  const best = counts[0];
  if (!best || best[1] === 0) throw new AppError('register_no_delimiter');
  return best[0];
};

/** Header spellings seen in Spanish municipal exports, normalised (see `headerKey`). */
const ALIASES: Record<string, CanonicalColumn> = {};
const alias = (column: CanonicalColumn, names: string[]): void => {
  for (const n of [column, ...names]) ALIASES[headerKey(n)] = column;
};

/** Upper case, no accents, anything else collapsed to `_`: "Fecha Nacimiento" → FECHA_NACIMIENTO. */
export const headerKey = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

alias('resident_id', [
  'ID',
  'ID_HABITANTE',
  'NUM_HABITANTE',
  'NUMERO_HABITANTE',
  'IDENTIFICADOR',
  'CODIGO',
  'COD_HABITANTE',
  'NUM_INSCRIPCION',
  'NUMERO_INSCRIPCION',
  'N_INSCRIPCION',
  'ID_PADRON',
]);
alias('document_type', ['TIPO_DOCUMENTO', 'TIPO_DOC', 'TIPODOC', 'TIPO_IDENTIFICACION']);
alias('document_number', [
  'DNI',
  'NIE',
  'DNI_NIE',
  'NIF',
  'NUM_DOCUMENTO',
  'NUMERO_DOCUMENTO',
  'N_DOCUMENTO',
  'DOCUMENTO',
  'NUM_DOC',
  'IDENTIFICACION',
]);
alias('given_names', ['NOMBRE', 'NOMBRES', 'NOMBRE_PILA']);
alias('surname1', ['APELLIDO1', 'APELLIDO_1', 'PRIMER_APELLIDO', '1_APELLIDO', 'APELLIDO']);
alias('surname2', ['APELLIDO2', 'APELLIDO_2', 'SEGUNDO_APELLIDO', '2_APELLIDO']);
alias('birth_date', ['FECHA_NACIMIENTO', 'FECHA_NAC', 'F_NACIMIENTO', 'FNAC', 'NACIMIENTO']);
alias('sex', ['SEXO', 'GENERO']);
alias('nationality', ['NACIONALIDAD', 'PAIS_NACIONALIDAD']);
alias('address', ['DOMICILIO', 'DIRECCION', 'DOMICILIO_COMPLETO']);
alias('district', ['DISTRITO', 'BARRIO', 'SECCION', 'DISTRITO_SECCION']);

/** Maps each header to a canonical column; an explicit mapping (header → column) wins. */
export const mapHeaders = (
  headers: readonly string[],
  explicit: Readonly<Record<string, CanonicalColumn>> = {},
): Map<number, CanonicalColumn> => {
  const out = new Map<number, CanonicalColumn>();
  const taken = new Set<CanonicalColumn>();
  headers.forEach((h, i) => {
    const column = explicit[h] ?? ALIASES[headerKey(h)];
    if (column && !taken.has(column)) {
      out.set(i, column);
      taken.add(column);
    }
  });
  const missing = (['resident_id', 'given_names', 'surname1', 'birth_date'] as const).filter(
    (c) => !taken.has(c),
  );
  if (missing.length > 0) {
    throw new AppError('register_missing_columns', {
      columns: missing.join(', '),
      headers: headers.join(', '),
    });
  }
  return out;
};

export type RawRow = Partial<Record<CanonicalColumn, string>>;

export interface ParsedRegister {
  readonly encoding: Encoding;
  readonly delimiter: Delimiter;
  readonly columns: Record<string, CanonicalColumn>;
  readonly rows: number;
}

/** Line feeds in `text` from `from` up to (not including) `to`. */
const countLines = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
};

/** The line a record starting at `from` begins on, past any blank lines the parser skipped. */
const startLine = (text: string, from: number): number => {
  let i = from;
  while (i < text.length && /\s/.test(text.charAt(i))) i += 1;
  return 1 + countLines(text, 0, i);
};

/**
 * Parses the decoded file (papaparse: RFC 4180 quoting, about four times faster than csv-parse
 * on a million rows), calling `onRow` with each data row and the line it ends on. Rows are not
 * kept, so a million-row file costs no more memory than its text.
 */
export const readRegister = (
  decoded: { text: string; encoding: Encoding },
  onRow: (row: RawRow, line: number) => void,
  options: {
    mapping?: Readonly<Record<string, CanonicalColumn>> | undefined;
    /** Called every few thousand rows with the share of the text read so far. */
    onProgress?: ((fraction: number) => void) | undefined;
  } = {},
): ParsedRegister => {
  const { text, encoding } = decoded;
  const delimiter = detectDelimiter(text);
  let mapping: Map<number, CanonicalColumn> | null = null;
  let columns: Record<string, CanonicalColumn> = {};
  let rows = 0;
  let cursor = 0;
  let lines = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    // 'greedy' would join every row to test it; blank lines are caught below instead.
    skipEmptyLines: true,
    step: (result) => {
      const from = cursor;
      cursor = result.meta.cursor;
      const error = result.errors[0];
      if (error) {
        throw new AppError(
          'register_unreadable_csv',
          { line: startLine(text, from), detail: error.message },
          422,
        );
      }
      lines += countLines(text, from, cursor);
      // The line the record ends on; the last one may have no line feed after it.
      const line = text.charCodeAt(cursor - 1) === 10 ? lines : lines + 1;
      const record = result.data;
      if (record.length === 1 && !record[0]?.trim()) return;
      if (!mapping) {
        const headers = record.map((h) => h.trim());
        mapping = mapHeaders(headers, options.mapping);
        columns = Object.fromEntries([...mapping].map(([i, c]) => [headers[i] ?? '', c]));
        return;
      }
      const row: RawRow = {};
      for (const [i, column] of mapping) {
        const value = record[i]?.trim();
        if (value) row[column] = value;
      }
      rows += 1;
      onRow(row, line);
      if (options.onProgress && rows % 5_000 === 0) options.onProgress(cursor / text.length);
    },
  });
  if (!mapping) throw new AppError('register_empty');
  return { encoding, delimiter, columns, rows };
};
