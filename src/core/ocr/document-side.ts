import { plain } from '../identity/front-text';
import type { OcrLine } from './engine-pool';

/** Labels printed on the back of a DNI or TIE, never on a front. */
const BACK_LABELS = [/DOMICILIO/, /LUGAR\s*DE\s*NACIMIENTO/, /HIJO\s*\/?\s*A\s*DE/, /EQUIPO/];

/**
 * A machine-readable line as the text model sees it: one unbroken run of capitals, digits
 * and fillers (which it often reads as K or «), with a run of fillers in it.
 */
const looksLikeMrzLine = (text: string): boolean => {
  const t = text.toUpperCase().replace(/\s+/g, '');
  return t.length >= 25 && /^[A-Z0-9<«]+$/.test(t) && /[<«]{2,}|[<«K]{4,}/.test(t);
};

/**
 * Whether a text reading shows the back of a card (its labels, or MRZ-like lines): such a
 * side must never be parsed as a front, whatever the front parser makes of its address.
 */
export const looksLikeBack = (lines: readonly OcrLine[]): boolean => {
  const upper = lines.map((l) => plain(l.text));
  const labels = BACK_LABELS.filter((re) => upper.some((l) => re.test(l))).length;
  return labels >= 2 || upper.filter(looksLikeMrzLine).length >= 2;
};
