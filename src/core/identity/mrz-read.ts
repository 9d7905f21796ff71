import { states } from 'mrz';
import type { OcrDocument } from '../../shared/contract/ocr';
import { isValidDni, isValidNie } from '../../shared/document-number';
import { correctMrz, idLetterValid, type CorrectedMrz } from './mrz-correct';
import { cut, LAYOUTS, layoutOf, numberExtension, type MrzFormat, type Span } from './mrz-layout';
import { masksFor } from './mrz-masks';
import { splitSurnames } from './surnames';

/** Splits OCR text into MRZ-looking lines: only `A-Z 0-9 <`, at least 20 characters. */
export const mrzLinesOf = (text: string): string[] =>
  text
    .toUpperCase()
    .replace(/[«‹]/g, '<')
    .split(/\r?\n/)
    // Specks at the band's edges come out as 1-2 stray glyphs separated by spaces.
    .map((l) =>
      l
        .trim()
        .replace(/^(\S{1,2}\s+)+/, '')
        .replace(/(\s+\S{1,2})+$/, ''),
    )
    .map((l) => l.replace(/[^A-Z0-9<]/g, ''))
    .filter((l) => l.length >= 20);

/** Split glyphs seen on blurred OCR-B: `M` read as `IVI` or `14` style pairs, `W` as `VV`. */
const SPLIT_GLYPHS: ReadonlyArray<[RegExp, string]> = [
  [/IVI/, 'M'],
  [/VV/, 'W'],
  [/IV(?=[A-Z<])/, 'M'],
];

/** Brings a line to `length` by repairing split glyphs and resizing the last filler run. */
const fitLine = (line: string, length: number): string => {
  let out = line;
  for (const [re, glyph] of SPLIT_GLYPHS) {
    if (out.length <= length) break;
    out = out.replace(re, glyph);
  }
  while (out.length > length) {
    const run = out.lastIndexOf('<<');
    out = run >= 0 ? out.slice(0, run) + out.slice(run + 1) : out.slice(0, length);
  }
  while (out.length < length) {
    const run = out.lastIndexOf('<');
    out = run >= 0 ? out.slice(0, run) + '<' + out.slice(run) : out + '<';
  }
  return out;
};

/** Picks the format whose line count and length best fit the text, and fits the lines to it. */
export const shapeMrz = (
  lines: readonly string[],
): { format: MrzFormat; lines: string[]; raw: string[] } | null => {
  let best: { format: MrzFormat; lines: string[]; raw: string[]; cost: number } | null = null;
  for (const layout of LAYOUTS) {
    if (lines.length < layout.lineCount) continue;
    const chosen = lines.slice(-layout.lineCount);
    const cost = chosen.reduce((acc, l) => acc + Math.abs(l.length - layout.lineLength), 0);
    if (cost > layout.lineCount * 6) continue;
    if (!best || cost < best.cost) {
      best = {
        format: layout.format,
        lines: chosen.map((l) => fitLine(l, layout.lineLength)),
        raw: chosen,
        cost,
      };
    }
  }
  return best ? { format: best.format, lines: best.lines, raw: best.raw } : null;
};

/**
 * Ways to read each line of a shaped MRZ: as fitted, and for a line that came out too long,
 * without 1 to 3 leading glyphs (specks at the band's left edge read as letters).
 */
const alignments = (raw: readonly string[], fitted: readonly string[]): string[][] => {
  let out: string[][] = [[]];
  raw.forEach((line, i) => {
    const length = fitted[i]?.length ?? line.length;
    const options = [fitted[i] ?? line];
    for (let k = 1; k <= Math.min(3, line.length - length); k++) {
      const trimmed = fitLine(line.slice(k), length);
      if (!options.includes(trimmed)) options.push(trimmed);
    }
    out = out.flatMap((acc) => options.map((o) => [...acc, o]));
  });
  return out;
};

const looksSpanish = (lines: readonly string[]): boolean =>
  (lines[0] ?? '').slice(2, 5).replace(/5/g, 'S').replace(/3/g, 'E') === 'ESP';

/**
 * Checks passed first; then a mask the reading fits (a TIE support number E + 8 digits
 * also "passes" the DNI mask when its digits have no letter look-alike), then the fewest
 * changes.
 */
const score = (c: CorrectedMrz): number =>
  Object.values(c.checks).filter(Boolean).length * 10 +
  (idLetterValid(c.lines, c.mask) === false ? -10 : 0) -
  c.misfits * 10 -
  c.swaps -
  c.forced * 0.5;

/** Tries every mask that fits (Spanish formats are a hard filter for Spanish documents). */
const correctBest = (format: MrzFormat, lines: readonly string[]): CorrectedMrz | null => {
  const masks = masksFor(format, looksSpanish(lines));
  let best: CorrectedMrz | null = null;
  for (const mask of masks) {
    const c = correctMrz(lines, mask);
    if (!best || score(c) > score(best)) best = c;
  }
  return best;
};

