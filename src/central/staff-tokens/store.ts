import type { SqlTx } from '../db/store';

/** The `staff_tokens` table: only hashes are kept, the token itself is shown once. */
export const staffTokensStore = {
  insert: async (
    tx: SqlTx,
    tokenHash: string,
    name: string,
    at: Date,
    scopes: string | null = null,
  ): Promise<void> => {
    await tx.query(
      'INSERT INTO staff_tokens (token_hash, name, created_at, scopes) VALUES ($1, $2, $3, $4)',
      [tokenHash, name, at.toISOString(), scopes],
    );
  },
  /** The name and scopes of the live (not revoked) token with this hash. */
  find: async (
    q: SqlTx,
    tokenHash: string,
  ): Promise<{ name: string; scopes: string | null } | undefined> => {
    const [row] = await q.query<{ name: string; scopes: string | null }>(
      'SELECT name, scopes FROM staff_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      [tokenHash],
    );
    return row;
  },
};
