import { isValidDni, isValidNie } from '../../shared/document-number';
import { asDigits } from './front-text';

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

/** Letters the text model reads for the digits of a support number (a blurred 6 as E). */
const SUPPORT_DIGIT: Record<string, string> = {
  O: '0',
  D: '0',
  Q: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
  E: '6',
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

export interface FoundNumber {
  value: string | null;
  /** The control letter had to be repaired: the clerk confirms the number. */
  repaired: boolean;
}

/** The one look-alike of a digit read in the letter's place that passes the check. */
const repairLetter = (digits: string, last: string, valid: (s: string) => boolean): string[] =>
  [...(LETTER_FOR_DIGIT[last] ?? '')].filter((l) => valid(digits + l));

/**
 * The DNI number, letter checked. When the letter came out as a digit, the one letter that
 * fits the mod-23 check among its look-alikes is taken, and reported as repaired.
 */
export const findDni = (upper: string): FoundNumber => {
  for (const m of upper.matchAll(/(?<![0-9])([0-9OIDLZSBG]{8})\s?-?\s?([A-Z0-9])(?![A-Z0-9])/g)) {
    const digits = asDigits(m[1] ?? '');
    const last = m[2] ?? '';
    if (isValidDni(digits + last)) return { value: digits + last, repaired: false };
    const fits = repairLetter(digits, last, isValidDni);
    const [only] = fits;
    if (fits.length === 1 && only) return { value: digits + only, repaired: true };
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
    if (fits.size === 1 && only) return { value: only, repaired: true };
  }
  return { value: null, repaired: false };
};

/**
 * The NIE of a TIE front (`X1234567L`), letter checked; K read for X is repaired. Z and 2 weigh
 * the same in the check, so only a TIE's own labels make a leading Z a NIE and not a DNI.
 */
export const findNie = (upper: string): FoundNumber => {
  for (const m of upper.matchAll(
    /(?<![A-Z0-9])([XYZK])\s?-?\s?([0-9OIDLZSBG]{7})\s?-?\s?([A-Z0-9])(?![A-Z0-9])/g,
  )) {
    const head = m[1] === 'K' ? 'X' : (m[1] ?? '');
    const digits = head + asDigits(m[2] ?? '');
    const last = m[3] ?? '';
    const repairedHead = head !== m[1];
    if (isValidNie(digits + last)) return { value: digits + last, repaired: repairedHead };
    const fits = repairLetter(digits, last, isValidNie);
    const [only] = fits;
    if (fits.length === 1 && only) return { value: digits + only, repaired: true };
  }
  return { value: null, repaired: false };
};

/**
 * The card's support number: three letters and six digits on a DNI (`BAA000589`), `E` and
 * eight digits on a TIE. 0/1/5/8 among the letters are misread O/I/S/B (then `repaired`); at
 * least one real letter is required, so the all-digit DNI number is never taken for it.
 */
export const findSupport = (upper: string): FoundNumber => {
  for (const m of upper.matchAll(/(?<![A-Z0-9])([A-Z0-9)\]|]{3})\s?(\d{6})(?![A-Z0-9])/g)) {
    const head = m[1] ?? '';
    const fixed = [...head].map((c) => LETTER_FIX[c] ?? c).join('');
    if (/[A-Z]/.test(head) && /^[A-Z]{3}$/.test(fixed)) {
      return { value: fixed + (m[2] ?? ''), repaired: fixed !== head };
    }
  }
  // Digits read as their look-alike letters (`CLIGES264`): mapped back when most are digits.
  for (const m of upper.matchAll(/(?<![A-Z0-9])([A-Z]{3})\s?([0-9A-Z]{6})(?![A-Z0-9])/g)) {
    const tail = m[2] ?? '';
    const fixed = [...tail].map((c) => SUPPORT_DIGIT[c] ?? c).join('');
    if (tail.replace(/\D/g, '').length >= 3 && /^\d{6}$/.test(fixed)) {
      return { value: (m[1] ?? '') + fixed, repaired: true };
    }
  }
  // One letter read into the six digits (`CLI6G65264`): dropping it is the only repair.
  for (const m of upper.matchAll(/(?<![A-Z0-9])([A-Z]{3})\s?([0-9A-Z]{7})(?![A-Z0-9])/g)) {
    const tail = m[2] ?? '';
    if (/^\d*[A-Z]\d*$/.test(tail)) {
      return { value: (m[1] ?? '') + tail.replace(/[A-Z]/, ''), repaired: true };
    }
  }
  const tie = /(?<![A-Z0-9])E\s?(\d{8})(?![A-Z0-9])/.exec(upper);
  return { value: tie ? `E${tie[1] ?? ''}` : null, repaired: false };
};
