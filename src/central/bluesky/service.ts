import { AtpAgent } from '@atproto/api';
import { type AccountLookup, blueskyConnector, boundedFetch } from '../../core/network';
import { AppError } from '../../shared/errors';
import { challengeSha256 } from '../verifications/rules';
import { centralAudit } from '../audit/store';
import type { CentralStore } from '../db/store';
import { centralTx } from '../sync/service';
import { confirmProof } from '../verifications/service';
import { newTid, seal, unseal } from './crypto';
import { watchDrift } from './drift';
import {
  awaitingAccount,
  awaitingProof,
  setAccountOf,
  setProofMisses,
} from '../verifications/accounts-store';
import {
  dueRecords,
  markDone,
  markFailed,
  readAccount,
  reconcileWanted,
  type RecordRow,
  saveAccount,
} from './store';

const COLLECTION = 'app.bsky.graph.verification';
/** As at the counter: each distinct wrong code is a try; past five the search stops. */
const MAX_PROOF_MISSES = 5;
const CHALLENGE_TTL_MS = 72 * 60 * 60_000;
/** Retries wait 30 s, 1 min, 2 min… up to an hour. */
const backoffMs = (attempts: number): number => Math.min(30_000 * 2 ** attempts, 60 * 60_000);

export interface BlueskyWorkerOptions {
  readonly store: CentralStore;
  /** Seals the town's app password (see `blueskyKey`). */
  readonly key: Buffer;
  readonly now?: () => Date;
  /** The network as central asks it; the public one by default (`blueskyEndpoints`). */
  readonly lookup?: AccountLookup;
  /** Items per run of each kind: the rate the network and the town's account are asked at. */
  readonly batch?: number;
  /** Fault injection: after a record is written on the PDS, before central notes it. */
  readonly afterWrite?: (rkey: string) => Promise<void>;
}

/** The town's account as entered: where it lives, who it is, and the rename policy. */
export interface TownAccountInput {
  readonly service: string;
  readonly identifier: string;
  readonly appPassword: string;
  readonly renamePolicy?: 'refresh' | 'flag';
}

/** Signs in once to check the app password, and seals it: nothing is stored yet. */
export const checkTownAccount = async (
  key: Buffer,
  input: TownAccountInput,
): Promise<{ did: string; sealed: string }> => {
  const agent = new AtpAgent({ service: input.service, fetch: boundedFetch });
  try {
    await agent.login({ identifier: input.identifier, password: input.appPassword });
  } catch {
    throw new AppError('bluesky_sign_in_refused', {}, 400);
  }
  const did = agent.session?.did;
  if (!did) throw new AppError('bluesky_sign_in_refused', {}, 400);
  return { did, sealed: seal(key, input.appPassword) };
};

/** Stores the checked account (the password only sealed) and audits who it is, never the secret. */
export const storeTownAccount = async (
  store: CentralStore,
  account: {
    service: string;
    identifier: string;
    did: string;
    sealed: string;
    renamePolicy: 'refresh' | 'flag';
  },
  now: Date,
): Promise<{ did: string }> => {
  await store.transaction(async (tx) => {
    await saveAccount(
      tx,
      {
        service: account.service,
        identifier: account.identifier,
        secret_ciphertext: account.sealed,
        did: account.did,
        rename_policy: account.renamePolicy,
      },
      now,
    );
    await centralAudit(tx, now, 'bluesky.account_set', null, {
      identifier: account.identifier,
      did: account.did,
      renamePolicy: account.renamePolicy,
    });
  });
  return { did: account.did };
};

