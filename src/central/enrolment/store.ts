import type { SqlTx } from '../db/store';

export interface CodeRow {
  readonly code_hash: string;
  readonly device_name: string;
  readonly expires_at: Date;
  readonly used_at: Date | null;
}

/** The `enrolment_codes` table: one-time codes, kept as hashes. */
export const enrolmentStore = {
  insert: async (
    tx: SqlTx,
    code: { hash: string; deviceName: string; expiresAt: string },
    at: Date,
  ): Promise<void> => {
    await tx.query(
      'INSERT INTO enrolment_codes (code_hash, device_name, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [code.hash, code.deviceName, at.toISOString(), code.expiresAt],
    );
  },
  /** The code's row, locked until the transaction ends: a code is redeemed once. */
  lock: async (tx: SqlTx, hash: string): Promise<CodeRow | undefined> =>
    (
      await tx.query<CodeRow>(
        'SELECT code_hash, device_name, expires_at, used_at FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE',
        [hash],
      )
    )[0],
  markUsed: async (tx: SqlTx, hash: string, deviceId: string, at: Date): Promise<void> => {
    await tx.query('UPDATE enrolment_codes SET used_at = $2, device_id = $3 WHERE code_hash = $1', [
      hash,
      at.toISOString(),
      deviceId,
    ]);
  },
};
