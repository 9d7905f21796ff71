import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Role } from '../../shared/contract/define';
import type { StaffMember } from '../../shared/contract/staff';
import { AppError } from '../../shared/errors';

export interface StaffRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
}

export const toStaffMember = (row: StaffRow): StaffMember => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  disabled: row.disabled === 1,
  lockedUntil: row.locked_until,
  createdAt: row.created_at,
});

export const findByUsername = (db: Database, username: string): StaffRow | undefined =>
  db.prepare('SELECT * FROM staff WHERE username = ?').get(username) as StaffRow | undefined;

export const findById = (db: Database, id: number): StaffRow | undefined =>
  db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;

export const getById = (db: Database, id: number): StaffRow => {
  const row = findById(db, id);
  if (!row) throw new AppError('staff_not_found', { id }, 404);
  return row;
};

export const listStaff = (db: Database): StaffMember[] =>
  (db.prepare('SELECT * FROM staff ORDER BY username').all() as StaffRow[]).map(toStaffMember);

export const countStaff = (db: Database): number =>
  (db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n;

export const countActiveAdmins = (db: Database): number =>
  (
    db.prepare(`SELECT count(*) AS n FROM staff WHERE role = 'admin' AND disabled = 0`).get() as {
      n: number;
    }
  ).n;

/** The sign-in lockout's one write: the failure count and the lock it earned. */
export const writeAttempts = (
  db: Database,
  id: number,
  failedAttempts: number,
  lockedUntil: string | null,
): void => {
  db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(
    failedAttempts,
    lockedUntil,
    id,
  );
};

export const insertStaff = (
  db: Database,
  member: Pick<StaffRow, 'username' | 'display_name' | 'role' | 'password_hash'>,
  at: string,
): number =>
  Number(
    db
      .prepare(
        `INSERT INTO staff (username, display_name, role, password_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(member.username, member.display_name, member.role, member.password_hash, at, at)
      .lastInsertRowid,
  );

export const writeDisabled = (db: Database, id: number, disabled: boolean, at: string): void => {
  db.prepare('UPDATE staff SET disabled = ?, updated_at = ? WHERE id = ?').run(
    disabled ? 1 : 0,
    at,
    id,
  );
};

export const writeRole = (db: Database, id: number, role: Role, at: string): void => {
  db.prepare('UPDATE staff SET role = ?, updated_at = ? WHERE id = ?').run(role, at, id);
};

/** A new password also clears a lockout: that is what the admin is usually asked for. */
export const writePasswordHash = (db: Database, id: number, hash: string, at: string): void => {
  db.prepare(
    `UPDATE staff SET password_hash = ?, failed_attempts = 0, locked_until = NULL,
       updated_at = ? WHERE id = ?`,
  ).run(hash, at, id);
};
