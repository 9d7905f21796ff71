import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Clock } from '../platform/clock';
import { findByUsername, type StaffRow, writeAttempts } from './staff-repo';

export const MAX_ATTEMPTS = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;
/** Unknown usernames tracked at once; past that the oldest is forgotten. */
const MAX_PHANTOMS = 1_000;

/** 30 s after the 5th failure, doubling with each further one, capped at an hour. */
export const lockoutMs = (failedAttempts: number): number =>
  failedAttempts < MAX_ATTEMPTS
    ? 0
    : Math.min(BASE_LOCK_MS * 2 ** (failedAttempts - MAX_ATTEMPTS), MAX_LOCK_MS);

export type Reservation =
  | { readonly kind: 'locked'; readonly seconds: number }
  | {
      readonly kind: 'reserved';
      /** Undefined for a username nobody has: it is counted all the same. */
      readonly row: StaffRow | undefined;
      readonly attempts: number;
      /** The lock this attempt set if it turns out wrong; 0 when none. */
      readonly lockMs: number;
    };

interface Phantom {
  failedAttempts: number;
  lockedUntil: number;
}

/**
 * The attempt counts of usernames nobody has, kept in memory so they lock like real accounts;
 * past MAX_PHANTOMS the oldest is forgotten. Returns the (new or kept) count of a username.
 */
export const createPhantoms = (): ((username: string) => Phantom) => {
  const phantoms = new Map<string, Phantom>();
  return (username) => {
    let p = phantoms.get(username);
    if (!p) {
      if (phantoms.size >= MAX_PHANTOMS) phantoms.delete(phantoms.keys().next().value ?? '');
      p = { failedAttempts: 0, lockedUntil: 0 };
      phantoms.set(username, p);
    }
    return p;
  };
};

/**
 * Counts an attempt as failed BEFORE its password is checked, in one write transaction, so
 * parallel guesses each see the others and at most MAX_ATTEMPTS reach the hash; a right
 * password releases the reservation. Unknown usernames get the same count in memory, so
 * `account_locked` does not tell which accounts exist.
 */
export const createLockout = (db: Database, clock: Clock) => {
  const phantom = createPhantoms();

  const reserveNow = db.transaction((username: string): Reservation => {
    const now = clock.now().getTime();
    const row = findByUsername(db, username);
    const before = row
      ? {
          failedAttempts: row.failed_attempts,
          lockedUntil: row.locked_until ? Date.parse(row.locked_until) : 0,
        }
      : phantom(username);
    if (before.lockedUntil > now) {
      return { kind: 'locked', seconds: Math.ceil((before.lockedUntil - now) / 1000) };
    }
    const attempts = before.failedAttempts + 1;
    const lockMs = lockoutMs(attempts);
    const lockedUntil = lockMs > 0 ? now + lockMs : 0;
    if (row) {
      writeAttempts(db, row.id, attempts, lockedUntil ? new Date(lockedUntil).toISOString() : null);
    } else {
      Object.assign(phantom(username), { failedAttempts: attempts, lockedUntil });
    }
    return { kind: 'reserved', row, attempts, lockMs };
  });

  return {
    // IMMEDIATE: another process on the same file cannot read the count between our read and write.
    reserve: (username: string): Reservation => reserveNow.immediate(username),
    release: (row: StaffRow): void => writeAttempts(db, row.id, 0, null),
  };
};

/** At most `limit` password checks per account at once; the rest wait their turn in order. */
export class CheckGate {
  readonly #queues = new Map<string, { active: number; waiting: Array<() => void> }>();

  constructor(private readonly limit: number) {}

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let queue = this.#queues.get(key);
    if (!queue) {
      queue = { active: 0, waiting: [] };
      this.#queues.set(key, queue);
    }
    const q = queue;
    // A waiter is handed the finishing check's slot, so `active` only counts running checks.
    if (q.active >= this.limit) await new Promise<void>((resolve) => q.waiting.push(resolve));
    else q.active += 1;
    try {
      return await fn();
    } finally {
      const next = q.waiting.shift();
      if (next) next();
      else if (--q.active === 0) this.#queues.delete(key);
    }
  }
}
