import type { z } from 'zod';

export const roles = ['clerk', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

/**
 * Who may call an operation: anyone (sign-in, first run), any signed-in staff member,
 * the listed roles, or only the operator at this machine (`local`: the CLI, never a transport).
 */
export type Access = 'public' | 'session' | 'local' | readonly Role[];

export interface OperationDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  /** State-changing operations must write an audit entry in the same transaction. */
  readonly mutates: boolean;
  /**
   * The operator at this machine (the CLI, who holds the data folder and its key) may also call
   * it without a staff sign-in, audited as `cli:<os user>`. Without it the CLI signs in as staff.
   */
  readonly local?: boolean;
  /** Polling calls (status badges) that must not keep an idle session from locking. */
  readonly passive?: boolean;
  /** Bridge request-body limit; default 1 MiB. Operations that carry images raise it. */
  readonly maxInputBytes?: number;
}

export const op = <I extends z.ZodType, O extends z.ZodType>(
  def: OperationDef<I, O>,
): OperationDef<I, O> => def;

export const DEFAULT_MAX_INPUT_BYTES = 1024 * 1024;
