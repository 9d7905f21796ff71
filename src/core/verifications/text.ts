import { randomInt } from 'node:crypto';

// Particles of Spanish and Portuguese surnames carry no initial of their own.
const PARTICLES = new Set('de del la las los y e i da das do dos'.split(' '));

/**
 * "Sofía de la Fuente Álvarez" → "S*** F*** Á***": the one masked form of a resident's name, shown by
 * central's directory and by the counter's conflict message alike.
 * Initials only, each with a fixed three stars, so not even the length of a name is given away.
 */
export const directoryMaskedName = (name: string): string =>
  name
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0 && !PARTICLES.has(w.toLocaleLowerCase('es')))
    .map((w) => `${([...w][0] ?? '').toLocaleUpperCase('es')}***`)
    .join(' ');

// No 0/O, 1/I/L: the resident types this code into a post or a DM on a phone.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time code such as `VNT-K7P-2QX`: 31^6 ≈ 8.9e8 possibilities, unique enough for 72 h. */
export const newChallengeCode = (): string => {
  const pick = () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)] ?? 'A';
  const part = () => `${pick()}${pick()}${pick()}`;
  return `VNT-${part()}-${part()}`;
};

/** A document valid "until 2031-05-01" is valid through that whole day. */
export const endOfDay = (isoDate: string): string => `${isoDate}T23:59:59.999Z`;

export const addMonths = (at: Date, months: number): Date => {
  const d = new Date(at.getTime());
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
};

export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : Math.round(((sorted[mid - 1] ?? hi) + hi) / 2);
};
