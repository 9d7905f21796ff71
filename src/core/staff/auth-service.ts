import type { SessionInfo } from '../../shared/contract/staff';
import { AppError } from '../../shared/errors';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { readSettings } from '../settings/settings-service';
import { DUMMY_HASH, verifyPassword } from './passwords';
import type { Session, SessionStore } from './sessions';
import { actorOf } from './staff-service';
import { findByUsername, getById, toStaffMember, type StaffRow } from './staff-repo';

export const MAX_ATTEMPTS = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;

/** 30 s after the 5th failure, doubling with each further one, capped at an hour. */
export const lockoutMs = (failedAttempts: number): number =>
  failedAttempts < MAX_ATTEMPTS
    ? 0
    : Math.min(BASE_LOCK_MS * 2 ** (failedAttempts - MAX_ATTEMPTS), MAX_LOCK_MS);

export const createAuthService = (deps: CoreDeps, sessions: SessionStore) => {
  const { db, clock } = deps;

  const info = (session: Session): SessionInfo => ({
    staff: toStaffMember(getById(db, session.staffId)),
    locked: session.locked,
    idleLockMinutes: readSettings(db).idleLockMinutes,
  });

  const recordFailure = (row: StaffRow): AppError =>
    inTransaction(deps, () => {
      const attempts = row.failed_attempts + 1;
      const lockMs = lockoutMs(attempts);
      const lockedUntil =
        lockMs > 0 ? new Date(clock.now().getTime() + lockMs).toISOString() : null;
      db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(
        attempts,
        lockedUntil,
        row.id,
      );
      audit(deps, {
        actor: actorOf(row),
        action: lockMs > 0 ? 'auth.account_locked' : 'auth.sign_in_failed',
        subject: `staff:${row.username}`,
        details: { attempts },
      });
      return lockMs > 0
        ? new AppError('account_locked', { seconds: Math.ceil(lockMs / 1000) }, 423)
        : new AppError('invalid_credentials', {}, 401);
    });

  /** Checks a password against lockout and disablement; the one way credentials are checked. */
  const checkCredentials = async (username: string, password: string): Promise<StaffRow> => {
    const row = findByUsername(db, username);
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || row.disabled === 1) throw new AppError('invalid_credentials', {}, 401);
    const lockedFor = row.locked_until ? Date.parse(row.locked_until) - clock.now().getTime() : 0;
    if (lockedFor > 0) {
      throw new AppError('account_locked', { seconds: Math.ceil(lockedFor / 1000) }, 423);
    }
    if (!ok) throw recordFailure(row);
    if (row.failed_attempts > 0) {
      db.prepare('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(
        row.id,
      );
    }
    return row;
  };

  const signIn = async (username: string, password: string): Promise<Session> => {
    const row = await checkCredentials(username, password);
    return inTransaction(deps, () => {
      audit(deps, {
        actor: actorOf(row),
        action: 'auth.sign_in',
        subject: `staff:${row.username}`,
      });
      return sessions.create(row.id);
    });
  };

  const unlock = async (session: Session, password: string): Promise<void> => {
    const row = getById(db, session.staffId);
    await checkCredentials(row.username, password);
    inTransaction(deps, () => {
      session.locked = false;
      sessions.touch(session);
      audit(deps, { actor: actorOf(row), action: 'auth.session_unlocked' });
    });
  };

  const lock = (session: Session): void =>
    inTransaction(deps, () => {
      session.locked = true;
      audit(deps, { actor: actorOf(getById(db, session.staffId)), action: 'auth.session_locked' });
    });

  const signOut = (session: Session): void =>
    inTransaction(deps, () => {
      sessions.end(session.id);
      audit(deps, { actor: actorOf(getById(db, session.staffId)), action: 'auth.sign_out' });
    });

  return { info, checkCredentials, signIn, unlock, lock, signOut };
};

export type AuthService = ReturnType<typeof createAuthService>;
