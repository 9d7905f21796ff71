import type { KeyObject } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditFailureReason, AuditVerifyResult } from '../../shared/contract/audit';
import { deviceKey } from '../device/device-key';
import { type AuditEntry, entryHash, GENESIS_HASH } from './append';
import { type Checkpoint, checkpointSignatureValid, listCheckpoints } from './checkpoints';

/** A row of `audit_log` as stored: the hashed entry plus its links. */
export interface StoredEntry extends AuditEntry {
  readonly prev_hash: string;
  readonly hash: string;
}

export interface ChainWalk {
  readonly ok: boolean;
  readonly entries: number;
  readonly head: string;
  readonly first_bad_seq?: number;
  readonly reason?: AuditFailureReason;
  /** Hashes at the requested sequence numbers, for checking checkpoints. */
  readonly hashesAt: ReadonlyMap<number, string>;
}

/** The fields that are hashed, in a fresh object so stray columns never leak into the hash. */
export const hashedPart = (r: StoredEntry): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  utc_offset_min: r.utc_offset_min,
  device: r.device,
  actor_id: r.actor_id,
  actor_name: r.actor_name,
  actor_role: r.actor_role,
  action: r.action,
  subject: r.subject,
  details: r.details,
});

/**
 * Walks entries in seq order from `start` and stops at the first one that does not follow:
 * a missing number (deleted), a broken link (reordered) or a hash that does not match (edited).
 */
export const walkChain = (
  rows: Iterable<StoredEntry>,
  remember: ReadonlySet<number> = new Set(),
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainWalk => {
  const hashesAt = new Map<number, string>();
  let { seq, hash } = start;
  const fail = (first_bad_seq: number, reason: AuditFailureReason): ChainWalk => ({
    ok: false,
    entries: seq,
    head: hash,
    first_bad_seq,
    reason,
    hashesAt,
  });
  for (const row of rows) {
    if (row.seq !== seq + 1) return fail(seq + 1, 'seq_gap');
    if (row.prev_hash !== hash) return fail(row.seq, 'prev_hash_mismatch');
    if (entryHash(hash, hashedPart(row)) !== row.hash) return fail(row.seq, 'hash_mismatch');
    seq = row.seq;
    hash = row.hash;
    if (remember.has(seq)) hashesAt.set(seq, hash);
  }
  return { ok: true, entries: seq, head: hash, hashesAt };
};

/**
 * Checks signed checkpoints against an intact chain. A checkpoint beyond the end means the log
 * was cut short; one whose head differs means it was rewritten after that point was signed.
 */
export const checkCheckpoints = (
  walk: ChainWalk,
  checkpoints: readonly Checkpoint[],
  publicKey: KeyObject | undefined,
): Pick<AuditVerifyResult, 'first_bad_seq' | 'reason'> | null => {
  let lastGood = 0;
  for (const cp of checkpoints) {
    if (!publicKey || !checkpointSignatureValid(cp, publicKey)) {
      return { first_bad_seq: Math.min(cp.size, walk.entries + 1), reason: 'checkpoint_signature' };
    }
    if (cp.size > walk.entries) return { first_bad_seq: walk.entries + 1, reason: 'truncated' };
    if (walk.hashesAt.get(cp.size) !== cp.head_hash) {
      return { first_bad_seq: lastGood + 1, reason: 'checkpoint_mismatch' };
    }
    lastGood = Math.max(lastGood, cp.size);
  }
  return null;
};

/** `ventanilla audit verify` and the Audit screen: the whole chain, then every checkpoint. */
export const verifyAuditLog = (db: Database): AuditVerifyResult => {
  const checkpoints = listCheckpoints(db);
  const rows = db
    .prepare(
      `SELECT seq, at, utc_offset_min, device, actor_id, actor_name, actor_role, action, subject,
         details, prev_hash, hash FROM audit_log ORDER BY seq`,
    )
    .iterate() as IterableIterator<StoredEntry>;
  const walk = walkChain(rows, new Set(checkpoints.map((c) => c.size)));
  const base = { entries: walk.entries, head: walk.head, checkpoints: checkpoints.length };
  if (!walk.ok) {
    return { ok: false, ...base, first_bad_seq: walk.first_bad_seq, reason: walk.reason };
  }
  const problem = checkCheckpoints(
    walk,
    checkpoints,
    checkpoints.length > 0 ? deviceKey(db).publicKey : undefined,
  );
  return problem ? { ok: false, ...base, ...problem } : { ok: true, ...base };
};
