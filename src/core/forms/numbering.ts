import type { Database } from 'better-sqlite3-multiple-ciphers';

/** `{INE}-{counter}-{year}-{6-digit seq}`: the counter's provisional registry number. */
export const formatProvisional = (
  ineCode: string,
  counterCode: string,
  year: number,
  seq: number,
): string => `${ineCode}-${counterCode}-${year}-${String(seq).padStart(6, '0')}`;

/**
 * Takes the next number of the year. Must run inside the filing transaction: the counter row
 * and the entry commit together, so a rollback or a crash gives the number back unused.
 */
export const takeNextSeq = (db: Database, year: number): number => {
  if (!db.inTransaction) throw new Error('takeNextSeq must run inside the filing transaction');
  const row = db
    .prepare(
      `INSERT INTO registry_counters (year, last_seq) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1
       RETURNING last_seq`,
    )
    .get(year) as { last_seq: number };
  return row.last_seq;
};

/** Local wall-clock time with its UTC offset, as printed on the receipt: `2026-03-02T10:00:00+01:00`. */
export const localTimestamp = (at: Date, offsetMin: number): string => {
  const local = new Date(at.getTime() + offsetMin * 60_000).toISOString().slice(0, 19);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};