/** The town's account: checked by signing in, then stored. */
export const setTownAccount = async (
  options: Pick<BlueskyWorkerOptions, 'store' | 'key' | 'now'>,
  input: TownAccountInput,
): Promise<{ did: string }> => {
  const { did, sealed } = await checkTownAccount(options.key, input);
  const now = (options.now ?? (() => new Date()))();
  return storeTownAccount(
    options.store,
    {
      service: input.service,
      identifier: input.identifier,
      did,
      sealed,
      renamePolicy: input.renamePolicy ?? 'refresh',
    },
    now,
  );
};

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const createBlueskyWorker = (options: BlueskyWorkerOptions) => {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const batch = options.batch ?? 50;
  const lookup = options.lookup ?? blueskyConnector().lookup;
  if (!lookup) throw new Error('the Bluesky connector has a lookup');

  /** Records saved offline at a counter: the handle is looked up, and the counter told. */
  const resolveAccounts = async (): Promise<number> => {
    let done = 0;
    for (const v of await awaitingAccount(store, batch)) {
      let account;
      try {
        account = await lookup.resolve(v.handle.replace(/^@/, ''));
      } catch {
        continue; // Unreachable or gone: tried again next run; the counter keeps it pending.
      }
      const at = now();
      await store.transaction(async (raw) => {
        const tx = centralTx(raw, at);
        if (!(await setAccountOf(tx, v.id, account.userId, account.displayName, at))) return;
        await tx.emitChange({
          type: 'verification.account_resolved',
          entity_id: v.id,
          version: 1,
          payload: {
            verificationId: v.id,
            userId: account.userId,
            displayName: account.displayName,
          },
          device_id: v.device_id,
        });
        await centralAudit(tx, at, 'bluesky.account_resolved', v.device_id, {
          id: v.id,
          handle: v.handle,
          did: account.userId,
        });
        done += 1;
      });
    }
    return done;
  };

  /** Challenges: the code is looked for in the account's own posts, compared by hash only. */
  const searchProofs = async (): Promise<number> => {
    let confirmed = 0;
    const at = now();
    for (const v of await awaitingProof(store, at, MAX_PROOF_MISSES, batch)) {
      if (!v.platform_user_id || !v.challenge_sha256 || !v.challenge_expires_at) continue;
      const issued = new Date(new Date(v.challenge_expires_at).getTime() - CHALLENGE_TTL_MS);
      let match: string | null = null;
      let search;
      try {
        search = await lookup.findCode(v.platform_user_id, issued, (code) => {
          const ok = challengeSha256(code) === v.challenge_sha256;
          if (ok) match = code;
          return ok;
        });
      } catch {
        continue;
      }
      if (search.found && match) {
        // Its refusals (expired meanwhile, say) are audited there; the next one is looked at.
        const answer = await confirmProof(store, v.id, match, 'bluesky', now()).catch(() => null);
        if (answer) confirmed += 1;
      } else if (search.otherCodes > v.proof_misses) {
        await store.transaction(async (tx) => {
          await setProofMisses(tx, v.id, search.otherCodes);
          await centralAudit(tx, at, 'bluesky.proof_missed', v.device_id, {
            id: v.id,
            misses: search.otherCodes,
          });
        });
      }
    }
    return confirmed;
  };

  const signIn = async (): Promise<{ agent: AtpAgent; did: string } | null> => {
    const account = await readAccount(store);
    if (!account) return null;
    const agent = new AtpAgent({ service: account.service, fetch: boundedFetch });
    await agent.login({
      identifier: account.identifier,
      password: unseal(options.key, account.secret_ciphertext),
    });
    const did = agent.session?.did;
    return did ? { agent, did } : null;
  };

  const write = async (agent: AtpAgent, repo: string, r: RecordRow): Promise<void> => {
    if (r.want === 'present') {
      // putRecord under the key stored before: a retry rewrites this record, never adds one.
      await agent.com.atproto.repo.putRecord({
        repo,
        collection: COLLECTION,
        rkey: r.rkey,
        record: {
          $type: COLLECTION,
          subject: r.subject_did,
          handle: r.handle,
          displayName: r.display_name ?? '',
          createdAt: now().toISOString(),
        },
      });
      await options.afterWrite?.(r.rkey);
    } else {
      await agent.com.atproto.repo.deleteRecord({ repo, collection: COLLECTION, rkey: r.rkey });
    }
  };

  /** The durable queue: the town's records made to match the verifications in force. */
  const publish = async (): Promise<{ written: number; removed: number; failed: number }> => {
    const tally = { written: 0, removed: 0, failed: 0 };
    await store.transaction((tx) => reconcileWanted(tx, now(), () => newTid(now())));
    const due = await dueRecords(store, now(), batch);
    if (due.length === 0) return tally;
    let session;
    try {
      session = await signIn();
    } catch (e) {
      for (const r of due)
        await markFailed(
          store,
          r.verification_id,
          messageOf(e),
          new Date(now().getTime() + backoffMs(r.attempts)),
          now(),
        );
      tally.failed = due.length;
      return tally;
    }
    if (!session) return tally;
    for (const r of due) {
      try {
        await write(session.agent, session.did, r);
      } catch (e) {
        const at = now();
        await markFailed(
          store,
          r.verification_id,
          messageOf(e),
          new Date(at.getTime() + backoffMs(r.attempts)),
          at,
        );
        await centralAudit(store, at, 'bluesky.publish_failed', null, {
          id: r.verification_id,
          want: r.want,
          attempts: r.attempts + 1,
        });
        tally.failed += 1;
        continue;
      }
      const at = now();
      await store.transaction(async (tx) => {
        await markDone(
          tx,
          r.verification_id,
          r.want === 'present' ? 'written' : 'gone',
          at,
          r.flag === 'account_gone',
        );
        await centralAudit(
          tx,
          at,
          r.want === 'present' ? 'bluesky.published' : 'bluesky.withdrawn',
          null,
          {
            id: r.verification_id,
            subject: r.subject_did,
            handle: r.handle,
            rkey: r.rkey,
          },
        );
      });
      if (r.want === 'present') tally.written += 1;
      else tally.removed += 1;
    }
    return tally;
  };

  return { resolveAccounts, searchProofs, publish, lookup, batch, now };
};

export type BlueskyWorker = ReturnType<typeof createBlueskyWorker>;

/**
 * Central's Bluesky rounds while the service runs: look-ups, proof searches and the publishing
 * queue every `everyMs`, the drift watch every `driftEveryMs`, one round at a time, each bounded
 * by the worker's batch. Nothing is asked of the network while there is nothing to do.
 */
export const startBlueskySchedule = (
  options: BlueskyWorkerOptions & {
    readonly everyMs?: number;
    readonly driftEveryMs?: number;
    readonly onError?: (e: unknown) => void;
  },
): { stop: () => Promise<void> } => {
  const worker = createBlueskyWorker(options);
  const everyMs = options.everyMs ?? 60_000;
  const driftEveryMs = options.driftEveryMs ?? 15 * 60_000;
  let lastDrift = 0;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = async () => {
    await worker.resolveAccounts();
    await worker.searchProofs();
    await worker.publish();
    if (Date.now() - lastDrift >= driftEveryMs) {
      lastDrift = Date.now();
      await watchDrift(options.store, worker.lookup, worker.now, worker.batch);
    }
  };
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(round).catch((e: unknown) => options.onError?.(e));
  }, everyMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
};
