import { randomBytes } from 'node:crypto';
import { CheckGate, createPhantoms, lockoutMs } from '../../core/staff/lockout';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../core/staff/passwords';
import { AppError } from '../../shared/errors';
import { centralAudit } from '../audit/store';
import type { CentralStore } from '../db/store';
import { refuse } from '../http/errors';
import { sha256Hex } from '../secrets';
import { accountsStore, type ConsoleRole, type ConsoleStaffRow } from './accounts-store';

/** Idle this long, a console session locks (it is not ended): the password resumes it. */
export const CONSOLE_IDLE_MS = 10 * 60_000;
/** However active, a session ends after a working day and the person signs in again. */
export const CONSOLE_SESSION_MAX_MS = 12 * 60 * 60_000;
/** A refusal carrying the values its sentence shows (the seconds a lock lasts). */
const withParams = (e: AppError, params: Record<string, string | number>): AppError =>
  new AppError(e.code, params, e.status);

export interface ConsoleAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: ConsoleRole;
}

export interface ConsoleSession {
  readonly account: ConsoleAccount;
  readonly locked: boolean;
  readonly tokenHash: string;
}

const accountOf = (row: ConsoleStaffRow): ConsoleAccount => ({
  username: row.username,
  displayName: row.display_name,
  role: row.role,
});

type Reservation =
  | { readonly kind: 'locked'; readonly seconds: number }
  | {
      readonly kind: 'reserved';
      readonly row: ConsoleStaffRow | undefined;
      readonly attempts: number;
      readonly lockMs: number;
    };

/**
 * Central's console accounts: scrypt passwords and the counter's lockout schedule, with the
 * attempt counted in the account's row (locked FOR UPDATE) BEFORE the hash is checked, so
 * parallel guesses, even through two central processes on one PostgreSQL, each see the others.
 */