/** ICAO 9303's fictional Utopia: every specimen document, and so every reader's test, uses it. */
const SPECIMEN_STATE = 'UTO';

const isState = (code: string): boolean => {
  const clean = code.replace(/<+$/, '');
  return clean.length > 0 && (clean in states || clean === SPECIMEN_STATE);
};

/** Letters the legacy engine confuses on OCR-B capitals (and digits forced into letters). */
const STATE_CONFUSIONS: Record<string, string> = {
  O: 'DQC',
  D: 'O',
  Q: 'O',
  C: 'G',
  G: 'C',
  H: 'MNW',
  N: 'MHW',
  M: 'NH',
  W: 'NH',
  I: 'L',
  L: 'I',
  B: 'E',
  E: 'BF',
  F: 'E',
  S: 'E',
};

/**
 * A state code has no check digit: when the reading is not an ISO 3166 code but exactly one
 * single-letter confusion of it is, take that one and flag it; otherwise keep the reading.
 */
export const repairState = (code: string): { code: string; guessed: boolean } => {
  if (isState(code)) return { code, guessed: false };
  const found = new Set<string>();
  for (let i = 0; i < code.length; i++) {
    for (const alt of STATE_CONFUSIONS[code[i] ?? ''] ?? '') {
      const cand = code.slice(0, i) + alt + code.slice(i + 1);
      if (isState(cand)) found.add(cand);
    }
  }
  const [only] = found;
  return found.size === 1 && only ? { code: only, guessed: true } : { code, guessed: false };
};

