import type { SqlTx } from '../db/store';

/** The `staff_tokens` table: only hashes are kept, the token itself is shown once. */
export const staffTokensStore = {
  insert: async (tx: SqlTx, tokenHash: string, name: string, at: Date): Promise<void> => {
    await tx.query('INSERT INTO staff_tokens (token_hash, name, created_at) VALUES ($1, $2, $3)', [
      tokenHash,
      name,
      at.toISOString(),
    ]);
  },
  /** The name of the live (not revoked) token with this hash. */
  nameOf: async (q: SqlTx, tokenHash: string): Promise<string | undefined> => {
    const [row] = await q.query<{ name: string }>(
      'SELECT name FROM staff_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      [tokenHash],
    );
    return row?.name;
  },
};
