import type { KeyObject } from 'node:crypto';
import { entryHash, GENESIS_HASH } from './append';
import { type Checkpoint, checkpointSignatureValid } from './checkpoints';
import { hashedPart, type StoredEntry } from './verify';

/**
 * What central concludes about one device's audit chain as its entries and checkpoints arrive.
 * The rules are pure functions over the facts central holds, so central's store (SQL) and the
 * in-memory state below apply exactly the same ones.
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

export interface EntryFacts {
  /** Entries central has accepted from the device, and the hash of the last. */
  readonly size: number;
  readonly head: string;
  /** The hash central holds for this entry's seq, when it already has that entry. */
  readonly knownHash: string | undefined;
  /** Heads of checkpoints received for exactly this entry's seq. */
  readonly checkpointHeads: readonly string[];
}

/**
 * An `audit.entry` op. The next entry must link to the head central holds and hash right; an
 * entry central already has must be identical (else the device rewrote its history).
 */
export const entryProblem = (facts: EntryFacts, entry: StoredEntry): CentralProblem | null => {
  if (entry.seq <= facts.size) return facts.knownHash === entry.hash ? null : 'rewritten';
  if (entry.seq > facts.size + 1) return 'seq_gap';
  const head = facts.size === 0 ? GENESIS_HASH : facts.head;
  if (entry.prev_hash !== head || entryHash(head, hashedPart(entry)) !== entry.hash)
    return 'chain_break';
  return facts.checkpointHeads.some((h) => h !== entry.hash) ? 'checkpoint_mismatch' : null;
};

export interface CheckpointFacts {
  /** The largest size of any checkpoint received before this one. */
  readonly largestSize: number;
  /** The hash central holds at the checkpoint's size, when it has that entry. */
  readonly knownHash: string | undefined;
}

/**
 * An `audit.checkpoint` op, checked with the key registered at enrolment. A checkpoint smaller
 * than one already received means the log was cut short; a different head at a size central
 * knows means it was rewritten.
 */
export const checkpointProblem = (
  facts: CheckpointFacts,
  checkpoint: Checkpoint,
  enrolledKey: KeyObject,
): CentralProblem | null => {
  if (!checkpointSignatureValid(checkpoint, enrolledKey)) return 'checkpoint_signature';
  if (checkpoint.size < facts.largestSize) return 'truncated';
  if (facts.knownHash !== undefined && facts.knownHash !== checkpoint.head_hash)
    return 'checkpoint_mismatch';
  return null;
};

/** The seq a problem points at: where the history central holds and the device's part ways. */
export const problemSeq = (
  problem: CentralProblem,
  at: { seq?: number; size?: number },
  size: number,
): number =>
  problem === 'seq_gap' || problem === 'truncated'
    ? Math.min(size, at.size ?? size) + 1
    : (at.seq ?? at.size ?? 0);

/** One device's chain held in memory: the reference model the SQL applier is tested against. */
export interface DeviceChainState {
  /** Hash of entry n at index n - 1. */
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

const raise = (
  state: DeviceChainState,
  problem: CentralProblem | null,
  seq: number,
): CentralProblem | null => {
  if (problem) state.flag ??= { problem, seq };
  return problem;
};

export const acceptAuditEntry = (
  state: DeviceChainState,
  entry: StoredEntry,
): CentralProblem | null => {
  const size = state.hashes.length;
  const problem = entryProblem(
    {
      size,
      head: state.hashes[size - 1] ?? GENESIS_HASH,
      knownHash: state.hashes[entry.seq - 1],
      checkpointHeads: state.checkpoints
        .filter((c) => c.size === entry.seq)
        .map((c) => c.head_hash),
    },
    entry,
  );
  if (!problem && entry.seq === size + 1) state.hashes.push(entry.hash);
  if (problem === 'checkpoint_mismatch') state.hashes.push(entry.hash);
  return raise(state, problem, problemSeq(problem ?? 'chain_break', { seq: entry.seq }, size));
};

export const acceptAuditCheckpoint = (
  state: DeviceChainState,
  checkpoint: Checkpoint,
  enrolledKey: KeyObject,
): CentralProblem | null => {
  const largestSize = state.checkpoints.reduce((max, c) => Math.max(max, c.size), 0);
  state.checkpoints.push(checkpoint);
  const problem = checkpointProblem(
    { largestSize, knownHash: state.hashes[checkpoint.size - 1] },
    checkpoint,
    enrolledKey,
  );
  return raise(
    state,
    problem,
    problemSeq(problem ?? 'chain_break', { size: checkpoint.size }, state.hashes.length),
  );
};
