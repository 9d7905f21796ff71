import type { SqlTx } from '../db/store';

export const CONSOLE_ROLES = ['official', 'it', 'dpo'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export interface ConsoleStaffRow {
  readonly username: string;
  readonly display_name: string;
  readonly role: ConsoleRole;
  readonly password_hash: string;
  readonly failed_attempts: number;
  readonly locked_until: Date | null;
  readonly disabled_at: Date | null;
}

export interface ConsoleSessionRow {
  readonly username: string;
  readonly created_at: Date;
  readonly last_activity_at: Date;
  readonly locked: boolean;
}

/** The SQL of `console_staff` and `console_sessions`; nothing else touches these tables. */
export const accountsStore = {
  insert: async (
    q: SqlTx,
    row: Pick<ConsoleStaffRow, 'username' | 'display_name' | 'role' | 'password_hash'>,
    at: Date,
  ): Promise<boolean> =>
    (
      await q.query(
        `INSERT INTO console_staff (username, display_name, role, password_hash, created_at,
           password_changed_at)
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (username) DO NOTHING RETURNING username`,
        [row.username, row.display_name, row.role, row.password_hash, at.toISOString()],
      )
    ).length > 0,

  /** Locks the row to the transaction's end: attempts on one account are counted one by one. */
  forUpdate: async (q: SqlTx, username: string): Promise<ConsoleStaffRow | undefined> =>
    (
      await q.query<ConsoleStaffRow>(
        `SELECT username, display_name, role, password_hash, failed_attempts, locked_until,
           disabled_at FROM console_staff WHERE username = $1 FOR UPDATE`,
        [username],
      )
    )[0],

  find: async (q: SqlTx, username: string): Promise<ConsoleStaffRow | undefined> =>
    (
      await q.query<ConsoleStaffRow>(
        `SELECT username, display_name, role, password_hash, failed_attempts, locked_until,
           disabled_at FROM console_staff WHERE username = $1`,
        [username],
      )
    )[0],

  writeAttempts: async (
    q: SqlTx,
    username: string,
    attempts: number,
    lockedUntil: Date | null,
  ): Promise<void> => {
    await q.query(
      'UPDATE console_staff SET failed_attempts = $2, locked_until = $3 WHERE username = $1',
      [username, attempts, lockedUntil?.toISOString() ?? null],
    );
  },

  writePassword: async (q: SqlTx, username: string, hash: string, at: Date): Promise<void> => {
    await q.query(
      `UPDATE console_staff SET password_hash = $2, password_changed_at = $3,
         failed_attempts = 0, locked_until = NULL WHERE username = $1`,
      [username, hash, at.toISOString()],
    );
  },

  insertSession: async (q: SqlTx, tokenHash: string, username: string, at: Date) => {
    await q.query(
      `INSERT INTO console_sessions (token_hash, username, created_at, last_activity_at)
       VALUES ($1, $2, $3, $3)`,
      [tokenHash, username, at.toISOString()],
    );
  },

  session: async (q: SqlTx, tokenHash: string): Promise<ConsoleSessionRow | undefined> =>
    (
      await q.query<ConsoleSessionRow>(
        `SELECT username, created_at, last_activity_at, locked FROM console_sessions
         WHERE token_hash = $1`,
        [tokenHash],
      )
    )[0],

  touchSession: async (q: SqlTx, tokenHash: string, at: Date): Promise<void> => {
    await q.query('UPDATE console_sessions SET last_activity_at = $2 WHERE token_hash = $1', [
      tokenHash,
      at.toISOString(),
    ]);
  },

  setLocked: async (q: SqlTx, tokenHash: string, locked: boolean, at: Date): Promise<void> => {
    await q.query(
      'UPDATE console_sessions SET locked = $2, last_activity_at = $3 WHERE token_hash = $1',
      [tokenHash, locked, at.toISOString()],
    );
  },

  endSession: async (q: SqlTx, tokenHash: string): Promise<void> => {
    await q.query('DELETE FROM console_sessions WHERE token_hash = $1', [tokenHash]);
  },

  /** A changed password ends the account's other sessions (a stolen one stops working). */
  endOtherSessions: async (q: SqlTx, username: string, keepHash: string): Promise<void> => {
    await q.query('DELETE FROM console_sessions WHERE username = $1 AND token_hash <> $2', [
      username,
      keepHash,
    ]);
  },

  purgeOlderThan: async (q: SqlTx, before: Date): Promise<void> => {
    await q.query('DELETE FROM console_sessions WHERE created_at < $1', [before.toISOString()]);
  },
};
