import { distance, plain } from './front-text';

/** What a printed label on a card announces. */
export type LabelField =
  | 'surnames'
  | 'surname1'
  | 'surname2'
  | 'given'
  | 'sex'
  | 'nationality'
  | 'birth'
  | 'issue'
  | 'expiry'
  | 'support'
  | 'number'
  | 'nie'
  | 'permit'
  | 'header'
  | 'tie'
  | 'certificate'
  | 'can'
  | 'passport'
  | 'back';

/**
 * Labels of the DNI 3.0 and 4.0 (bilingual) fronts and the TIE front, as printed but without
 * accents; `back` labels belong to the reverse side, whose address block must never be read
 * as names; `header` words are the card's title (`tie`: a TIE's, `certificate`: a NIE certificate's, a
 * paper that prints no expiry); `can` is the card access number, and a
 * `passport` label means a passport page, never a card front.
 */
const LABELS: ReadonlyArray<readonly [LabelField, readonly string[]]> = [
  ['surname1', ['PRIMER APELLIDO', 'FIRST SURNAME', '1ER APELLIDO']],
  ['surname2', ['SEGUNDO APELLIDO', 'SECOND SURNAME', '2O APELLIDO']],
  ['surnames', ['APELLIDOS', 'SURNAMES', 'SURNAME', 'APELLIDO']],
  ['given', ['NOMBRE', 'NOMBRES', 'GIVEN NAMES', 'GIVEN NAME', 'NAME', 'NAMES']],
  ['sex', ['SEXO', 'SEX']],
  ['nationality', ['NACIONALIDAD', 'NATIONALITY']],
  ['birth', ['FECHA DE NACIMIENTO', 'DATE OF BIRTH', 'F NACIMIENTO']],
  [
    'issue',
    [
      'EMISION',
      'ISSUE',
      'FECHA DE EMISION',
      'DATE OF ISSUE',
      'FECHA DE EXPEDICION',
      'EXPEDICION',
      'ISSUED',
    ],
  ],
  [
    'expiry',
    [
      'VALIDO HASTA',
      'VALIDEZ',
      'EXPIRY',
      'DATE OF EXPIRY',
      'FECHA DE CADUCIDAD',
      'CADUCIDAD',
      'VALID UNTIL',
    ],
  ],
  [
    'support',
    ['IDESP', 'NUM SOPORT', 'NUM SOPORTE', 'N SOPORTE', 'SOPORTE', 'SUPPORT NO', 'SUPPORT'],
  ],
  ['can', ['CAN']],
  ['passport', ['PASAPORTE', 'PASSPORT']],
  ['number', ['DNI', 'DOCUMENT NUMBER', 'NUM DOCUMENTO']],
  ['nie', ['NIE', 'N I E']],
  ['permit', ['TIPO DE PERMISO', 'PERMISO', 'PERMIT', 'TYPE OF PERMIT', 'OBSERVACIONES']],
  [
    'header',
    [
      'ESPANA',
      'REINO DE ESPANA',
      'KINGDOM OF SPAIN',
      'DOCUMENTO NACIONAL DE IDENTIDAD',
      'IDENTITY CARD',
    ],
  ],
  ['tie', ['TARJETA DE IDENTIDAD DE EXTRANJERO', 'PERMISO DE RESIDENCIA', 'RESIDENCE PERMIT']],
  [
    'certificate',
    [
      'CERTIFICADO DE REGISTRO DE CIUDADANO DE LA UNION',
      'CERTIFICADO DE REGISTRO',
      'NUMERO DE IDENTIDAD DE EXTRANJERO',
    ],
  ],
  [
    'back',
    [
      'DOMICILIO',
      'LUGAR DE DOMICILIO',
      'LUGAR DE NACIMIENTO',
      'PLACE OF BIRTH',
      'HIJO A DE',
      'HIJO DE',
      'HIJA DE',
      'EQUIPO',
      'ADDRESS',
    ],
  ],
];

interface Phrase {
  field: LabelField;
  words: string[];
  joined: string;
}

