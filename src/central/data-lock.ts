import { randomBytes, randomUUID } from 'node:crypto';
import {
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Who owns a central data folder. PGlite is single-process: two processes on one database
 * folder corrupt it, so `central serve` and an admin command that opens the database hold this
 * lock. It is a file made complete beside the lock and hard-linked into place (the link fails
 * when a lock exists, so two takers cannot both win, and no reader sees half a file). Node has
 * no portable flock; a holder killed with SIGKILL leaves its file behind, so a lock whose pid is
 * no longer alive is stale and cleared by the next taker. Mode 0600: the running service's admin
 * secret is in it, for the folder's owner only.
 */
export const LockInfo = z.object({
  nonce: z.string(),
  pid: z.number().int(),
  role: z.enum(['serve', 'admin']),
  /** `pglite`, or `postgres:` and a hash of the URL: admin commands go to the matching service. */
  database: z.string(),
  started_at: z.string(),
  /** The counters' address, once listening. */
  url: z.string().optional(),
  /** The loopback admin route and its secret, once listening. */
  admin_url: z.string().optional(),
  secret: z.string().optional(),
});
export type LockInfo = z.infer<typeof LockInfo>;

export const LOCK_FILE = 'central.lock';

export const lockPath = (dataDir: string): string => join(dataDir, LOCK_FILE);

export const readLock = (path: string): LockInfo | undefined => {
  try {
    const parsed = LockInfo.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

export const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const writeComplete = (path: string, info: LockInfo): string => {
  const tmp = `${path}.${info.nonce}.${randomUUID()}.tmp`;
  writeFileSync(tmp, JSON.stringify(info), { mode: 0o600, flag: 'wx' });
  return tmp;
};

/**
 * Moves a stale lock aside and deletes it; if another taker replaced it meanwhile, its fresh
 * lock is put back instead of being lost.
 */
const clearStale = (path: string, stale: LockInfo): void => {
  const aside = `${path}.${randomUUID()}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = readLock(aside);
  if (moved && moved.nonce !== stale.nonce) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone else holds it now: that holder stays, this one is gone.
    }
  }
  rmSync(aside, { force: true });
};

export type TakeResult =
  | { readonly ok: true; readonly lock: HeldLock }
  | { readonly ok: false; readonly holder: LockInfo };

export interface HeldLock {
  readonly info: LockInfo;
  /** Adds the listening addresses and the admin secret (replaced atomically). */
  update(extra: Pick<LockInfo, 'url' | 'admin_url' | 'secret'>): void;
  release(): void;
}

/** Takes the folder's lock, clearing a dead holder's; answers the live holder otherwise. */
export const takeLock = async (
  dataDir: string,
  role: LockInfo['role'],
  database: string,
  isLive: (holder: LockInfo) => Promise<boolean>,
): Promise<TakeResult> => {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = lockPath(dataDir);
  let info: LockInfo = {
    nonce: randomUUID(),
    pid: process.pid,
    role,
    database,
    started_at: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    const tmp = writeComplete(path, info);
    try {
      linkSync(tmp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(path);
      // An unreadable lock is someone's half-cleared file or a foreign one: treat as stale.
      if (holder && (await isLive(holder))) return { ok: false, holder };
      if (holder) clearStale(path, holder);
      else rmSync(path, { force: true });
      continue;
    } finally {
      unlinkSync(tmp);
    }
    const held: HeldLock = {
      get info() {
        return info;
      },
      update: (extra) => {
        info = { ...info, ...extra };
        renameSync(writeComplete(path, info), path);
      },
      release: () => {
        // Only our own lock: a restart may already have cleared and retaken it.
        if (readLock(path)?.nonce === info.nonce) rmSync(path, { force: true });
      },
    };
    return { ok: true, lock: held };
  }
  const holder = readLock(path);
  if (holder) return { ok: false, holder };
  throw new Error('central data folder lock kept changing');
};

export const newAdminSecret = (): string => randomBytes(32).toString('base64url');
