import type { KeyObject } from 'node:crypto';
import { entryHash } from './append';
import { type Checkpoint, checkpointSignatureValid } from './checkpoints';
import { hashedPart, type StoredEntry } from './verify';

/**
 * What central concludes about one device's audit chain as its entries and checkpoints arrive.
 * Pure: central keeps this state in its own store; the rules live here, next to the chain.
 */
export const centralProblems = [
  'chain_break',
  'rewritten',
  'seq_gap',
  'truncated',
  'checkpoint_signature',
  'checkpoint_mismatch',
] as const;
export type CentralProblem = (typeof centralProblems)[number];

export interface DeviceChainState {
  /** Hash of entry n at index n - 1: every entry central has accepted from the device. */
  readonly hashes: string[];
  /** Every checkpoint received, valid or not: the evidence. */
  readonly checkpoints: Checkpoint[];
  /** Set once; a flagged device stays flagged until someone looks. */
  flag: { readonly problem: CentralProblem; readonly seq: number } | null;
}

export const emptyChainState = (): DeviceChainState => ({
  hashes: [],
  checkpoints: [],
  flag: null,
});

const raise = (state: DeviceChainState, problem: CentralProblem, seq: number): CentralProblem => {
  state.flag ??= { problem, seq };
  return problem;
};

/**
 * An `audit.entry` op. The next entry must link to the head central holds and hash right; an
 * entry central already has must be byte-identical (else the device rewrote its history).
 */
export const acceptAuditEntry = (
  state: DeviceChainState,
  entry: StoredEntry,
): CentralProblem | null => {
  const size = state.hashes.length;
  if (entry.seq <= size) {
    return state.hashes[entry.seq - 1] === entry.hash ? null : raise(state, 'rewritten', entry.seq);
  }
  if (entry.seq > size + 1) return raise(state, 'seq_gap', size + 1);
  const head = state.hashes[size - 1] ?? '0'.repeat(64);
  if (entry.prev_hash !== head || entryHash(head, hashedPart(entry)) !== entry.hash) {
    return raise(state, 'chain_break', entry.seq);
  }
  state.hashes.push(entry.hash);
  const pending = state.checkpoints.find((c) => c.size === entry.seq && c.head_hash !== entry.hash);
  return pending ? raise(state, 'checkpoint_mismatch', entry.seq) : null;
};

/**
 * An `audit.checkpoint` op, checked with the key registered at enrolment. A checkpoint smaller
 * than one already received means the log was cut short; a different head at a size central
 * knows means it was rewritten.
 */
export const acceptAuditCheckpoint = (
  state: DeviceChainState,
  checkpoint: Checkpoint,
  enrolledKey: KeyObject,
): CentralProblem | null => {
  state.checkpoints.push(checkpoint);
  if (!checkpointSignatureValid(checkpoint, enrolledKey)) {
    return raise(state, 'checkpoint_signature', checkpoint.size);
  }
  const largest = state.checkpoints.slice(0, -1).reduce((max, c) => Math.max(max, c.size), 0);
  if (checkpoint.size < largest) return raise(state, 'truncated', checkpoint.size + 1);
  const known = state.hashes[checkpoint.size - 1];
  if (known !== undefined && known !== checkpoint.head_hash) {
    return raise(state, 'checkpoint_mismatch', checkpoint.size);
  }
  return null;
};
