import type { SqlTx } from '../db/store';

/** `registry_attachment_blobs`: attachment bytes, content-addressed (the same bytes kept once). */
export const attachmentsStore = {
  /** False when these bytes were held already. */
  insertBlob: async (tx: SqlTx, sha256: string, bytes: Buffer, at: Date): Promise<boolean> =>
    (
      await tx.query(
        `INSERT INTO registry_attachment_blobs (sha256, size, bytes, stored_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
        [sha256, bytes.length, bytes, at.toISOString()],
      )
    ).length > 0,
  /** How many of these hashes have their bytes here. */
  countHeld: async (q: SqlTx, hashes: readonly string[]): Promise<number> => {
    const [held] = await q.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM registry_attachment_blobs WHERE sha256 = ANY($1)',
      [hashes],
    );
    return held?.n ?? 0;
  },
};
