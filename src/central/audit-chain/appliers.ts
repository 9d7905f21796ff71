import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import {
  type CentralProblem,
  checkpointProblem,
  entryProblem,
  problemSeq,
} from '../../core/audit/central-chain';
import { devicesStore } from '../devices/store';
import {
  type CentralDevice,
  type CentralTx,
  type OpApplier,
  type OpAppliers,
  type PushedOp,
  rejectOp,
} from '../sync/appliers';
import { auditChainStore } from './store';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const Entry = z.object({
  seq: z.number().int().min(1),
  at: z.string(),
  utc_offset_min: z.number().int(),
  device: z.string(),
  actor_id: z.number().int().nullable(),
  actor_name: z.string(),
  actor_role: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  details: z.string(),
  prev_hash: hex64,
  hash: hex64,
});

const Checkpoint = z.object({
  device: z.string(),
  size: z.number().int().min(1),
  head_hash: hex64,
  at: z.string(),
  signature: z.string().min(1),
});

const chainOf = (tx: CentralTx, device: CentralDevice) => auditChainStore.chainOf(tx, device.id);

const hashAt = (tx: CentralTx, device: CentralDevice, seq: number) =>
  auditChainStore.hashAt(tx, device.id, seq);

/**
 * Flags the device once (the first problem is the one that matters), and shows it on the
 * device board's error column until someone looks into it.
 */
const flag = async (
  tx: CentralTx,
  device: CentralDevice,
  problem: CentralProblem,
  seq: number,
): Promise<void> => {
  await auditChainStore.flag(tx, device.id, problem, seq, tx.now);
  await devicesStore.setLastError(tx, device.id, `audit_${problem}@${seq}`);
};

/** One `audit.entry`: checked against the chain central holds; appended when it extends it. */
const applyEntry: OpApplier = async (tx, device, op) => {
  const parsed = Entry.safeParse(op.payload);
  if (!parsed.success) throw rejectOp('invalid_payload');
  const entry = parsed.data;
  const chain = await chainOf(tx, device);
  const heads = await auditChainStore.checkpointHeads(tx, device.id, [entry.seq]);
  const problem = entryProblem(
    {
      size: chain.size,
      head: chain.head_hash,
      knownHash: entry.seq <= chain.size ? await hashAt(tx, device, entry.seq) : undefined,
      checkpointHeads: heads.map((h) => h.head_hash),
    },
    entry,
  );
  if (problem) await flag(tx, device, problem, problemSeq(problem, { seq: entry.seq }, chain.size));
  if (entry.seq === chain.size + 1 && (problem === null || problem === 'checkpoint_mismatch')) {
    await auditChainStore.append(
      tx,
      device.id,
      [{ seq: entry.seq, hash: entry.hash, entry }],
      { size: entry.seq, head_hash: entry.hash },
      tx.now,
    );
  }
};

/**
 * A run of entries that simply extends the chain (the usual drain), checked in memory against
 * the chain and the checkpoints already received for their sizes, and written with one INSERT.
 * Anything else (a gap, a break, a disagreeing checkpoint, an unreadable payload) goes entry by
 * entry through `applyEntry`, so every flag is raised exactly as one at a time would.
 */
const applyEntries = async (tx: CentralTx, device: CentralDevice, ops: readonly PushedOp[]) => {
  const oneByOne = async () => {
    for (const op of ops) await applyEntry(tx, device, op);
  };
  const entries: z.infer<typeof Entry>[] = [];
  for (const op of ops) {
    const parsed = Entry.safeParse(op.payload);
    if (!parsed.success) return oneByOne();
    entries.push(parsed.data);
  }
  const chain = await chainOf(tx, device);
  const heads = await auditChainStore.checkpointHeads(
    tx,
    device.id,
    entries.map((e) => e.seq),
  );
  let { size, head_hash: head } = chain;
  for (const entry of entries) {
    if (entry.seq !== size + 1) return oneByOne();
    const checkpointHeads = heads.filter((h) => h.size === entry.seq).map((h) => h.head_hash);
    if (entryProblem({ size, head, knownHash: undefined, checkpointHeads }, entry) !== null)
      return oneByOne();
    size = entry.seq;
    head = entry.hash;
  }
  await auditChainStore.append(
    tx,
    device.id,
    entries.map((e) => ({ seq: e.seq, hash: e.hash, entry: e })),
    { size, head_hash: head },
    tx.now,
  );
};

/**
 * Central's side of the audit chain: every entry is checked against the chain it already holds
 * for that device, and every checkpoint is kept. Tampering is flagged, not rejected: the ops
 * are the evidence, and rejecting them would only stall the counter's queue.
 */
export const auditAppliers: OpAppliers = {
  'audit.entry': Object.assign(applyEntry, { many: applyEntries }),
  'audit.checkpoint': async (tx, device, op) => {
    const parsed = Checkpoint.safeParse(op.payload);
    if (!parsed.success) throw rejectOp('invalid_payload');
    const cp = parsed.data;
    const chain = await chainOf(tx, device);
    const keyRow = await devicesStore.byId(tx, device.id);
    if (!keyRow) throw rejectOp('unknown_device');
    const key = createPublicKey({
      key: Buffer.from(keyRow.public_key, 'base64'),
      format: 'der',
      type: 'spki',
    });
    const largestSize = await auditChainStore.largestCheckpoint(tx, device.id);
    const problem = checkpointProblem(
      { largestSize, knownHash: await hashAt(tx, device, cp.size) },
      cp,
      key,
    );
    await auditChainStore.insertCheckpoint(tx, device.id, cp, problem, tx.now);
    if (problem)
      await flag(tx, device, problem, problemSeq(problem, { size: cp.size }, chain.size));
  },
};