export const createConsoleAccounts = (
  store: CentralStore,
  options: { readonly idleMs?: number } = {},
) => {
  const idleMs = options.idleMs ?? CONSOLE_IDLE_MS;
  // One check at a time per account: a burst queues instead of taking every hashing thread.
  const gate = new CheckGate(1);
  // Unknown usernames are counted as at the counter, so a lock does not tell which exist.
  const phantom = createPhantoms();

  const reserve = (username: string, now: Date): Promise<Reservation> =>
    store.transaction(async (tx) => {
      const row = await accountsStore.forUpdate(tx, username);
      const before = row
        ? {
            failedAttempts: row.failed_attempts,
            lockedUntil: row.locked_until ? new Date(row.locked_until).getTime() : 0,
          }
        : phantom(username);
      if (before.lockedUntil > now.getTime())
        return {
          kind: 'locked',
          seconds: Math.ceil((before.lockedUntil - now.getTime()) / 1000),
        };
      const attempts = before.failedAttempts + 1;
      const lockMs = lockoutMs(attempts);
      const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs) : null;
      if (row) await accountsStore.writeAttempts(tx, username, attempts, lockedUntil);
      else
        Object.assign(phantom(username), {
          failedAttempts: attempts,
          lockedUntil: lockedUntil?.getTime() ?? 0,
        });
      return { kind: 'reserved', row, attempts, lockMs };
    });

  /** Unknown and disabled accounts cost a hash and lock like real ones. */
  const checkCredentials = (
    username: string,
    password: string,
    now: Date,
    ip: string,
  ): Promise<ConsoleStaffRow> => {
    const key = username.trim().toLowerCase();
    return gate.run(key, async () => {
      const reservation = await reserve(key, now);
      if (reservation.kind === 'locked')
        throw withParams(refuse(423, 'account_locked'), { seconds: reservation.seconds });
      const { row, attempts, lockMs } = reservation;
      const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
      if (!ok || !row || row.disabled_at) {
        if (row)
          await centralAudit(
            store,
            now,
            lockMs > 0 ? 'console.account_locked' : 'console.sign_in_failed',
            null,
            { username: row.username, attempts, ip },
          );
        throw lockMs > 0
          ? withParams(refuse(423, 'account_locked'), { seconds: Math.ceil(lockMs / 1000) })
          : refuse(401, 'invalid_credentials');
      }
      await accountsStore.writeAttempts(store, row.username, 0, null);
      return row;
    });
  };

  return {
    idleMs,

    /** `ventanilla central staff add NAME --role ROLE`: the first account is made this way. */
    add: async (
      input: { username: string; displayName: string; role: ConsoleRole; password: string },
      now: Date,
    ): Promise<ConsoleAccount> => {
      const row = {
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        password_hash: await hashPassword(input.password),
      };
      await store.transaction(async (tx) => {
        if (!(await accountsStore.insert(tx, row, now))) throw refuse(409, 'username_taken');
        await centralAudit(tx, now, 'console.staff_added', null, {
          username: row.username,
          role: row.role,
        });
      });
      return { username: row.username, displayName: row.display_name, role: row.role };
    },

    signIn: async (
      username: string,
      password: string,
      now: Date,
      ip: string,
    ): Promise<{ token: string; account: ConsoleAccount }> => {
      const row = await checkCredentials(username, password, now, ip);
      const token = randomBytes(32).toString('base64url');
      await store.transaction(async (tx) => {
        await accountsStore.insertSession(tx, sha256Hex(token), row.username, now);
        await centralAudit(tx, now, 'console.sign_in', null, { username: row.username, ip });
      });
      await accountsStore.purgeOlderThan(store, new Date(now.getTime() - CONSOLE_SESSION_MAX_MS));
      return { token, account: accountOf(row) };
    },

    /**
     * The session a token opens. Idle past the limit it locks; `touch` counts the request as
     * activity (a status poll does not, or polling would keep an unattended screen open).
     */
    session: async (token: string, now: Date, touch: boolean): Promise<ConsoleSession> => {
      const tokenHash = sha256Hex(token);
      const s = await accountsStore.session(store, tokenHash);
      const row = s ? await accountsStore.find(store, s.username) : undefined;
      if (
        !s ||
        !row ||
        row.disabled_at ||
        now.getTime() - new Date(s.created_at).getTime() > CONSOLE_SESSION_MAX_MS
      ) {
        if (s) await accountsStore.endSession(store, tokenHash);
        throw refuse(401, 'session_invalid');
      }
      let locked = s.locked;
      if (!locked && now.getTime() - new Date(s.last_activity_at).getTime() > idleMs) {
        locked = true;
        await accountsStore.setLocked(store, tokenHash, true, new Date(s.last_activity_at));
      }
      if (touch && !locked) await accountsStore.touchSession(store, tokenHash, now);
      return { account: accountOf(row), locked, tokenHash };
    },

    lock: async (session: ConsoleSession, now: Date): Promise<void> => {
      await accountsStore.setLocked(store, session.tokenHash, true, now);
    },

    unlock: async (
      session: ConsoleSession,
      password: string,
      now: Date,
      ip: string,
    ): Promise<void> => {
      await checkCredentials(session.account.username, password, now, ip);
      await accountsStore.setLocked(store, session.tokenHash, false, now);
    },

    signOut: async (session: ConsoleSession, now: Date): Promise<void> => {
      await store.transaction(async (tx) => {
        await accountsStore.endSession(tx, session.tokenHash);
        await centralAudit(tx, now, 'console.sign_out', null, {
          username: session.account.username,
        });
      });
    },

    changePassword: async (
      session: ConsoleSession,
      current: string,
      next: string,
      now: Date,
      ip: string,
    ): Promise<void> => {
      // Counted toward the lockout, as at the counter: uncounted, a stolen session could guess
      // the password freely, while anyone can already lock an account from the sign-in form.
      await checkCredentials(session.account.username, current, now, ip);
      const hash = await hashPassword(next);
      await store.transaction(async (tx) => {
        await accountsStore.writePassword(tx, session.account.username, hash, now);
        await accountsStore.endOtherSessions(tx, session.account.username, session.tokenHash);
        await centralAudit(tx, now, 'console.password_changed', null, {
          username: session.account.username,
        });
      });
    },
  };
};

export type ConsoleAccounts = ReturnType<typeof createConsoleAccounts>;
