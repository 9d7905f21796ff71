/**
 * Positions of the ICAO 9303 fields we read, per format. The `mrz` package holds the same
 * tables for parsing; we need them again here because correction works position by position.
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

export interface Span {
  line: number;
  start: number;
  end: number;
}

export interface CheckSpec {
  key: string;
  /** Where the check digit sits. */
  digit: Span;
  /** Text the digit covers, concatenated in order. */
  covers: Span[];
  /**
   * ICAO 9303 Part 5 note j: a document number longer than 9 has '<' in the check position
   * and goes on in this optional data, its last character before a filler being the check.
   */
  extension?: Span;
}

export interface MrzLayout {
  format: MrzFormat;
  lineLength: number;
  lineCount: number;
  fields: Record<
    | 'documentCode'
    | 'issuingState'
    | 'documentNumber'
    | 'optional1'
    | 'optional2'
    | 'birthDate'
    | 'sex'
    | 'expiryDate'
    | 'nationality'
    | 'name',
    Span | null
  >;
  checks: CheckSpec[];
}

const s = (line: number, start: number, end: number): Span => ({ line, start, end });

export const TD1: MrzLayout = {
  format: 'TD1',
  lineLength: 30,
  lineCount: 3,
  fields: {
    documentCode: s(0, 0, 2),
    issuingState: s(0, 2, 5),
    documentNumber: s(0, 5, 14),
    optional1: s(0, 15, 30),
    birthDate: s(1, 0, 6),
    sex: s(1, 7, 8),
    expiryDate: s(1, 8, 14),
    nationality: s(1, 15, 18),
    optional2: s(1, 18, 29),
    name: s(2, 0, 30),
  },
  checks: [
    {
      key: 'document_number',
      digit: s(0, 14, 15),
      covers: [s(0, 5, 14)],
      extension: s(0, 15, 30),
    },
    { key: 'birth_date', digit: s(1, 6, 7), covers: [s(1, 0, 6)] },
    { key: 'expiry_date', digit: s(1, 14, 15), covers: [s(1, 8, 14)] },
    {
      key: 'composite',
      digit: s(1, 29, 30),
      covers: [s(0, 5, 30), s(1, 0, 7), s(1, 8, 15), s(1, 18, 29)],
    },
  ],
};

export const TD2: MrzLayout = {
  format: 'TD2',
  lineLength: 36,
  lineCount: 2,
  fields: {
    documentCode: s(0, 0, 2),
    issuingState: s(0, 2, 5),
    name: s(0, 5, 36),
    documentNumber: s(1, 0, 9),
    nationality: s(1, 10, 13),
    birthDate: s(1, 13, 19),
    sex: s(1, 20, 21),
    expiryDate: s(1, 21, 27),
    optional1: s(1, 28, 35),
    optional2: null,
  },
  checks: [
    {
      key: 'document_number',
      digit: s(1, 9, 10),
      covers: [s(1, 0, 9)],
      extension: s(1, 28, 35),
    },
    { key: 'birth_date', digit: s(1, 19, 20), covers: [s(1, 13, 19)] },
    { key: 'expiry_date', digit: s(1, 27, 28), covers: [s(1, 21, 27)] },
    { key: 'composite', digit: s(1, 35, 36), covers: [s(1, 0, 10), s(1, 13, 20), s(1, 21, 35)] },
  ],
};

export const TD3: MrzLayout = {
  format: 'TD3',
  lineLength: 44,
  lineCount: 2,
  fields: {
    documentCode: s(0, 0, 2),
    issuingState: s(0, 2, 5),
    name: s(0, 5, 44),
    documentNumber: s(1, 0, 9),
    nationality: s(1, 10, 13),
    birthDate: s(1, 13, 19),
    sex: s(1, 20, 21),
    expiryDate: s(1, 21, 27),
    optional1: s(1, 28, 42),
    optional2: null,
  },
  checks: [
    { key: 'document_number', digit: s(1, 9, 10), covers: [s(1, 0, 9)] },
    { key: 'birth_date', digit: s(1, 19, 20), covers: [s(1, 13, 19)] },
    { key: 'expiry_date', digit: s(1, 27, 28), covers: [s(1, 21, 27)] },
    { key: 'personal_number', digit: s(1, 42, 43), covers: [s(1, 28, 42)] },
    { key: 'composite', digit: s(1, 43, 44), covers: [s(1, 0, 10), s(1, 13, 20), s(1, 21, 43)] },
  ],
};

export const LAYOUTS: readonly MrzLayout[] = [TD1, TD2, TD3];

export const layoutOf = (format: MrzFormat): MrzLayout =>
  format === 'TD1' ? TD1 : format === 'TD2' ? TD2 : TD3;

export const cut = (lines: readonly string[], span: Span): string =>
  (lines[span.line] ?? '').slice(span.start, span.end);

export const coveredText = (lines: readonly string[], check: CheckSpec): string =>
  check.covers.map((span) => cut(lines, span)).join('');

/** The rest of a long document number held in the optional data, or '' when it is short. */
export const numberExtension = (lines: readonly string[], check: CheckSpec): string => {
  if (!check.extension || cut(lines, check.digit) !== '<') return '';
  return /^[A-Z0-9]*/.exec(cut(lines, check.extension))?.[0] ?? '';
};
