import type { OpResult, PushRequest } from '../shared/contract/sync';
import {
  type CentralDevice,
  type CentralTx,
  type NewChange,
  type OpApplier,
  type OpAppliers,
  OpRejected,
  type PushedOp,
} from './appliers/types';
import type { CentralStore, SqlTx } from './db/store';
import { sha256Hex } from './secrets';

// Held to commit by every transaction that writes `changes`: sequence order = commit order.
const CHANGES_LOCK = 7305002;

/** For bulk writers of `changes` (register imports): takes the lock once, held to commit. */
export const lockChanges = async (tx: SqlTx): Promise<void> => {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGES_LOCK]);
};

/**
 * Wraps a transaction with the applier helpers. The advisory lock is taken by the INSERT
 * itself, every time: it is re-entrant, and a savepoint rollback may have released it.
 */
export const centralTx = (tx: SqlTx, now: Date): CentralTx => ({
  now,
  query: (text, params) => tx.query(text, params),
  emitChange: async (change: NewChange) => {
    const [row] = await tx.query<{ seq: number }>(
      `WITH l AS (SELECT pg_advisory_xact_lock($7))
       INSERT INTO changes (type, entity_id, version, payload, device_id, created_at)
       SELECT $1, $2, $3, $4, $5, $6 FROM l RETURNING seq`,
      [
        change.type,
        change.entity_id,
        change.version,
        JSON.stringify(change.payload),
        change.device_id ?? null,
        now.toISOString(),
        CHANGES_LOCK,
      ],
    );
    if (!row) throw new Error('INSERT ... RETURNING gave no row');
    return Number(row.seq);
  },
});

const rejectionCode = (e: unknown): string => (e instanceof OpRejected ? e.code : 'apply_failed');

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
  await tx.query(
    'UPDATE devices SET last_seen_at = $2, queue_depth = COALESCE($3, queue_depth) WHERE id = $1',
    [device.id, now.toISOString(), request.queue_depth ?? null],
  );
  // A stable sort: copies of one op id keep the order they were sent in.
  const sorted = request.ops.map((op, sent) => ({ op, sent })).sort((a, b) => a.op.seq - b.op.seq);
  const ops = sorted.map((s) => s.op);
  const known = new Map(
    (
      await tx.query<{ op_id: string; payload_sha256: string; device_id: string }>(
        'SELECT op_id, payload_sha256, device_id FROM applied_ops WHERE op_id = ANY($1)',
        [ops.map((o) => o.op_id)],
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
      await tx.query('SAVEPOINT op');
      try {
        await item.applier(tx, device, pushed(item.op));
        await tx.query('RELEASE SAVEPOINT op');
        applied.push(item.op);
      } catch (e) {
        await tx.query('ROLLBACK TO SAVEPOINT op');
        if (!(e instanceof OpRejected)) onApplyError(e, item.op.kind);
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
  // One statement: the dedup records, and the device's last error when something was refused.
  await tx.query(
    `WITH ins AS (
       INSERT INTO applied_ops (op_id, device_id, seq, kind, entity_id, payload_sha256, applied_at)
       SELECT u.op_id, $1, u.seq, u.kind, u.entity_id, u.sha, $2
       FROM unnest($3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[]) AS u(op_id, seq, kind, entity_id, sha))
     UPDATE devices SET last_error = $8 WHERE id = $1 AND $8::text IS NOT NULL`,
    [
      device.id,
      now.toISOString(),
      applied.map((o) => o.op_id),
      applied.map((o) => o.seq),
      applied.map((o) => o.kind),
      applied.map((o) => o.entity_id),
      applied.map((o) => o.payload_sha256),
      lastRejected?.error ?? null,
    ],
  );
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
