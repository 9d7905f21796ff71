import { z } from 'zod';

/**
 * Dates as people at the counter write them: dd/mm/aaaa (ISO `aaaa-mm-dd` is accepted too).
 * The contract and the database keep ISO; only screens, messages and receipts use this form.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

const real = (y: number, m: number, d: number): boolean => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for `aaaa-mm-dd` naming a day that exists: 2026-02-31 is not rolled over into March. */
export const isIsoDay = (text: string): boolean => {
  const m = ISO_DAY.exec(text);
  return m !== null && real(Number(m[1]), Number(m[2]), Number(m[3]));
};

/** The one ISO calendar day every operation's input and output uses. */
export const IsoDay = z.string().refine(isIsoDay, 'date');

/** `05/09/2033`, `5-9-2033`, `5.9.2033` or `2033-09-05` → `2033-09-05`; null if not a real date. */
export const parseDayMonthYear = (text: string): string | null => {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [0, 0, 0];
  if (y < 1000 || !real(y, m, d)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
};

/** `2033-09-05` → `05/09/2033`; anything that is not an ISO date is returned as it is. */
export const formatDayMonthYear = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
};
