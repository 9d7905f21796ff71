import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../shared/errors';
import { runAdminOp } from './admin-dispatch';
import { type AdminOp, type AdminOutput, adminOps } from './admin-ops';
import { buildAdminServer } from './admin-server';
import { opAppliers } from './op-appliers';
import {
  type HeldLock,
  type LockInfo,
  lockPath,
  newAdminSecret,
  pidAlive,
  readLock,
  takeLock,
} from './data-lock';
import { openCentralStore } from './open-store';
import { sha256Hex } from './secrets';
import { buildCentral, type CentralOptions } from './server';
import { blueskyKey } from './bluesky/crypto';
import { startBlueskySchedule } from './bluesky/service';

export interface CentralTarget {
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
}

/** Which database a lock holder serves, without writing a PostgreSQL password into the file. */
const databaseId = (target: CentralTarget): string =>
  target.databaseUrl ? `postgres:${sha256Hex(target.databaseUrl).slice(0, 32)}` : 'pglite';

/**
 * A holder is live while its process is. A service's admin route that refuses connections
 * means its pid now belongs to another program (the service died and the pid was reused).
 */
const isLive = async (holder: LockInfo): Promise<boolean> => {
  if (holder.pid !== process.pid && !pidAlive(holder.pid)) return false;
  if (holder.role !== 'serve' || !holder.admin_url) return true;
  try {
    await fetch(new URL('/admin/ping', holder.admin_url), { signal: AbortSignal.timeout(5_000) });
    return true;
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    return cause?.code !== 'ECONNREFUSED';
  }
};

export interface RunningCentralService {
  readonly url: string;
  readonly engine: 'pglite' | 'postgres';
  readonly adminUrl: string;
  close(): Promise<void>;
}

/**
 * `central serve`: takes the data folder's lock (waiting a little for an admin command that
 * holds it), opens the database, listens for counters and, on 127.0.0.1, for admin commands.
 * A second service on the same folder is refused, naming the first.
 */
export const startCentralService = async (
  target: CentralTarget,
  listen: { readonly host: string; readonly port: number },
  options: Pick<CentralOptions, 'logLevel'> = {},
): Promise<RunningCentralService> => {
  const deadline = Date.now() + 60_000;
  let lock: HeldLock | undefined;
  while (!lock) {
    const taken = await takeLock(target.dataDir, 'serve', databaseId(target), isLive);
    if (taken.ok) lock = taken.lock;
    else if (taken.holder.role === 'serve')
      throw new AppError(
        'central_already_running',
        { pid: taken.holder.pid, url: taken.holder.url ?? '—' },
        409,
      );
    else if (Date.now() > deadline)
      throw new AppError('central_folder_busy', { pid: taken.holder.pid }, 409);
    else await sleep(200);
  }
  const held = lock;
  const cleanups: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    // Admin commands seeing a lock with no admin route wait instead of opening the database.
    held.update({ url: undefined, admin_url: undefined, secret: undefined });
    for (const c of cleanups.reverse()) await c();
    held.release();
  };
  try {
    const store = await openCentralStore(target);
    cleanups.push(() => store.close());
    const app = buildCentral({ store, appliers: opAppliers, logLevel: options.logLevel });
    const bluesky = startBlueskySchedule({
      store,
      key: blueskyKey(target.dataDir),
      onError: (e) => app.log.error({ err: e }, 'bluesky round failed'),
    });
    cleanups.push(() => bluesky.stop());
    const url = await app.listen(listen);
    // In-flight requests finish; their transactions commit or roll back before the store closes.
    cleanups.push(() => app.close());
    const secret = newAdminSecret();
    const admin = buildAdminServer({ store, secret, logLevel: options.logLevel });
    const adminUrl = await admin.listen({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => admin.close());
    held.update({ url, admin_url: adminUrl, secret });
    return { url, engine: store.engine, adminUrl, close: closeAll };
  } catch (e) {
    await closeAll().catch(() => undefined);
    throw e;
  }
};

const callService = async <K extends AdminOp>(
  holder: LockInfo & { admin_url: string; secret: string },
  op: K,
  input: unknown,
): Promise<AdminOutput<K> | 'gone'> => {
  let res: Response;
  try {
    res = await fetch(new URL(`/admin/${op}`, holder.admin_url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${holder.secret}` },
      body: JSON.stringify(input),
    });
  } catch (e) {
    // Refused before anything was sent: the service is gone, the command can run elsewhere.
    if ((e as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return 'gone';
    throw new AppError('central_admin_lost', {}, 503);
  }
  const body = (await res.json().catch(() => undefined)) as
    | { value?: unknown; error?: { code?: unknown; params?: Record<string, string | number> } }
    | undefined;
  if (res.ok && body && 'value' in body)
    return adminOps[op].output.parse(body.value) as AdminOutput<K>;
  const code = typeof body?.error?.code === 'string' ? body.error.code : 'internal';
  throw new AppError(code, body?.error?.params, res.status);
};

/**
 * Every `ventanilla central …` admin command: sent to the running service on this data folder
 * and database when there is one, otherwise run on the database here, under the folder's lock
 * for PGlite. Either way `runAdminOp` runs it. PostgreSQL takes many processes, so with a
 * database URL and no matching service the command opens it directly.
 */
export const runAdminCommand = async <K extends AdminOp>(
  target: CentralTarget,
  op: K,
  input: unknown,
  waitMs = 120_000,
): Promise<AdminOutput<K>> => {
  const database = databaseId(target);
  const direct = async (): Promise<AdminOutput<K>> => {
    const store = await openCentralStore(target);
    try {
      return await runAdminOp(store, op, input);
    } finally {
      await store.close();
    }
  };
  const deadline = Date.now() + waitMs;
  for (;;) {
    let holder = readLock(lockPath(target.dataDir));
    if (holder?.role === 'serve' && holder.database === database && (await isLive(holder))) {
      if (holder.admin_url && holder.secret) {
        const seen = holder.nonce;
        const answer = await callService(
          { ...holder, admin_url: holder.admin_url, secret: holder.secret },
          op,
          input,
        ).catch((e: unknown) => {
          // Refused before running: a service restarted meanwhile has a new secret; ask it.
          const restarted = readLock(lockPath(target.dataDir))?.nonce !== seen;
          if (restarted && e instanceof AppError && e.code === 'central_admin_refused')
            return 'gone' as const;
          throw e;
        });
        if (answer !== 'gone') return answer;
      }
    } else if (target.databaseUrl) return direct();
    else {
      const taken = await takeLock(target.dataDir, 'admin', database, isLive);
      if (taken.ok) {
        try {
          return await direct();
        } finally {
          taken.lock.release();
        }
      }
      holder = taken.holder;
      if (holder.role === 'serve' && holder.database !== database)
        throw new AppError('central_folder_in_use', { pid: holder.pid }, 409);
    }
    if (Date.now() > deadline)
      throw new AppError('central_folder_busy', { pid: holder?.pid ?? '—' }, 409);
    await sleep(100);
  }
};
