import type { SqlTx } from '../db/store';
import type { CentralProblem } from '../../core/audit/central-chain';

export interface ChainRow {
  size: number;
  head_hash: string;
}

export interface StoredEntry {
  readonly seq: number;
  readonly hash: string;
  /** The entry as received, kept whole as evidence. */
  readonly entry: unknown;
}

export interface StoredCheckpoint {
  readonly size: number;
  readonly head_hash: string;
  readonly at: string;
  readonly signature: string;
}

/** Each counter's audit chain as central holds it: `audit_chains`, `audit_entries`, `audit_checkpoints`. */
export const auditChainStore = {
  /** The device's chain, created empty on its first entry or checkpoint. */
  chainOf: async (tx: SqlTx, deviceId: string): Promise<ChainRow> => {
    const [row] = await tx.query<ChainRow>(
      'SELECT size::int AS size, head_hash FROM audit_chains WHERE device_id = $1',
      [deviceId],
    );
    if (row) return row;
    await tx.query(`INSERT INTO audit_chains (device_id, size, head_hash) VALUES ($1, 0, '')`, [
      deviceId,
    ]);
    return { size: 0, head_hash: '' };
  },
  hashAt: async (tx: SqlTx, deviceId: string, seq: number): Promise<string | undefined> =>
    (
      await tx.query<{ hash: string }>(
        'SELECT hash FROM audit_entries WHERE device_id = $1 AND seq = $2',
        [deviceId, seq],
      )
    )[0]?.hash,
  /** Sticky: only the first problem is kept. */
  flag: async (
    tx: SqlTx,
    deviceId: string,
    problem: CentralProblem,
    seq: number,
    at: Date,
  ): Promise<void> => {
    await tx.query(
      `UPDATE audit_chains SET flag_problem = $2, flag_seq = $3, flagged_at = $4
       WHERE device_id = $1 AND flag_problem IS NULL`,
      [deviceId, problem, seq, at],
    );
  },
  /** Heads of the unproblematic checkpoints received at these sizes. */
  checkpointHeads: (
    tx: SqlTx,
    deviceId: string,
    sizes: readonly number[],
  ): Promise<{ size: number; head_hash: string }[]> =>
    tx.query(
      `SELECT size::int AS size, head_hash FROM audit_checkpoints
       WHERE device_id = $1 AND size = ANY($2::bigint[]) AND problem IS NULL`,
      [deviceId, sizes],
    ),
  largestCheckpoint: async (tx: SqlTx, deviceId: string): Promise<number> => {
    const [largest] = await tx.query<{ size: number | null }>(
      'SELECT max(size)::int AS size FROM audit_checkpoints WHERE device_id = $1',
      [deviceId],
    );
    return largest?.size ?? 0;
  },
  /** Appends entries that extend the chain, and moves its head to the last of them. */
  append: async (
    tx: SqlTx,
    deviceId: string,
    entries: readonly StoredEntry[],
    head: ChainRow,
    at: Date,
  ): Promise<void> => {
    await tx.query(
      `INSERT INTO audit_entries (device_id, seq, hash, entry, received_at)
       SELECT $1, u.seq, u.hash, u.entry::jsonb, $2
       FROM unnest($3::bigint[], $4::text[], $5::text[]) AS u(seq, hash, entry)`,
      [
        deviceId,
        at,
        entries.map((e) => e.seq),
        entries.map((e) => e.hash),
        entries.map((e) => JSON.stringify(e.entry)),
      ],
    );
    await tx.query('UPDATE audit_chains SET size = $2, head_hash = $3 WHERE device_id = $1', [
      deviceId,
      head.size,
      head.head_hash,
    ]);
  },
  insertCheckpoint: async (
    tx: SqlTx,
    deviceId: string,
    cp: StoredCheckpoint,
    problem: CentralProblem | null,
    at: Date,
  ): Promise<void> => {
    await tx.query(
      `INSERT INTO audit_checkpoints (device_id, size, head_hash, signed_at, signature, problem, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [deviceId, cp.size, cp.head_hash, cp.at, cp.signature, problem, at],
    );
  },
};
