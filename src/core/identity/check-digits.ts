/** ICAO 9303 character values: digits as-is, A=10..Z=35, filler `<` = 0. */
const mrzCharValue = (ch: string): number => {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  if (ch === '<') return 0;
  return -1;
};

const WEIGHTS = [7, 3, 1] as const;

/** ICAO 9303 check digit (weights 7-3-1, mod 10); null when the text holds a non-MRZ character. */
export const mrzCheckDigit = (text: string): number | null => {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const v = mrzCharValue(text[i] ?? '');
    if (v < 0) return null;
    sum += v * (WEIGHTS[i % 3] ?? 0);
  }
  return sum % 10;
};

/** A check digit position may hold `<` when the field is empty (ICAO allows it for optional data). */
export const mrzCheckPasses = (text: string, digit: string): boolean => {
  const expected = mrzCheckDigit(text);
  if (expected === null) return false;
  if (digit === '<') return expected === 0 && /^<*$/.test(text);
  return digit === String(expected);
};