// Longest first, so `LUGAR DE NACIMIENTO` wins over `NACIMIENTO` and `FECHA DE EMISION` over
// `EMISION`.
const PHRASES: Phrase[] = LABELS.flatMap(([field, list]) =>
  list.map((p) => ({ field, words: p.split(' '), joined: p.replace(/ /g, '') })),
).sort((a, b) => b.joined.length - a.joined.length);

/** Character errors tolerated in a label: none in short ones. */
const tolerance = (p: Phrase, strict: boolean): number => {
  const length = p.joined.length;
  // A value line takes only exact labels, except long phrases of several words that no name
  // resembles (blur swells labels to the height of values).
  if (strict && (p.words.length < 2 || length < 12)) return 0;
  if (length <= 4) return 0;
  if (length <= 5) return 1;
  if (length <= 11) return 2;
  return 3;
};

interface Token {
  text: string;
  key: string;
  start: number;
  end: number;
}

/** Digits the text model reads inside a printed word (`SEX0`, `NATI0NALITY`). */
const LETTER_OF: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B' };
const labelKey = (word: string): string => {
  const key = plain(word);
  return /[A-Z]/.test(key) ? key.replace(/[0158]/g, (d) => LETTER_OF[d] ?? d) : key;
};

const tokens = (line: string): Token[] =>
  [...line.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    text: m[0],
    key: labelKey(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));

export type Segment = { label: LabelField; exact: boolean } | { text: string };

/** The best label starting at token `i`: how many tokens it covers, and how exactly. */
const labelAt = (
  ts: readonly Token[],
  i: number,
  strict: boolean,
): { field: LabelField; span: number; exact: boolean } | null => {
  let best: { field: LabelField; span: number; d: number; length: number } | null = null;
  for (const p of PHRASES) {
    // ESPAÑOLA, the specimen surname, is two letters from ESPAÑA.
    const tol = p.joined === 'ESPANA' ? (strict ? 0 : 1) : tolerance(p, strict);
    const spans = [p.words.length, p.words.length - 1, p.words.length + 1].filter(
      (n) => n >= 1 && i + n <= ts.length,
    );
    for (const n of spans) {
      const got = ts
        .slice(i, i + n)
        .map((t) => t.key)
        .join('');
      // Words split by OCR are rejoined, but a lone letter is a value (`SEXO: F NACIONALIDAD`).
      if (n > p.words.length && ts.slice(i, i + n).some((t) => t.key.length < 2)) continue;
      if (Math.abs(got.length - p.joined.length) > tol) continue;
      // A label word is letters: a value such as `DNI 12345678Z` keeps its digits.
      if (/\d/.test(got)) continue;
      const d = distance(got, p.joined);
      // The closest label wins (NOMBRE is not NOMBRES); on a tie, the longer one.
      if (d <= tol && (!best || d < best.d || (d === best.d && p.joined.length > best.length))) {
        best = { field: p.field, span: n, d, length: p.joined.length };
      }
    }
  }
  return best && { field: best.field, span: best.span, exact: best.d === 0 };
};

/**
 * Splits one OCR line into labels and the value text between them, keeping the value's
 * original spelling (accents). `strict` lines (printed as tall as values) only take labels
 * read exactly, so a surname such as VALDEZ is never taken for VALIDEZ.
 */
export const segmentLine = (line: string, strict: boolean): Segment[] => {
  const ts = tokens(line);
  const out: Segment[] = [];
  let textFrom = 0;
  let i = 0;
  while (i < ts.length) {
    const hit = labelAt(ts, i, strict);
    const first = ts[i];
    if (!hit || !first) {
      i++;
      continue;
    }
    const last = ts[i + hit.span - 1] ?? first;
    const before = line.slice(textFrom, first.start);
    if (/[\p{L}\p{N}]/u.test(before)) out.push({ text: before.trim() });
    const prev = out.at(-1);
    // `SEXO / SEX`: the English label repeats the Spanish one.
    if (!(prev && 'label' in prev && prev.label === hit.field)) {
      out.push({ label: hit.field, exact: hit.exact });
    }
    textFrom = last.end;
    i += hit.span;
  }
  const rest = line.slice(textFrom);
  if (/[\p{L}\p{N}]/u.test(rest)) out.push({ text: rest.trim() });
  return out;
};
