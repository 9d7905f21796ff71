import type { OcrDocument, OcrDocumentField } from '../../shared/contract/ocr';
import { isValidDni } from './check-digits';

const plain = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();

const DIGIT_FIX: Record<string, string> = {
  O: '0',
  D: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
};
const LETTER_FIX: Record<string, string> = {
  '0': 'O',
  '1': 'I',
  '5': 'S',
  '8': 'B',
  '2': 'Z',
  ')': 'J',
  ']': 'J',
  '|': 'I',
};
const asDigits = (s: string): string => [...s].map((c) => DIGIT_FIX[c] ?? c).join('');

const dateOf = (line: string): string | null => {
  const m = /(\d{2})[\s./-]*(\d{2})[\s./-]*(\d{4})/.exec(
    asDigits(line.replace(/[^\dA-Z\s./-]/gi, '')),
  );
  if (!m) return null;
  const [, d, mo, y] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1) return null;
  return `${y}-${mo}-${d}`;
};

/** A name line as printed: letters (accents and Ñ kept), spaces, hyphens. */
const nameOf = (line: string): string | null => {
  const clean = line
    .replace(/[^\p{L}\s'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    // A hyphen or apostrophe joins two parts of a name; at either end it is a speck.
    .replace(/^[\s'-]+|[\s'-]+$/g, '')
    .toUpperCase();
  return /^[\p{Lu}][\p{Lu}\s'-]*$/u.test(clean) && clean.length >= 2 ? clean : null;
};

/** Letters the text model reads as digits in the DNI control letter's place. */
const LETTER_FOR_DIGIT: Record<string, string> = {
  '7': 'ZT',
  '2': 'Z',
  '0': 'OQD',
  '1': 'IT',
  '5': 'S',
  '8': 'BS',
  '4': 'A',
  '6': 'G',
};

/** Every way to drop one character from `s`. */
const dropOne = (s: string): string[] => [...s].map((_, i) => s.slice(0, i) + s.slice(i + 1));

/**
 * The DNI number, letter checked. When the letter came out as a digit, the one letter that
 * fits the mod-23 check among its look-alikes is taken, and reported as repaired.
 */
const findDni = (upper: string): { dni: string | null; repaired: boolean } => {
  for (const m of upper.matchAll(/([0-9OIDLZSBG]{8})\s?-?\s?([A-Z0-9])(?![A-Z0-9])/g)) {
    const digits = asDigits(m[1] ?? '');
    const last = m[2] ?? '';
    if (isValidDni(digits + last)) return { dni: digits + last, repaired: false };
    const fits = [...(LETTER_FOR_DIGIT[last] ?? '')].filter((l) => isValidDni(digits + l));
    const [only] = fits;
    if (fits.length === 1 && only) return { dni: digits + only, repaired: true };
  }
  // A doubled glyph gives 9 digits before the letter: take the one deletion that the letter
  // confirms, never a choice between two (1 in 23 wrong ones pass by chance).
  for (const m of upper.matchAll(/(?<![0-9])([0-9]{9})\s?([A-Z])(?![A-Z0-9])/g)) {
    const fits = new Set(
      dropOne(m[1] ?? '')
        .map((d) => d + (m[2] ?? ''))
        .filter(isValidDni),
    );
    const [only] = fits;
    if (fits.size === 1 && only) return { dni: only, repaired: true };
  }
  return { dni: null, repaired: false };
};

/** `jJ`: the text model sometimes reads one capital twice, first as its lower case. */
const undouble = (text: string): string =>
  text.replace(/([a-z])([A-Z])/g, (pair, lo: string, up: string) =>
    lo.toUpperCase() === up ? up : pair,
  );

export interface FrontReading {
  document: OcrDocument;
  /** Fields the front reading could not pin down. */
  uncertain: OcrDocumentField[];
  /** True when it reads as a DNI front: a letter-checked number and labelled names. */
  recognised: boolean;
}

/** Edit distance, to recognise a printed label however the OCR mangled it. */
const distance = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min(
        (row[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
};

const HEADER_WORDS = [
  'ESPANA',
  'DOCUMENTO',
  'NACIONAL',
  'IDENTIDAD',
  'APELLIDOS',
  'NOMBRE',
  'SEXO',
  'NACIONALIDAD',
  'FECHA',
  'NACIMIENTO',
  'VALIDEZ',
  'IDESP',
  'DNI',
];

const isLabelWord = (word: string): boolean => {
  const w = plain(word).replace(/[^A-Z]/g, '');
  return (
    w.length >= 3 &&
    HEADER_WORDS.some(
      (h) =>
        Math.abs(h.length - w.length) <= 2 &&
        distance(w, h) <= Math.max(1, Math.floor(h.length / 3)),
    )
  );
};

/** A line holding (a mangled form of) a printed label is label debris, never a name. */
const hasLabel = (line: string): boolean => line.split(/\s+/).some(isLabelWord);

export interface FrontLine {
  text: string;
  /** Height of the line's box in pixels; 0 when unknown. */
  height: number;
}

/**
 * Values are printed about twice as tall as their labels, so with line heights the labels
 * (which OCR mangles into name-like words) can be dropped before parsing.
 */
const valueLines = (input: string | readonly FrontLine[]): string[] => {
  const all: FrontLine[] =
    typeof input === 'string'
      ? input.split(/\r?\n/).map((text) => ({ text, height: 0 }))
      : input.flatMap((l) => l.text.split(/\r?\n/).map((text) => ({ text, height: l.height })));
  const lines = all.map((l) => ({ ...l, text: l.text.trim() })).filter((l) => l.text.length > 0);
  const dated = lines.filter((l) => l.height > 0 && dateOf(l.text) !== null).map((l) => l.height);
  const ref = dated.length > 0 ? Math.min(...dated) : 0;
  return lines.filter((l) => ref === 0 || l.height >= ref * 0.72).map((l) => l.text);
};

/**
 * Reads a DNI front from OCR text by the shape of its values, since the small printed labels
 * are the first thing blur and thresholding destroy: the letter-checked number, the
 * `SEX NAT` line, `DD MM YYYY` dates, the support number, and name lines in print order
 * (surnames, then the given name, before the sex line).
 */
export const parseDniFront = (input: string | readonly FrontLine[]): FrontReading => {
  const lines = valueLines(input);
  const upper = plain(undouble(lines.join('\n')));
  const { dni, repaired: dniRepaired } = findDni(upper);
  const sexIdx = lines.findIndex((l) =>
    /^[MFX][A-Z]?\s+[A-Z]{3}$/.test(
      plain(l)
        .replace(/[^A-Z\s]/g, '')
        .trim(),
    ),
  );
  const sexLine =
    sexIdx >= 0
      ? plain(lines[sexIdx] ?? '')
          .replace(/[^A-Z\s]/g, '')
          .trim()
      : '';
  const sexMatch = /^([MFX])[A-Z]?\s+([A-Z]{3})$/.exec(sexLine);
  const nameLines = lines
    .slice(0, sexIdx >= 0 ? sexIdx : lines.length)
    .filter((l) => !/[\d:|,.]/.test(l) && !hasLabel(l))
    .map(nameOf)
    .filter((n): n is string => n !== null && n.replace(/[^\p{L}]/gu, '').length >= 2);
  const given = nameLines.length >= 2 ? (nameLines.at(-1) ?? null) : null;
  const surnameLines = nameLines.slice(0, -1).slice(-2);
  const dates = lines
    .map(dateOf)
    .filter((d): d is string => d !== null)
    .sort();
  const birth = dates.length >= 2 ? (dates[0] ?? null) : null;
  const expiry = dates.length >= 2 ? (dates.at(-1) ?? null) : null;
  // The support number starts with three letters; 0/1/5/8 there are misread O/I/S/B. At
  // least one real letter is required, so the all-digit DNI number is never taken for it.
  let support: string | null = null;
  for (const m of upper.matchAll(/(?<![A-Z0-9])([A-Z0-9)\]|]{3})(\d{6})(?!\d)/g)) {
    const head = m[1] ?? '';
    const fixed = [...head].map((c) => LETTER_FIX[c] ?? c).join('');
    if (/[A-Z]/.test(head) && /^[A-Z]{3}$/.test(fixed)) {
      support = fixed + (m[2] ?? '');
      break;
    }
  }
  const [surname1 = null, surname2 = null] = surnameLines;
  const document: OcrDocument = {
    document_type: 'DNI',
    document_number: dni,
    surname1,
    surname2,
    surnames: surnameLines.length > 0 ? surnameLines.join(' ') : null,
    given_names: given,
    birth_date: birth,
    sex: sexMatch ? (sexMatch[1] as 'M' | 'F' | 'X') : null,
    nationality: sexMatch ? (sexMatch[2] ?? null) : null,
    expiry_date: expiry,
    issuing_state: 'ESP',
    support_number: support,
    personal_number: dni,
  };
  // Names have no check digit: a front reading is always for the clerk to confirm.
  const uncertain: OcrDocumentField[] = ['surname1', 'surname2', 'surnames', 'given_names'];
  if (dniRepaired) uncertain.push('document_number', 'personal_number');
  for (const key of [
    'birth_date',
    'sex',
    'nationality',
    'expiry_date',
    'support_number',
  ] as const) {
    if (document[key] === null) uncertain.push(key);
  }
  return {
    document,
    uncertain,
    recognised: dni !== null && surnameLines.length > 0 && given !== null,
  };
};
