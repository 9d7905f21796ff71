import type { OpResult, PullResponse, PushRequest } from '../../shared/contract/sync';
import { isAppError } from '../../shared/errors';
import type { CentralStore, SqlTx } from '../db/store';
import { devicesStore } from '../devices/store';
import { sha256Hex } from '../secrets';
import type { CentralDevice, CentralTx, OpApplier, OpAppliers, PushedOp } from './appliers';
import { syncStore } from './store';

/** Wraps a transaction with the applier helpers. */
export const centralTx = (tx: SqlTx, now: Date): CentralTx => ({
  now,
  query: (text, params) => tx.query(text, params),
  emitChange: (change) => syncStore.emitChange(tx, change, now),
});

const rejectionCode = (e: unknown): string => (isAppError(e) ? e.code : 'apply_failed');

type WireOp = PushRequest['ops'][number];
interface ToApply {
  /** Position in the seq-ordered batch: one op id may be sent twice, so ids do not key results. */
  readonly index: number;
  readonly op: WireOp;
  readonly applier: OpApplier;
}

const pushed = (op: WireOp): PushedOp => ({ ...op, payload: JSON.parse(op.payload) as unknown });

// Own properties only: `constructor` or `toString` must be unknown kinds, not Object's methods.
const applierFor = (appliers: OpAppliers, kind: string): OpApplier | undefined =>
  Object.hasOwn(appliers, kind) ? appliers[kind] : undefined;

interface Classified {
  /** One result per op of the seq-ordered batch; an applier's failure overwrites `applied`. */
  readonly results: OpResult[];
  readonly toApply: ToApply[];
  /** A later copy of an op id in the same batch, and the position of its first copy. */
  readonly repeats: readonly { index: number; first: number }[];
}

/** Dedup and envelope checks: which ops are answered already and which go to their applier. */
const classify = (
  ops: readonly WireOp[],
  known: ReadonlyMap<string, { payload_sha256: string; device_id: string }>,
  device: CentralDevice,
  appliers: OpAppliers,
): Classified => {
  const results: OpResult[] = [];
  const toApply: ToApply[] = [];
  const repeats: { index: number; first: number }[] = [];
  const firstAt = new Map<string, number>();
  ops.forEach((op, index) => {
    const prior = known.get(op.op_id);
    const answer = (result: Omit<OpResult, 'op_id'>) => {
      results[index] = { op_id: op.op_id, ...result };
    };
    const reject = (error: string) => answer({ status: 'rejected', error });
    const first = firstAt.get(op.op_id);
    if (first === undefined) firstAt.set(op.op_id, index);
    const applier = applierFor(appliers, op.kind);
    if (prior) {
      const same = prior.payload_sha256 === op.payload_sha256 && prior.device_id === device.id;
      if (same) answer({ status: 'duplicate' });
      else reject('idempotency_mismatch');
    } else if (first !== undefined) {
      // Answered once the first copy's fate is known (its applier may still refuse it).
      reject('idempotency_mismatch');
      repeats.push({ index, first });
    } else if (sha256Hex(op.payload) !== op.payload_sha256) reject('payload_hash_mismatch');
    else if (!applier) reject('unknown_kind');
    else {
      answer({ status: 'applied' });
      toApply.push({ index, op, applier });
    }
  });
  return { results, toApply, repeats };
};

/** A repeat with the first copy's payload shares its fate: duplicate if applied, else its refusal. */
const answerRepeats = (ops: readonly WireOp[], classified: Classified): void => {
  for (const { index, first } of classified.repeats) {
    const op = ops[index];
    const original = classified.results[first];
    if (!op || !original || ops[first]?.payload_sha256 !== op.payload_sha256) continue;
    classified.results[index] =
      original.status === 'applied'
        ? { op_id: op.op_id, status: 'duplicate' }
        : { ...original, op_id: op.op_id };
  }
};

/** Consecutive ops with one applier: a run its batch form (if any) applies in one call. */
const runsOf = (items: readonly ToApply[]): ToApply[][] => {
  const runs: ToApply[][] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last?.[0]?.applier === item.applier) last.push(item);
    else runs.push([item]);
  }
  return runs;
};

/** Thrown out of the optimistic attempt so its transaction rolls back and the careful one runs. */
class BatchFailed extends Error {}

