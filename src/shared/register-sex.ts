/**
 * The register's sex column, read one way at central and on the counter. Spanish exports write
 * H (hombre) and M (mujer); others M/F; INE files 1/6. `M` alone is ambiguous, so a file is read
 * as Spanish letters when any row says H, and then M is mujer.
 */
export type RegisterSex = 'M' | 'F' | 'X';

// Registers hold a handful of distinct spellings: folding each once keeps a million rows cheap.
const folded = new Map<string, string>();
const fold = (raw: string): string => {
  let v = folded.get(raw);
  if (v === undefined) {
    if (folded.size >= 1000) folded.clear();
    v = raw
      .trim()
      .toUpperCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    folded.set(raw, v);
  }
  return v;
};

const MALE = new Set(['H', 'V', 'HOMBRE', 'VARON', 'MASCULINO', '1']);
const FEMALE = new Set(['F', 'MUJER', 'FEMENINO', '6', '2']);

/** One cell of the sex column; null when it is empty or says nothing this rule knows. */
export const parseRegisterSex = (
  raw: string | undefined,
  spanishLetters: boolean,
): RegisterSex | null => {
  const v = fold(raw ?? '');
  if (MALE.has(v)) return 'M';
  if (FEMALE.has(v)) return 'F';
  if (v === 'M') return spanishLetters ? 'F' : 'M';
  if (v === 'X') return 'X';
  return null;
};

/**
 * Whether a file uses H/M, decided on its whole text before any row is read (rows are stored
 * as they are read): a cell that is exactly H, quoted or not, anywhere in the file.
 */
export const usesSpanishSexLetters = (text: string, delimiter: string): boolean => {
  const d = delimiter === '\t' ? '\\t' : delimiter.replace(/[|\\^$.*+?()[\]{}]/g, '\\$&');
  return new RegExp(`(^|${d})"?[Hh]"?(?=${d}|\\r?$)`, 'm').test(text);
};
