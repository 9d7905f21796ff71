import { verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { deviceKey, signWithDeviceKey } from '../device/device-key';
import { enqueue } from '../sync/outbox';
import { canonicalJson } from './canonical-json';

/** A checkpoint every this many entries... */
export const CHECKPOINT_EVERY = 100;
/** ...or at the first entry this long after the previous checkpoint. */
export const CHECKPOINT_MINUTES = 15;

export interface CheckpointClaim {
  readonly device: string;
  readonly size: number;
  readonly head_hash: string;
  readonly at: string;
}

export interface Checkpoint extends CheckpointClaim {
  /** Ed25519 over the canonical JSON of the claim, base64. */
  readonly signature: string;
}

export const checkpointMessage = (c: CheckpointClaim): string =>
  canonicalJson({ device: c.device, size: c.size, head_hash: c.head_hash, at: c.at });

export const checkpointSignatureValid = (c: Checkpoint, publicKey: KeyObject): boolean => {
  try {
    return verify(
      null,
      Buffer.from(checkpointMessage(c)),
      publicKey,
      Buffer.from(c.signature, 'base64'),
    );
  } catch {
    return false;
  }
};

export const listCheckpoints = (db: Database): Checkpoint[] =>
  db
    .prepare('SELECT device, size, head_hash, at, signature FROM audit_checkpoint ORDER BY id')
    .all() as Checkpoint[];

// Asked on every append, so prepared once per connection.
const lastStatements = new WeakMap<Database, Statement>();
const lastCheckpoint = (db: Database): { size: number; at: string } | undefined => {
  let stmt = lastStatements.get(db);
  if (!stmt) {
    stmt = db.prepare('SELECT size, at FROM audit_checkpoint ORDER BY id DESC LIMIT 1');
    lastStatements.set(db, stmt);
  }
  return stmt.get() as { size: number; at: string } | undefined;
};

/** Due at the first entry, then every CHECKPOINT_EVERY entries or CHECKPOINT_MINUTES. */
export const checkpointDue = (db: Database, size: number, at: Date): boolean => {
  const last = lastCheckpoint(db);
  if (!last) return true;
  if (size - last.size >= CHECKPOINT_EVERY) return true;
  return size > last.size && at.getTime() - Date.parse(last.at) >= CHECKPOINT_MINUTES * 60_000;
};

/** Signs (device, size, head, time) and queues it for central. Runs in the append's transaction. */
export const writeCheckpoint = (
  db: Database,
  device: string,
  size: number,
  headHash: string,
  at: Date,
): Checkpoint => {
  if (!db.inTransaction) throw new Error('writeCheckpoint must run inside the domain transaction');
  const claim: CheckpointClaim = { device, size, head_hash: headHash, at: at.toISOString() };
  const checkpoint: Checkpoint = {
    ...claim,
    signature: signWithDeviceKey(deviceKey(db), checkpointMessage(claim)),
  };
  db.prepare(
    `INSERT INTO audit_checkpoint (device, size, head_hash, at, signature)
     VALUES (@device, @size, @head_hash, @at, @signature)`,
  ).run(checkpoint);
  enqueue(db, { kind: 'audit.checkpoint', entityId: `${device}:${size}`, payload: checkpoint }, at);
  return checkpoint;
};