/**
 * One attempt at a pushed batch in one transaction. The device row is locked first (by the
 * UPDATE), so two batches from one device never interleave and each device's ops apply in
 * `seq` order. Each applied op's id goes into `applied_ops` in the same transaction as its
 * effect. Optimistic: every op at once, through batch appliers where offered; careful: op by
 * op, each under its own savepoint, so a failing op is rejected alone.
 */
const attempt = async (
  raw: SqlTx,
  appliers: OpAppliers,
  device: CentralDevice,
  request: PushRequest,
  now: Date,
  careful: boolean,
  onApplyError: (e: unknown, kind: string) => void,
): Promise<OpResult[]> => {
  const tx = centralTx(raw, now);
  await devicesStore.touch(
    tx,
    device.id,
    now,
    request.queue_depth ?? null,
    request.app_version ?? null,
  );
  // A stable sort: copies of one op id keep the order they were sent in.
  const sorted = request.ops.map((op, sent) => ({ op, sent })).sort((a, b) => a.op.seq - b.op.seq);
  const ops = sorted.map((s) => s.op);
  const known = new Map(
    (
      await syncStore.knownOps(
        tx,
        ops.map((o) => o.op_id),
      )
    ).map((r) => [r.op_id, r]),
  );
  const classified = classify(ops, known, device, appliers);
  const { results, toApply } = classified;
  const applied: WireOp[] = [];
  if (!careful) {
    try {
      for (const run of runsOf(toApply)) {
        const many = run[0]?.applier.many;
        if (many && run.length > 1)
          await many(
            tx,
            device,
            run.map((i) => pushed(i.op)),
          );
        else for (const i of run) await i.applier(tx, device, pushed(i.op));
      }
    } catch {
      throw new BatchFailed();
    }
    applied.push(...toApply.map((i) => i.op));
  } else {
    for (const item of toApply) {
      await syncStore.savepoint.begin(tx);
      try {
        await item.applier(tx, device, pushed(item.op));
        await syncStore.savepoint.release(tx);
        applied.push(item.op);
      } catch (e) {
        await syncStore.savepoint.rollback(tx);
        if (!isAppError(e)) onApplyError(e, item.op.kind);
        results[item.index] = {
          op_id: item.op.op_id,
          status: 'rejected',
          error: rejectionCode(e),
        };
      }
    }
  }
  answerRepeats(ops, classified);
  const lastRejected = results.filter((r) => r.status === 'rejected').at(-1);
  await syncStore.recordApplied(tx, device.id, now, applied, lastRejected?.error ?? null);
  // Answer in the order the counter sent them.
  const answers: OpResult[] = [];
  sorted.forEach(({ op, sent }, i) => {
    answers[sent] = results[i] ?? { op_id: op.op_id, status: 'rejected', error: 'internal' };
  });
  return answers;
};

/**
 * Applies one pushed batch. First optimistically in one transaction; only if an applier
 * throws is it rolled back and redone carefully, so a rejected op never takes others with it.
 */
export const applyPush = async (
  store: CentralStore,
  appliers: OpAppliers,
  device: CentralDevice,
  request: PushRequest,
  now: Date,
  onApplyError: (e: unknown, kind: string) => void,
): Promise<OpResult[]> => {
  const run = (careful: boolean) =>
    store.transaction((tx) => attempt(tx, appliers, device, request, now, careful, onApplyError));
  try {
    return await run(false);
  } catch (e) {
    if (!(e instanceof BatchFailed)) throw e;
    return run(true);
  }
};

/**
 * One page of changes after `cursor` for this device. Writers of `changes` serialise on an
 * advisory lock held to commit (see `syncStore.emitChange`), so what is visible is always a prefix of the
 * sequence: a transaction that commits late still lands above every cursor handed out.
 */
export const pullChanges = async (
  store: CentralStore,
  deviceId: string,
  cursor: number,
  limit: number,
): Promise<PullResponse> => {
  const rows = await syncStore.page(store, deviceId, cursor, limit + 1);
  const page = rows.slice(0, limit).map((r) => ({
    seq: Number(r.seq),
    type: r.type,
    entity_id: r.entity_id,
    version: Number(r.version),
    payload: r.payload,
    created_at: new Date(r.created_at).toISOString(),
  }));
  return { changes: page, next_cursor: page.at(-1)?.seq ?? cursor, has_more: rows.length > limit };
};
