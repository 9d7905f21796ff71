import type { OcrDocument, OcrDocumentField } from '../../shared/contract/ocr';
import { isValidDni } from './check-digits';

/** Labels printed on the front of a DNI (3.0/4.0), without accents for matching. */
const LABELS = ['APELLIDOS', 'NOMBRE', 'SEXO', 'NACIONALIDAD', 'FECHA DE NACIMIENTO', 'IDESP', 'VALIDEZ', 'VALIDO HASTA', 'DOCUMENTO NACIONAL', 'ESPANA', 'DNI'];

const plain = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();

const isLabelLine = (line: string): boolean => {
  const p = plain(line);
  return LABELS.some((l) => p.includes(l)) && !/\d{6}/.test(p);
};

const DIGIT_FIX: Record<string, string> = { O: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', B: '8', G: '6' };
const asDigits = (s: string): string => [...s].map((c) => DIGIT_FIX[c] ?? c).join('');

const dateOf = (line: string): string | null => {
  const m = /(\d{2})[\s./-]*(\d{2})[\s./-]*(\d{4})/.exec(asDigits(line.replace(/[^\dA-Z\s./-]/gi, '')));
  if (!m) return null;
  const [, d, mo, y] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1) return null;
  return `${y}-${mo}-${d}`;
};

/** A name line as printed: letters (accents and Ñ kept), spaces, hyphens. */
const nameOf = (line: string): string | null => {
  const clean = line.replace(/[^\p{L}\s'-]/gu, ' ').replace(/\s+/g, ' ').trim().toUpperCase();
  return /^[\p{Lu}][\p{Lu}\s'-]*$/u.test(clean) && clean.length >= 2 ? clean : null;
};

export interface FrontReading {
  document: OcrDocument;
  /** Fields the front reading could not pin down. */
  uncertain: OcrDocumentField[];
  /** True when it reads as a DNI front: a letter-checked number and labelled names. */
  recognised: boolean;
}

const valueAfter = (lines: string[], label: string): string[] => {
  const i = lines.findIndex((l) => plain(l).includes(label));
  if (i < 0) return [];
  const out: string[] = [];
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j] ?? '';
    if (isLabelLine(line)) break;
    out.push(line);
  }
  return out;
};

/**
 * Reads the labelled fields of a DNI front from OCR text. The layout puts each value on the
 * line after its label; the DNI number is found anywhere and must pass its letter check.
 */
export const parseDniFront = (text: string): FrontReading => {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const upper = plain(text);
  let dni: string | null = null;
  for (const m of upper.matchAll(/([0-9OIDLZSBG]{8})\s?-?\s?([A-Z])\b/g)) {
    const candidate = asDigits(m[1] ?? '') + (m[2] ?? '');
    if (isValidDni(candidate)) {
      dni = candidate;
      break;
    }
  }
  const surnameLines = valueAfter(lines, 'APELLIDOS').map(nameOf).filter((n): n is string => n !== null);
  const given = valueAfter(lines, 'NOMBRE').map(nameOf).find((n) => n !== null) ?? null;
  const sexNat = plain(valueAfter(lines, 'SEXO')[0] ?? '');
  const sexMatch = /\b([MFX])\b/.exec(sexNat);
  const natMatch = /\b([A-Z]{3})\b/.exec(sexNat.replace(/\b[MFX]\b/, ''));
  const birthLine = valueAfter(lines, 'FECHA DE NACIMIENTO')[0] ?? '';
  const birth = dateOf(birthLine);
  const supportMatch = /\b([A-Z]{3}\s?[0-9OIDLZSBG]{6})\b/.exec(plain(birthLine).replace(/\d{2}\s\d{2}\s\d{4}/, ''));
  const support = supportMatch ? (supportMatch[1] ?? '').replace(/\s/g, '').slice(0, 3) + asDigits((supportMatch[1] ?? '').replace(/\s/g, '').slice(3)) : null;
  const expiry = dateOf(valueAfter(lines, 'VALIDEZ')[0] ?? valueAfter(lines, 'VALIDO HASTA')[0] ?? '');
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
    nationality: natMatch ? (natMatch[1] ?? null) : null,
    expiry_date: expiry,
    issuing_state: 'ESP',
    support_number: support,
    personal_number: dni,
  };
  // Names have no check digit: a front reading is always for the clerk to confirm.
  const uncertain: OcrDocumentField[] = ['surname1', 'surname2', 'surnames', 'given_names'];
  for (const key of ['birth_date', 'sex', 'nationality', 'expiry_date', 'support_number'] as const) {
    if (document[key] === null) uncertain.push(key);
  }
  return { document, uncertain, recognised: dni !== null && surnameLines.length > 0 && given !== null };
};
