import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import {
  type CentralProblem,
  checkpointProblem,
  entryProblem,
  problemSeq,
} from '../../core/audit/central-chain';
import {
  type CentralDevice,
  type CentralTx,
  type OpApplier,
  type OpAppliers,
  type PushedOp,
  rejectOp,
} from '../sync/appliers';

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

interface ChainRow {
  size: number;
  head_hash: string;
}

const chainOf = async (tx: CentralTx, device: CentralDevice): Promise<ChainRow> => {
  const [row] = await tx.query<ChainRow>(
    'SELECT size::int AS size, head_hash FROM audit_chains WHERE device_id = $1',
    [device.id],
  );
  if (row) return row;
  await tx.query(`INSERT INTO audit_chains (device_id, size, head_hash) VALUES ($1, 0, '')`, [
    device.id,
  ]);
  return { size: 0, head_hash: '' };
};

const hashAt = async (
  tx: CentralTx,
  device: CentralDevice,
  seq: number,
): Promise<string | undefined> =>
  (
    await tx.query<{ hash: string }>(
      'SELECT hash FROM audit_entries WHERE device_id = $1 AND seq = $2',
      [device.id, seq],
    )
  )[0]?.hash;

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
  await tx.query(
    `UPDATE audit_chains SET flag_problem = $2, flag_seq = $3, flagged_at = $4
     WHERE device_id = $1 AND flag_problem IS NULL`,
    [device.id, problem, seq, tx.now],
  );
  await tx.query('UPDATE devices SET last_error = $2 WHERE id = $1', [
    device.id,
    `audit_${problem}@${seq}`,
  ]);
};

/** One `audit.entry`: checked against the chain central holds; appended when it extends it. */
const applyEntry: OpApplier = async (tx, device, op) => {
  const parsed = Entry.safeParse(op.payload);
  if (!parsed.success) throw rejectOp('invalid_payload');
  const entry = parsed.data;
  const chain = await chainOf(tx, device);
  const heads = await tx.query<{ head_hash: string }>(
    'SELECT head_hash FROM audit_checkpoints WHERE device_id = $1 AND size = $2 AND problem IS NULL',
    [device.id, entry.seq],
  );
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
    await tx.query(
      'INSERT INTO audit_entries (device_id, seq, hash, entry, received_at) VALUES ($1, $2, $3, $4, $5)',
      [device.id, entry.seq, entry.hash, JSON.stringify(entry), tx.now],
    );
    await tx.query('UPDATE audit_chains SET size = $2, head_hash = $3 WHERE device_id = $1', [
      device.id,
      entry.seq,
      entry.hash,
    ]);
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
  const heads = await tx.query<{ size: number; head_hash: string }>(
    `SELECT size::int AS size, head_hash FROM audit_checkpoints
     WHERE device_id = $1 AND size = ANY($2::bigint[]) AND problem IS NULL`,
    [device.id, entries.map((e) => e.seq)],
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
  await tx.query(
    `INSERT INTO audit_entries (device_id, seq, hash, entry, received_at)
     SELECT $1, u.seq, u.hash, u.entry::jsonb, $2
     FROM unnest($3::bigint[], $4::text[], $5::text[]) AS u(seq, hash, entry)`,
    [
      device.id,
      tx.now,
      entries.map((e) => e.seq),
      entries.map((e) => e.hash),
      entries.map((e) => JSON.stringify(e)),
    ],
  );
  await tx.query('UPDATE audit_chains SET size = $2, head_hash = $3 WHERE device_id = $1', [
    device.id,
    size,
    head,
  ]);
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
    const [keyRow] = await tx.query<{ public_key: string }>(
      'SELECT public_key FROM devices WHERE id = $1',
      [device.id],
    );
    if (!keyRow) throw rejectOp('unknown_device');
    const key = createPublicKey({
      key: Buffer.from(keyRow.public_key, 'base64'),
      format: 'der',
      type: 'spki',
    });
    const [largest] = await tx.query<{ size: number | null }>(
      'SELECT max(size)::int AS size FROM audit_checkpoints WHERE device_id = $1',
      [device.id],
    );
    const problem = checkpointProblem(
      { largestSize: largest?.size ?? 0, knownHash: await hashAt(tx, device, cp.size) },
      cp,
      key,
    );
    await tx.query(
      `INSERT INTO audit_checkpoints (device_id, size, head_hash, signed_at, signature, problem, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [device.id, cp.size, cp.head_hash, cp.at, cp.signature, problem, tx.now],
    );
    if (problem)
      await flag(tx, device, problem, problemSeq(problem, { size: cp.size }, chain.size));
  },
};
