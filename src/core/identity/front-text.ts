/** Text helpers for reading the printed side of a card from OCR output. */

/** Upper case without accents, for comparing what OCR read with what is printed. */
export const plain = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();

/** Letters the text model reads where a digit is printed. */
const DIGIT_FIX: Record<string, string> = {
  O: '0',
  D: '0',
  Q: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
};
export const asDigits = (s: string): string => [...s].map((c) => DIGIT_FIX[c] ?? c).join('');

/** Edit distance, to recognise a printed label however the OCR mangled it. */
export const distance = (a: string, b: string): number => {
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

const isoOf = (d: string, mo: string, y: string): string | null => {
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1) return null;
  const year = Number(y);
  return year >= 1900 && year <= 2199 ? `${y}-${mo}-${d}` : null;
};

/** Every `DD MM YYYY` date in a line (also `DD.MM.YYYY`, `DD/MM/YYYY`), in print order, ISO. */
export const datesIn = (line: string): string[] => {
  // Only tokens that are mostly digits are repaired, so no word turns into a date.
  const text = plain(line)
    .replace(/[^\dA-Z\s./-]/g, ' ')
    .split(/(\s+)/)
    .map((t) => (t.replace(/\D/g, '').length * 2 >= t.length ? asDigits(t) : t))
    .join('');
  const out: string[] = [];
  for (const m of text.matchAll(/(?<!\d)(\d{2})[\s./-]*(\d{2})[\s./-]*(\d{4})(?!\d)/g)) {
    const iso = isoOf(m[1] ?? '', m[2] ?? '', m[3] ?? '');
    if (iso) out.push(iso);
  }
  return out;
};

/** Short words that begin a surname (`DE LA FUENTE`, `DA SILVA`). */
const PARTICLE_START = new Set(['DE', 'LA', 'EL', 'DA', 'DO', 'DI', 'DU', 'LE', 'LO']);

/**
 * A name as printed: letters (accents and Ñ kept), spaces, hyphens. Single letters are specks
 * or a stray initial from the photo or a signature; only `Y` joining two surnames is kept.
 */
export const nameOf = (line: string, keepY = false): string | null => {
  const words = line
    .replace(/[^\p{L}\s'-]/gu, ' ')
    .toUpperCase()
    .split(/\s+/)
    // A hyphen or apostrophe joins two parts of a name; at either end it is a speck.
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w.length > 0);
  const kept = words.filter(
    (w, i) => w.length >= 2 || (keepY && w === 'Y' && i > 0 && i < words.length - 1),
  );
  // Two letters at either end (`VA RAÚL`, `ÁLVAREZ ÚN`) are specks beside the name, unless
  // the name is nothing else; a particle never ends a name and never starts a given name.
  while (kept.length > 1 && (kept[0]?.length ?? 0) <= 2 && !PARTICLE_START.has(kept[0] ?? '')) {
    kept.shift();
  }
  while (kept.length > 1 && (kept.at(-1)?.length ?? 0) <= 2) kept.pop();
  if (!kept.some((w) => w.length >= 3)) return null;
  const clean = kept.join(' ');
  return /^[\p{Lu}][\p{Lu}\s'-]*$/u.test(clean) && clean.replace(/[\s'-]/g, '').length >= 2
    ? clean
    : null;
};

/** `jJ`: the text model sometimes reads one capital twice, first as its lower case. */
export const undouble = (text: string): string =>
  text.replace(/([a-z])([A-Z])/g, (pair, lo: string, up: string) =>
    lo.toUpperCase() === up ? up : pair,
  );
