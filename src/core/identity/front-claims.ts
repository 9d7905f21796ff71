import { states } from 'mrz';
import type { LabelField } from './front-labels';
import { datesIn, nameOf, plain } from './front-text';

/** What a value line under a label gave that label, and the text left for the next one. */
export interface Claim {
  value: string;
  rest: string;
}

const NAME_FIELDS: ReadonlySet<LabelField> = new Set(['surnames', 'surname1', 'surname2', 'given']);
export const isNameField = (f: LabelField): boolean => NAME_FIELDS.has(f);

const DATE_FIELDS: ReadonlySet<LabelField> = new Set(['birth', 'issue', 'expiry']);
export const isDateField = (f: LabelField): boolean => DATE_FIELDS.has(f);

/** Cuts the first match of `re` out of `text`. */
const cut = (text: string, re: RegExp): { hit: RegExpExecArray; rest: string } | null => {
  const hit = re.exec(text);
  if (!hit) return null;
  return { hit, rest: text.slice(0, hit.index) + ' ' + text.slice(hit.index + hit[0].length) };
};

/** A word of one or two marks and no letter (`24`, `—`): a speck the model read as text. */
const SPECK = /^[^\p{L}]{1,2}$/u;

/** A value line without the specks read at either end (`MARTINEZ 24` beside a tilted edge). */
const withoutEdgeSpecks = (text: string): string => {
  const words = text.trim().split(/\s+/);
  while (words.length > 1 && SPECK.test(words[0] ?? '')) words.shift();
  while (words.length > 1 && SPECK.test(words.at(-1) ?? '')) words.pop();
  return words.join(' ');
};

const DATE_RE =
  /(?<![\dA-Z])[\dOQDILZSBG]{2}[\s./-]*[\dOQDILZSBG]{2}[\s./-]*[\dOQDILZSBG]{4}(?![\dA-Z])/;

/**
 * Takes from a value line the part that fits the label: a date for a date label, one letter
 * for sex, three for nationality, a name for a name label. Side-by-side labels (`SEXO
 * NACIONALIDAD`, `EMISIÓN VALIDEZ`) share one value line, taken left to right.
 */
export const claim = (field: LabelField, text: string): Claim | null => {
  const upper = plain(text);
  if (isDateField(field)) {
    const c = cut(upper, DATE_RE);
    const [iso] = c ? datesIn(c.hit[0]) : [];
    return c && iso ? { value: iso, rest: c.rest } : null;
  }
  if (field === 'sex') {
    const glued = /^\W*([MFX])([A-Z]{3})\W*$/.exec(upper);
    if (glued) return { value: glued[1] ?? '', rest: glued[2] ?? '' };
    const c = cut(upper, /(?<![A-Z0-9])([MFX])(?![A-Z0-9])/);
    return c ? { value: c.hit[1] ?? '', rest: c.rest } : null;
  }
  if (field === 'nationality') {
    // The first state code: `NAT` left over from a mangled NATIONALITY is none.
    for (const m of upper.matchAll(/(?<![A-Z0-9])([A-Z]{3})(?![A-Z0-9])/g)) {
      const code = m[1] ?? '';
      if (code in states) {
        return { value: code, rest: upper.slice(0, m.index) + ' ' + upper.slice(m.index + 3) };
      }
    }
    return null;
  }
  if (isNameField(field)) {
    const core = withoutEdgeSpecks(text);
    if (/\d/.test(core)) return null;
    const name = nameOf(core, field !== 'given');
    return name ? { value: name, rest: '' } : null;
  }
  if (field === 'support') {
    const c = cut(upper, /(?<![A-Z0-9])(?:[A-Z0-9)\]|]{3}\s?\d{6}|E\s?\d{8})(?![A-Z0-9])/);
    return c ? { value: c.hit[0], rest: c.rest } : null;
  }
  if (field === 'number' || field === 'nie') {
    const c = cut(upper, /(?<![A-Z0-9])[XYZK]?[0-9OIDLZSBG]{7,}[A-Z0-9]*/);
    if (!c) return { value: upper, rest: '' };
    // The day of a date printed on the same line runs on: the number is the first nine.
    const glued = c.hit[0].length === 11 && /^[XYZK\d]\d{7}[A-Z\d]\d{2}$/.test(c.hit[0]);
    const value = glued ? c.hit[0].slice(0, 9) : c.hit[0];
    return { value, rest: glued ? `${c.hit[0].slice(9)} ${c.rest}` : c.rest };
  }
  // The title takes nothing; whatever follows a back-side label, the access number or the
  // permit type is swallowed so it never becomes a name, but a date is left for its own
  // label.
  if (field === 'header' || field === 'tie' || field === 'certificate') return null;
  if (datesIn(text).length > 0) return null;
  return { value: upper, rest: '' };
};
