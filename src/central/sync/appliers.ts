import { AppError } from '../../shared/errors';
import type { SqlTx } from '../db/store';

/** An op as pushed by a counter, after its envelope was validated and its hash checked. */
export interface PushedOp {
  readonly op_id: string;
  /** The counter's outbox sequence: ops of one device are applied in this order. */
  readonly seq: number;
  readonly kind: string;
  readonly entity_id: string;
  /** The parsed canonical-JSON payload; validate it with zod in the applier. */
  readonly payload: unknown;
  readonly payload_sha256: string;
  /** The counter's clock: informative only, never used for ordering. */
  readonly created_at: string;
}

/** The enrolled counter that pushed the op. */
export interface CentralDevice {
  readonly id: string;
  readonly name: string;
}

/** A change for counters to pull, e.g. an official registry number for a provisional entry. */
export interface NewChange {
  /** Change type; counters route it to `src/core/sync/change-appliers.ts` entries. */
  readonly type: string;
  readonly entity_id: string;
  /** Counters apply a change only if its version is above the one they hold for the entity. */
  readonly version: number;
  readonly payload: unknown;
  /** Restricts the change to one device; omitted = every device pulls it. */
  readonly device_id?: string;
}

/** The transaction an applier runs in: its effect, the dedup record and any changes commit together. */
export interface CentralTx extends SqlTx {
  readonly now: Date;
  /** Queues a change for pull in this transaction; returns its cursor sequence. */
  emitChange(change: NewChange): Promise<number>;
}

/**
 * Applies one op of `kind`. Runs inside the push transaction: throw `rejectOp(code)` (or
 * anything) to reject just this op; ops after it still apply.
 */
export interface OpApplier {
  (tx: CentralTx, device: CentralDevice, op: PushedOp): Promise<void>;
  /**
   * Optional: applies a run of consecutive ops of this kind at once (e.g. one multi-row
   * INSERT), with the same effect as applying them one by one in order. If it throws, the
   * batch is redone op by op with the single form, so only the bad op is rejected.
   */
  readonly many?: (tx: CentralTx, device: CentralDevice, ops: readonly PushedOp[]) => Promise<void>;
}

export type OpAppliers = Readonly<Record<string, OpApplier>>;

/**
 * A deliberate rejection of one pushed op: an `AppError` whose code goes back to the counter in
 * that op's result and is shown to staff. Anything else an applier throws is `apply_failed`.
 */
export const rejectOp = (code: string): AppError => new AppError(code, {}, 422);
