/**
 * Name normalisation for matching Spanish (and foreign) names across the register, typed input
 * and the MRZ, which only knows A-Z and `<`.
 */

/** Particles that come and go between sources: "de la Fuente", "Ortega y Gasset". */
const PARTICLES = new Set([
  'DE',
  'DEL',
  'LA',
  'LAS',
  'LOS',
  'EL',
  'Y',
  'I',
  'E',
  'DA',
  'DI',
  'DO',
  'DOS',
  'VAN',
  'VON',
  'DER',
  'DEN',
  'LE',
  'DU',
  'D',
  'L',
]);

/** Abbreviations of given names as clerks and old registers write them. */
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bM\s*\.?\s*[ªº]\s*\.?/giu, 'MARIA '],
  [/\bM\s*\.?\s*[Aa]\s*\./gu, 'MARIA '],
  [/\bFCO\s*\./giu, 'FRANCISCO '],
  [/\bJ\s*\.?\s*[ªº]\s*\.?/giu, 'JOSEFA '],
];

/**
 * Registers repeat a few thousand names across a million rows, so each key is computed once.
 * Bounded: cleared when full rather than grown without limit.
 */
export const memo = (fn: (text: string) => string, max = 50_000): ((text: string) => string) => {
  const cache = new Map<string, string>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      if (cache.size >= max) cache.clear();
      v = fn(text);
      cache.set(text, v);
    }
    return v;
  };
};

/** Upper-case A-Z words separated by single spaces: accents, Ñ, apostrophes and hyphens gone. */
export const mrzAlphabet = memo((text: string): string => {
  let s = text;
  for (const [pattern, replacement] of ABBREVIATIONS) s = s.replace(pattern, replacement);
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/ß/g, 'SS')
    .replace(/Æ/g, 'AE')
    .replace(/Ø/g, 'O')
    .replace(/['’`´]/g, '')
    .replace(/[^A-Z]+/g, ' ')
    .trim();
});

/** Words of a name after transliteration, particles dropped (unless the name is only particles). */
const tokensOf = memo((text: string): string => {
  const words = mrzAlphabet(text).split(' ').filter(Boolean);
  const kept = words.filter((w) => !PARTICLES.has(w));
  return (kept.length > 0 ? kept : words).join(' ');
});

export const nameTokens = (text: string | null | undefined): string[] => {
  const key = text ? tokensOf(text) : '';
  return key ? key.split(' ') : [];
};

export const nameKey = (text: string | null | undefined): string => (text ? tokensOf(text) : '');

/** True when upper-casing alone (no accent or letter folding) makes the two spellings equal. */
export const sameSpelling = (a: string, b: string): boolean =>
  a.trim().toUpperCase().replace(/\s+/g, ' ') === b.trim().toUpperCase().replace(/\s+/g, ' ');

const PHONETIC_RULES: ReadonlyArray<[RegExp, string]> = [
  [/CH/g, '0'], // keep CH apart before dropping H
  [/H/g, ''], // silent H
  [/QU(?=[EI])/g, 'K'],
  [/GU(?=[EI])/g, 'G'],
  [/G(?=[EI])/g, 'J'],
  [/C(?=[EI])/g, 'S'], // seseo
  [/Q|C|K/g, 'K'],
  [/Z/g, 'S'],
  [/LL/g, 'Y'],
  [/V|W/g, 'B'],
  [/X/g, 'KS'],
  [/Y(?=[^AEIOU]|$)/g, 'I'],
  [/(.)\1+/g, '$1'],
];

/** Spanish phonetic key of one word: B/V, LL/Y, silent H, C/Z/S, G/J before E/I, QU/K/C. */
export const phoneticWord = memo((word: string): string => {
  let s = word;
  for (const [pattern, replacement] of PHONETIC_RULES) s = s.replace(pattern, replacement);
  return s;
});

const phoneticKeyOf = memo((text: string) => nameTokens(text).map(phoneticWord).join(' '));
export const phoneticKey = (text: string | null | undefined): string =>
  text ? phoneticKeyOf(text) : '';

/** Levenshtein similarity in 0..1, for OCR slips and typos in otherwise equal names. */
export const similarity = (a: string, b: string): number => {
  if (a === b) return 1;
  if (!a || !b) return 0;
  // Cheap bound: a length gap alone can rule out the threshold callers use.
  if (Math.abs(a.length - b.length) > 0.25 * Math.max(a.length, b.length)) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return 1 - (prev[b.length] ?? 0) / Math.max(a.length, b.length);
};