/** YYMMDD to ISO; birth dates in the future belong to the previous century. */
export const mrzDate = (
  yymmdd: string,
  kind: 'birth' | 'expiry',
  today = new Date(),
): string | null => {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(yymmdd);
  if (!m) return null;
  const yy = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  let year = 2000 + yy;
  if (kind === 'birth' && year > today.getUTCFullYear()) year -= 100;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${m[2]}-${m[3]}`;
};

export interface MrzInterpretation {
  format: MrzFormat;
  lines: string[];
  checks: Record<string, boolean>;
  valid: boolean;
  document: OcrDocument;
  /** Why `valid` is false beyond the check digits (bad nationality, date, name characters). */
  problems: string[];
  swaps: number;
  /** Document fields whose value comes from a swap search, not straight from the reading. */
  swappedFields: Array<'document_number' | 'personal_number'>;
  /** State codes (no check digit) taken as the only valid code one confusion away. */
  guessedFields: Array<'issuing_state' | 'nationality'>;
}

const strip = (v: string): string => v.replace(/<+$/g, '').replace(/</g, ' ').trim();

export const splitMrzName = (field: string): { surnames: string; given: string } => {
  const idx = field.indexOf('<<');
  const primary = idx >= 0 ? field.slice(0, idx) : field;
  const secondary = idx >= 0 ? field.slice(idx + 2) : '';
  return { surnames: strip(primary), given: strip(secondary) };
};

/** Turns corrected MRZ lines into the document fields, adding the Spanish number checks. */
const interpretMrz = (c: CorrectedMrz, today = new Date()): MrzInterpretation => {
  const layout = layoutOf(c.mask.format);
  const f = layout.fields;
  const get = (span: typeof f.name): string => (span ? cut(c.lines, span) : '');
  const checks = { ...c.checks };
  const problems: string[] = [];
  const code = get(f.documentCode);
  const issuingRead = repairState(get(f.issuingState));
  const nationalityRead = repairState(get(f.nationality));
  const issuing = issuingRead.code;
  const nationality = nationalityRead.code;
  const guessedFields: Array<'issuing_state' | 'nationality'> = [];
  if (issuingRead.guessed) guessedFields.push('issuing_state');
  if (nationalityRead.guessed) guessedFields.push('nationality');
  const numberCheck = layout.checks.find((k) => k.key === 'document_number');
  const more = numberCheck ? numberExtension(c.lines, numberCheck) : '';
  const long = more.length >= 2;
  const docNumber = long
    ? get(f.documentNumber) + more.slice(0, -1)
    : get(f.documentNumber).replace(/<+$/, '');
  const optional = (long ? get(f.optional1).slice(more.length + 1) : get(f.optional1)).replace(
    /<+$/,
    '',
  );
  const nameField = get(f.name);
  const { surnames, given } = splitMrzName(nameField);
  const sexRaw = get(f.sex);
  const birth = mrzDate(get(f.birthDate), 'birth', today);
  const expiry = mrzDate(get(f.expiryDate), 'expiry', today);

  let documentType: OcrDocument['document_type'] = code.startsWith('P') ? 'PASSPORT' : 'OTHER';
  let documentNumber: string | null = docNumber || null;
  let supportNumber: string | null = null;
  let personalNumber: string | null = null;
  const idNumber = optional.slice(0, 9);
  if (c.mask.kind === 'dni') {
    documentType = 'DNI';
    checks.dni_letter = isValidDni(idNumber);
    supportNumber = docNumber;
    documentNumber = idNumber;
    personalNumber = idNumber;
  } else if (c.mask.kind === 'tie') {
    documentType = 'NIE';
    checks.nie_letter = isValidNie(idNumber) && docNumber.startsWith('E');
    supportNumber = docNumber;
    documentNumber = idNumber;
    personalNumber = idNumber;
  } else if (c.mask.kind === 'esp_passport') {
    checks.dni_letter = isValidDni(idNumber);
    personalNumber = idNumber;
  } else if (c.mask.format === 'TD3' && optional.length > 0) {
    personalNumber = optional;
  }

  if (!isState(issuing)) problems.push('issuing_state');
  if (!isState(nationality)) problems.push('nationality');
  if (!/^[A-Z<]+$/.test(nameField) || surnames.length === 0) problems.push('name');
  if (!birth) problems.push('birth_date');
  if (!expiry) problems.push('expiry_date');
  if (!/^[MFX<]$/.test(sexRaw)) problems.push('sex');
  // ICAO 9303: passports are P, identity cards I, A or C; a shifted line rarely starts so.
  const codeLetters = c.mask.format === 'TD3' ? 'P' : 'IAC';
  if (!/^[A-Z][A-Z<]$/.test(code) || !codeLetters.includes(code[0] ?? '')) {
    problems.push('document_code');
  }

  const split = splitSurnames(surnames);
  const document: OcrDocument = {
    document_type: documentType,
    document_number: documentNumber,
    surname1: split.surname1,
    surname2: split.surname2,
    surnames: split.surnames,
    given_names: given || null,
    birth_date: birth,
    sex: sexRaw === 'M' || sexRaw === 'F' ? sexRaw : sexRaw === '<' || sexRaw === 'X' ? 'X' : null,
    nationality: strip(nationality) || null,
    expiry_date: expiry,
    issuing_state: strip(issuing) || null,
    support_number: supportNumber,
    personal_number: personalNumber,
  };
  const valid = Object.values(checks).every(Boolean) && problems.length === 0;
  const swappedFields = new Set<'document_number' | 'personal_number'>();
  for (const key of c.swapped) {
    if (key === 'document_number') swappedFields.add('document_number');
    else if (key === 'id_letter') {
      swappedFields.add('personal_number');
      if (c.mask.format === 'TD1') swappedFields.add('document_number');
    } else {
      // Composite-only swaps changed optional data; on a TD3 that is the personal number.
      swappedFields.add(c.mask.format === 'TD3' ? 'personal_number' : 'document_number');
    }
  }
  return {
    format: c.mask.format,
    lines: c.lines,
    checks,
    valid,
    document,
    problems,
    swaps: c.swaps,
    swappedFields: [...swappedFields],
    guessedFields,
  };
};

/** Full pipeline for one OCR reading: shape, correct, interpret. */
export const readMrzText = (text: string, today = new Date()): MrzInterpretation | null => {
  const shaped = shapeMrz(mrzLinesOf(text));
  if (!shaped) return null;
  let best: CorrectedMrz | null = null;
  // The untrimmed reading comes first and wins ties.
  for (const lines of alignments(shaped.raw, shaped.lines)) {
    const c = correctBest(shaped.format, lines);
    if (c && (!best || score(c) > score(best))) best = c;
  }
  return best ? interpretMrz(best, today) : null;
};

/** Where a field every format has sits on its MRZ lines. */
const spanOf = (format: MrzFormat, field: 'name' | 'documentNumber'): Span => {
  const span = layoutOf(format).fields[field];
  if (!span) throw new Error(`no ${field} in ${format}`);
  return span;
};

/** Where the name sits on the MRZ lines of each format. */
export const nameSpan = (format: MrzFormat): Span => spanOf(format, 'name');

/**
 * The same reading with another spelling of the name field (names carry no check digit, so
 * the checks stay as they were). Used when a second engine reads a letter differently.
 */
export const withNameField = (m: MrzInterpretation, nameField: string): MrzInterpretation => {
  const span = nameSpan(m.format);
  const lines = [...m.lines];
  lines[span.line] = (lines[span.line] ?? '').slice(0, span.start) + nameField;
  const { surnames, given } = splitMrzName(nameField);
  const split = splitSurnames(surnames);
  return {
    ...m,
    lines,
    document: {
      ...m.document,
      surname1: split.surname1,
      surname2: split.surname2,
      surnames: split.surnames,
      given_names: given || null,
    },
  };
};

/** Where the document number field sits for each format (its 9 characters, before any overflow). */
export const documentNumberSpan = (format: MrzFormat): Span => spanOf(format, 'documentNumber');
