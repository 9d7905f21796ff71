import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import {
  type CentralProblem,
  checkpointProblem,
  entryProblem,
  problemSeq,
} from '../../core/audit/central-chain';
import type { CentralDevice, CentralTx, OpAppliers } from './types';
import { OpRejected } from './types';

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

/**
 * Central's side of the audit chain: every entry is checked against the chain it already holds
 * for that device, and every checkpoint is kept. Tampering is flagged, not rejected: the ops
 * are the evidence, and rejecting them would only stall the counter's queue.
 */
export const auditAppliers: OpAppliers = {
  'audit.entry': async (tx, device, op) => {
    const parsed = Entry.safeParse(op.payload);
    if (!parsed.success) throw new OpRejected('invalid_payload');
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
    if (problem)
      await flag(tx, device, problem, problemSeq(problem, { seq: entry.seq }, chain.size));
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
  },
  'audit.checkpoint': async (tx, device, op) => {
    const parsed = Checkpoint.safeParse(op.payload);
    if (!parsed.success) throw new OpRejected('invalid_payload');
    const cp = parsed.data;
    const chain = await chainOf(tx, device);
    const [keyRow] = await tx.query<{ public_key: string }>(
      'SELECT public_key FROM devices WHERE id = $1',
      [device.id],
    );
    if (!keyRow) throw new OpRejected('unknown_device');
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
