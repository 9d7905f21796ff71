import type { SessionInfo } from '../../shared/contract/staff';
import { AppError } from '../../shared/errors';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { readSettings } from '../settings/settings-service';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { CheckGate, createLockout } from './lockout';
import type { Session, SessionStore } from './sessions';
import { actorOf } from './staff-service';
import { getById, toStaffMember, type StaffRow } from './staff-repo';

export const createAuthService = (deps: CoreDeps, sessions: SessionStore) => {
  const { db, clock } = deps;
  const lockout = createLockout(db, clock);
  // One check at a time per account: a burst queues instead of taking every hashing thread.
  const gate = new CheckGate(1);

  const info = (session: Session): SessionInfo => {
    const settings = readSettings(db);
    return {
      staff: toStaffMember(getById(db, session.staffId)),
      locked: session.locked,
      idleLockMinutes: settings.idleLockMinutes,
      timeZone: settings.timeZone,
    };
  };

  /** Audits a checked wrong password; the lock, if any, was set when the attempt was reserved. */
  const failure = (row: StaffRow | undefined, attempts: number, lockMs: number): AppError => {
    if (row) {
      inTransaction(deps, () =>
        audit(deps, {
          actor: actorOf(row),
          action: lockMs > 0 ? 'auth.account_locked' : 'auth.sign_in_failed',
          subject: `staff:${row.username}`,
          details: { attempts },
        }),
      );
    }
    return lockMs > 0
      ? new AppError('account_locked', { seconds: Math.ceil(lockMs / 1000) }, 423)
      : new AppError('invalid_credentials', {}, 401);
  };

  /**
   * The one way credentials are checked (sign-in, unlock, manager override, own password).
   * Unknown and disabled accounts cost a hash and lock like real ones: the answers never say
   * which usernames exist.
   */
  const checkCredentials = (username: string, password: string): Promise<StaffRow> => {
    const key = username.trim().toLowerCase();
    return gate.run(key, async () => {
      const reservation = lockout.reserve(key);
      if (reservation.kind === 'locked') {
        throw new AppError('account_locked', { seconds: reservation.seconds }, 423);
      }
      const { row, attempts, lockMs } = reservation;
      const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
      if (!ok || !row || row.disabled === 1) throw failure(row, attempts, lockMs);
      lockout.release(row);
      return row;
    });
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
